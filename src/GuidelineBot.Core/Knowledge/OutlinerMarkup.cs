using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A page of an outliner (Logseq, Roam) exported to Markdown, rewritten line for line as the Markdown the other readers
/// know: every line is a bullet, nested by tabs, and a heading is a bullet too (<c>- ## Confiscation</c>), so its
/// bullets nest under it; written so, the heading stands at the margin and what is nested under it one level out. The
/// page's properties (<c>title:: …</c> names it; <c>tags::</c>, <c>owner::</c>) and a block's (<c>collapsed:: true</c>,
/// <c>id:: 64f0c2…</c>) are no text; a page link reads as its words (<c>[[Front Office]]</c>), and a tag
/// (<c>#policy</c>, <c>#[[classroom routines]]</c>) and a reference to another block (<c>((64f0c2…))</c>) as none.
/// </summary>
internal static partial class OutlinerMarkup
{
    /// <summary>A page has at least this many property lines, and its other lines are almost all bullets.</summary>
    private const int MinProperties = 2;

    private const double BulletShare = 0.8;

    public static bool IsOutline(IReadOnlyList<string> lines)
    {
        var properties = lines.Count(l => l.Contains("::", StringComparison.Ordinal) && PropertyRegex().IsMatch(l));
        var text = lines.Where(l => l.Trim().Length > 0 && !PropertyRegex().IsMatch(l)).ToArray();
        return properties >= MinProperties && text.Length > 0 && text.Count(l => BulletRegex().IsMatch(l)) >= BulletShare * text.Length
               && text.Any(l => HeadingBulletRegex().IsMatch(l));
    }

    public static List<string> FromOutline(List<string> body)
    {
        // The indentation of the heading bullet being read: what is nested under it moves out by one level more.
        var heading = -1;
        var titled = false;
        for (var k = 0; k < body.Count; k++)
        {
            var line = body[k];
            if (PropertyRegex().Match(line) is { Success: true } property)
            {
                var isTitle = !titled && property.Groups["key"].Value == "title" && line.Length > 0 && !char.IsWhiteSpace(line[0]);
                body[k] = isTitle ? "# " + Words(property.Groups["value"].Value) : "";
                titled |= isTitle;
                continue;
            }

            var tabs = line.Length - line.TrimStart('\t').Length;
            if (HeadingBulletRegex().Match(line) is { Success: true } marked)
            {
                (body[k], heading) = (marked.Groups["marks"].Value + " " + Words(marked.Groups["text"].Value), tabs);
                continue;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (heading >= 0 && tabs <= heading)
            {
                heading = -1;
            }

            var outdent = heading >= 0 ? heading + 1 : 0;
            body[k] = new string('\t', tabs - Math.Min(outdent, tabs)) + Words(line[tabs..]);
        }

        return body;
    }

    /// <summary>A line's words: page links as their names, tags and block references left out.</summary>
    private static string Words(string text) =>
        text.Contains('#', StringComparison.Ordinal) || text.Contains("[[", StringComparison.Ordinal) || text.Contains("((", StringComparison.Ordinal)
            ? SpacesRegex().Replace(LinkRegex().Replace(BlockReferenceRegex().Replace(TagRegex().Replace(text, ""), ""), "${name}"), " ").TrimEnd()
            : text;

    /// <summary>A page's or a block's property: "title:: Student Cell Phones", "  collapsed:: true" (under its block).</summary>
    [GeneratedRegex(@"^\s*(?<key>[a-z][a-z0-9_-]{0,40})::\s*(?<value>.*)$")]
    private static partial Regex PropertyRegex();

    [GeneratedRegex(@"^\t*- ")]
    private static partial Regex BulletRegex();

    /// <summary>A heading written as a bullet: "- ## Smartwatches".</summary>
    [GeneratedRegex(@"^\t*- (?<marks>#{1,6}) (?<text>\S.*)$")]
    private static partial Regex HeadingBulletRegex();

    /// <summary>A tag: "#policy", "#[[classroom routines]]" (not "#1" or a heading's marks).</summary>
    [GeneratedRegex(@"(?<=^|\s)#(?:\[\[[^\[\]]{1,100}\]\]|[\p{L}][\p{L}\p{N}_/-]{0,60})")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\[\[(?<name>[^\[\]]{1,200})\]\]")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"\(\([0-9a-f-]{8,40}\)\)")]
    private static partial Regex BlockReferenceRegex();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex SpacesRegex();
}
