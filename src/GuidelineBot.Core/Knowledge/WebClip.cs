using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A web page clipped to Markdown by the MarkDownload browser extension: under its front matter the page's title as a
/// heading ("# Classroom Pets &amp; Animals - Northfield Staff Hub"), the "&gt; ## Excerpt" quote and a rule, then the whole
/// page, the site's navigation included, down to its footer. The title, the excerpt (the page's opening words again) and
/// what stands above the page's own heading (the title without the site's name: "# Classroom Pets &amp; Animals") go, so
/// the page's heading titles the document; so do the site's own lines anywhere ("Skip to navigation", "Search this site",
/// "Embedded files", Google Sites' "Report abuse", "Page details", "Page updated").
/// </summary>
internal static partial class WebClip
{
    /// <summary>The excerpt follows the title within this many lines.</summary>
    private const int MaxExcerptLine = 3;

    public static List<string> WithoutPageChrome(List<string> body)
    {
        var title = body.FindIndex(l => !string.IsNullOrWhiteSpace(l));
        if (title < 0 || TitleRegex().Match(body[title]) is not { Success: true } heading)
        {
            return body;
        }

        var excerpt = body.FindIndex(title + 1, l => !string.IsNullOrWhiteSpace(l));
        if (excerpt < 0 || excerpt > title + MaxExcerptLine || !ExcerptRegex().IsMatch(body[excerpt]))
        {
            return body;
        }

        var result = body.ToList();
        var end = excerpt;
        while (end < result.Count && (result[end].TrimStart().StartsWith('>') || string.IsNullOrWhiteSpace(result[end])))
        {
            end++;
        }

        if (end < result.Count && RuleRegex().IsMatch(result[end]))
        {
            end++;
        }

        // The page's own heading: the clip's title without the site's name after it ("Page - Site", "Page | Site").
        var name = heading.Groups["text"].Value.Trim();
        var page = result.FindIndex(end, l => TitleRegex().Match(l) is { Success: true } h && h.Groups["text"].Value.Trim() is { Length: > 0 } own
            && own.Length < name.Length && name.StartsWith(own, StringComparison.OrdinalIgnoreCase) && SiteSeparatorRegex().IsMatch(name[own.Length..]));
        for (var k = title; k < (page >= 0 ? page : end); k++)
        {
            result[k] = "";
        }

        for (var k = page >= 0 ? page : end; k < result.Count; k++)
        {
            if (ChromeRegex().IsMatch(result[k]))
            {
                result[k] = "";
            }
        }

        return result;
    }

    [GeneratedRegex(@"^# (?<text>\S.*?)\s*$")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"^>\s*## Excerpt\s*$")]
    private static partial Regex ExcerptRegex();

    [GeneratedRegex(@"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")]
    private static partial Regex RuleRegex();

    /// <summary>What parts a page's name from its site's in a browser's title: " - ", " | ", " · ", " – ".</summary>
    [GeneratedRegex(@"^\s+[-|·–—:]\s+\S")]
    private static partial Regex SiteSeparatorRegex();

    /// <summary>A line of the site's own: its skip links, its search box, its embedded-file labels and Google Sites' footer.</summary>
    [GeneratedRegex(@"^\s*(?:Skip to main content|Skip to navigation|Skip to content|Search this site|Embedded Files?|Google Sites|Report abuse|Page details|Page updated(?: \S.{0,30})?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeRegex();
}
