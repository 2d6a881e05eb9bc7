using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A web page saved as text by a browser or a text browser (Firefox's "Text Files", <c>lynx -dump</c>): its links are
/// numbered marks after their words ("Board Policy 4161.1[14]") with the addresses listed at the end under "References"
/// ("Visible links:", "1. https://…"); the marks go and the list is no text. Where the page's breadcrumb ends on the
/// title under it ("Human Resources > Leaves of Absence > Jury Duty and Court Leave" over "Jury Duty and Court Leave"),
/// everything above the breadcrumb is the site's header (skip link, site name, search, menu) and goes with it.
/// </summary>
internal static partial class SavedWebPage
{
    /// <summary>A list of links holds at least this many addresses.</summary>
    private const int MinLinks = 3;

    /// <summary>The breadcrumb stands among the first this many lines of text.</summary>
    private const int MaxHeaderLines = 40;

    public static IReadOnlyList<string> WithoutLinksAndHeader(IReadOnlyList<string> lines, int from)
    {
        string[]? result = null;
        var references = Enumerable.Range(from, lines.Count - from).LastOrDefault(k => ReferencesRegex().IsMatch(lines[k]), -1);
        if (references >= 0 && lines.Skip(references + 1).Count(l => LinkEntryRegex().IsMatch(l)) >= MinLinks
            && lines.Skip(references + 1).All(l => string.IsNullOrWhiteSpace(l) || LinkEntryRegex().IsMatch(l) || LinkListLabelRegex().IsMatch(l)))
        {
            result = [.. lines];
            for (var k = references; k < result.Length; k++)
            {
                result[k] = "";
            }

            for (var k = from; k < references; k++)
            {
                if (result[k].Contains('[', StringComparison.Ordinal))
                {
                    result[k] = LinkMarkRegex().Replace(result[k], "");
                }
            }
        }

        var text = result ?? lines;
        var top = Enumerable.Range(from, text.Count - from).Where(k => !string.IsNullOrWhiteSpace(text[k])).Take(MaxHeaderLines).ToArray();
        for (var n = 0; n + 1 < top.Length; n++)
        {
            if (BreadcrumbRegex().Match(text[top[n]]) is { Success: true } crumbs
                && string.Equals(crumbs.Groups["last"].Value.Trim(), text[top[n + 1]].Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result ??= [.. lines];
                for (var k = from; k <= top[n]; k++)
                {
                    result[k] = "";
                }

                break;
            }
        }

        return result ?? lines;
    }

    /// <summary>The heading of the list of links at a saved page's end.</summary>
    [GeneratedRegex(@"^\s*References\s*$")]
    private static partial Regex ReferencesRegex();

    /// <summary>What a text browser writes over its lists of links: "Visible links:", "Hidden links:".</summary>
    [GeneratedRegex(@"^\s*(?:Visible|Hidden) links:?\s*$")]
    private static partial Regex LinkListLabelRegex();

    /// <summary>A numbered address: "  14. https://…", "17. mailto:…".</summary>
    [GeneratedRegex(@"^\s*\d{1,4}\.\s+(?:https?|mailto|file|ftp):\S+\s*$")]
    private static partial Regex LinkEntryRegex();

    /// <summary>A link's numbered mark after its words: "Board Policy 4161.1/4261.1[14]".</summary>
    [GeneratedRegex(@"(?<=\S)\[\d{1,4}\]")]
    private static partial Regex LinkMarkRegex();

    /// <summary>A breadcrumb trail: two or more short parts between "&gt;", "›" or "»", the last one captured.</summary>
    [GeneratedRegex(@"^\s*[^>›»\n]{1,60}(?:\s[>›»]\s[^>›»\n]{1,80}){0,6}\s[>›»]\s(?<last>[^>›»\n]{1,100})$")]
    private static partial Regex BreadcrumbRegex();
}
