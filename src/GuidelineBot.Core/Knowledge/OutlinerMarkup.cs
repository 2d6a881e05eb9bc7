using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A page of an outliner (Logseq, Roam) exported to Markdown, rewritten line for line as the Markdown the other readers
/// know: every line is a bullet, nested by tabs, and a heading is a bullet too (<c>- ## Confiscation</c>), so its
/// bullets nest under it; written so, the heading stands at the margin and what is nested under it one level out. The
/// page's properties (<c>title:: …</c> names it; <c>tags::</c>, <c>owner::</c>) and a block's (<c>collapsed:: true</c>,
/// <c>id:: 64f0c2…</c>) are no text; a page link reads as its words (<c>[[Front Office]]</c>), a tag at a line's end
/// (<c>#policy</c>, <c>#[[classroom routines]]</c>) and a reference to another block (<c>((64f0c2…))</c>) as none, a tag
/// inside a sentence as its word. A code block in a bullet stays code.
/// </summary>
internal static partial class OutlinerMarkup
{
    /// <summary>A page has at least this many property lines, and its other lines are almost all bullets.</summary>
    private const int MinProperties = 2;

    private const double BulletShare = 0.8;

    public static bool IsOutline(IReadOnlyList<string> lines)
    {
        // (A code block in a bullet counts as its bullet: its lines and closing fence are not read.)
        var outside = new List<string>();
        var fenced = false;
        foreach (var line in lines)
        {
            var fence = FenceRegex().IsMatch(line);
            if (!fenced && (!fence || BulletRegex().IsMatch(line)))
            {
                outside.Add(line);
            }

            fenced ^= fence;
        }

        var properties = outside.Count(l => l.Contains("::", StringComparison.Ordinal) && PropertyRegex().IsMatch(l));
        var text = outside.Where(l => l.Trim().Length > 0 && !PropertyRegex().IsMatch(l)).ToArray();
        return properties >= MinProperties && text.Length > 0 && text.Count(l => BulletRegex().IsMatch(l)) >= BulletShare * text.Length
               && text.Any(l => HeadingBulletRegex().IsMatch(l));
    }

    public static List<string> FromOutline(List<string> body)
    {
        // The indentation of the heading bullet being read: what is nested under it moves out by one level more.
        var heading = -1;
        var titled = false;
        var fenced = false;
        for (var k = 0; k < body.Count; k++)
        {
            var line = body[k];
            var tabs = line.Length - line.TrimStart('\t').Length;
            var outdent = heading >= 0 && tabs > heading ? heading + 1 : 0;
            // A code block in a bullet ("- ```js" … "  ```") is code: it moves out with its bullet, its words unread.
            var fence = FenceRegex().IsMatch(line);
            if (fence || fenced)
            {
                fenced ^= fence;
                body[k] = line[Math.Min(outdent, tabs)..];
                continue;
            }

            if (PropertyRegex().Match(line) is { Success: true } property)
            {
                var isTitle = !titled && property.Groups["key"].Value == "title" && line.Length > 0 && !char.IsWhiteSpace(line[0]);
                body[k] = isTitle ? "# " + Words(property.Groups["value"].Value) : "";
                titled |= isTitle;
                continue;
            }

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

            body[k] = new string('\t', tabs - Math.Min(outdent, tabs)) + Words(line[tabs..]);
        }

        return body;
    }

    /// <summary>
    /// A line's words: page links as their names, block references left out, and tags: those at the line's end left out,
    /// one inside a sentence ("phones for #research with permission") as its word.
    /// </summary>
    private static string Words(string text)
    {
        if (!text.Contains('#', StringComparison.Ordinal) && !text.Contains("[[", StringComparison.Ordinal) && !text.Contains("((", StringComparison.Ordinal))
        {
            return text;
        }

        var tags = TagRegex().Matches(text);
        var cut = text.Length;
        for (var i = tags.Count - 1; i >= 0 && text.AsSpan(tags[i].Index + tags[i].Length, cut - tags[i].Index - tags[i].Length).IsWhiteSpace(); i--)
        {
            cut = tags[i].Index;
        }

        var words = TagRegex().Replace(text[..cut], tag => tag.Groups["name"].Value);
        return MarkdownParser.SpacesRegex().Replace(LinkRegex().Replace(BlockReferenceRegex().Replace(words, ""), "${name}"), " ").TrimEnd();
    }

    /// <summary>A page's or a block's property: "title:: Student Cell Phones", "  collapsed:: true" (under its block).</summary>
    [GeneratedRegex(@"^\s*(?<key>[a-z][a-z0-9_-]{0,40})::\s*(?<value>.*)$")]
    private static partial Regex PropertyRegex();

    /// <summary>A code fence, in a bullet or under one: "- ```js", "\t  ```".</summary>
    [GeneratedRegex(@"^\t*(?:- |\s*)(?:```|~~~)")]
    private static partial Regex FenceRegex();

    [GeneratedRegex(@"^\t*- ")]
    private static partial Regex BulletRegex();

    /// <summary>A heading written as a bullet: "- ## Smartwatches".</summary>
    [GeneratedRegex(@"^\t*- (?<marks>#{1,6}) (?<text>\S.*)$")]
    private static partial Regex HeadingBulletRegex();

    /// <summary>A tag: "#policy", "#[[classroom routines]]" (not "#1" or a heading's marks).</summary>
    [GeneratedRegex(@"(?<=^|\s)#(?:\[\[(?<name>[^\[\]]{1,100})\]\]|(?<name>[\p{L}][\p{L}\p{N}_/-]{0,60}))")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\[\[(?<name>[^\[\]]{1,200})\]\]")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"\(\([0-9a-f-]{8,40}\)\)")]
    private static partial Regex BlockReferenceRegex();
}
