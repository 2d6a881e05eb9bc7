using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A web page clipped to Markdown by the MarkDownload browser extension: under its front matter the page's title as a
/// heading ("# Classroom Pets &amp; Animals - Northfield Staff Hub"), the "&gt; ## Excerpt" quote and a rule, then the whole
/// page, the site's navigation included, down to its footer. The title, the excerpt (the page's opening words again) and
/// what stands above the page's own heading (the title, or it without the site's name: "# Classroom Pets &amp; Animals")
/// go, so the page's heading titles the document (without one, the title stays and the excerpt goes); so do the site's own lines anywhere ("Skip to navigation", "Search this site",
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

        // The page's own heading: the clip's title, or it without the site's name before or after it ("Page - Site", "Site |
        // Page"), not over a menu; of several, the one with the most text under it.
        var name = heading.Groups["text"].Value.Trim();
        var page = Enumerable.Range(end, result.Count - end).Where(k => TitleRegex().Match(result[k]) is { Success: true } h && IsPageOf(h.Groups["text"].Value.Trim(), name)
                && !OverMenu(result, k))
            .Select(k => (Line: k, Text: TextUnder(result, k))).OrderByDescending(c => c.Text).Select(c => c.Line).DefaultIfEmpty(-1).First();
        // Without it, the title stays and only the excerpt goes.
        for (var k = page >= 0 ? title : excerpt; k < (page >= 0 ? page : end); k++)
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

    /// <summary>A page's heading is the clip's title, or that title's part before or after a site separator.</summary>
    private static bool IsPageOf(string own, string name) =>
        own.Length > 0 && (own.Equals(name, StringComparison.OrdinalIgnoreCase)
            || (own.Length < name.Length && name.StartsWith(own, StringComparison.OrdinalIgnoreCase) && SiteSeparatorRegex().IsMatch(name[own.Length..]))
            || (own.Length < name.Length && name.EndsWith(own, StringComparison.OrdinalIgnoreCase) && SeparatorBeforeRegex().IsMatch(name[..^own.Length])));

    /// <summary>The first line under a heading is a link: the heading is the site's name over its menu, not the page's.</summary>
    private static bool OverMenu(List<string> lines, int heading) =>
        lines.FindIndex(heading + 1, l => !string.IsNullOrWhiteSpace(l)) is var first && first >= 0 && LinkLineRegex().IsMatch(lines[first]);

    /// <summary>How many lines of text (not links) stand under a heading, up to the next top heading.</summary>
    private static int TextUnder(List<string> lines, int heading)
    {
        var count = 0;
        for (var k = heading + 1; k < lines.Count && !TitleRegex().IsMatch(lines[k]); k++)
        {
            count += string.IsNullOrWhiteSpace(lines[k]) || LinkLineRegex().IsMatch(lines[k]) ? 0 : 1;
        }

        return count;
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

    /// <summary>The separator at the end of a site's name before a page's: "Riverside USD - ".</summary>
    [GeneratedRegex(@"\S\s+[-|·–—:]\s+$")]
    private static partial Regex SeparatorBeforeRegex();

    /// <summary>A line that is a link (a menu's entry): "[Home](…)", "-   [HR](…)", "1. [Home](…)".</summary>
    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,3}\.)?\s*!?\[[^\]]*\]\([^)]*\)\s*$")]
    private static partial Regex LinkLineRegex();

    /// <summary>A line of the site's own: its skip links, its search box, its embedded-file labels and Google Sites' footer.</summary>
    [GeneratedRegex(@"^\s*(?:Skip to main content|Skip to navigation|Skip to content|Search this site|Embedded Files?|Google Sites|Report abuse|Page details|Page updated(?: \S.{0,30})?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeRegex();
}
