using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A page of an MkDocs site (Material's extensions), rewritten line for line as the Markdown the other readers know:
/// an admonition (<c>!!! warning "Do not"</c>) is its title as a label over its text; a collapsible question
/// (<c>??? question "Are leggings allowed?"</c>) heads a section of its own; a content tab (<c>=== "Elementary"</c>)
/// is a tab as GitBook marks it, so its text is labelled by it; the blocks' text, indented four spaces, is no code; a
/// snippet's include line (<c>--8&lt;-- "includes/contact.md"</c>) is no text.
/// </summary>
internal static partial class MkDocsMarkup
{
    /// <summary>An admonition, a collapsible block, a content tab or a snippet line: a page MkDocs builds.</summary>
    public static bool IsMkDocs(IReadOnlyList<string> lines) =>
        lines.Any(l => l.Length > 3 && (l.TrimStart() is var t && (t.StartsWith("!!!", StringComparison.Ordinal) || t.StartsWith("???", StringComparison.Ordinal)
                                                                   || t.StartsWith("===", StringComparison.Ordinal) || t.StartsWith("--8<--", StringComparison.Ordinal)))
                       && (BlockRegex().IsMatch(l) || TabRegex().IsMatch(l) || SnippetRegex().IsMatch(l)));

    public static List<string> FromMkDocs(List<string> body)
    {
        var (level, fenced, block, tab) = (1, false, false, false);
        for (var k = 0; k < body.Count; k++)
        {
            if (block && body[k].Trim().Length > 0)
            {
                if (body[k].StartsWith("    ", StringComparison.Ordinal) || body[k].StartsWith('\t'))
                {
                    body[k] = body[k].StartsWith('\t') ? body[k][1..] : body[k][4..];
                }
                else
                {
                    // The block ends where a line is no longer indented; a tab's end stands on the blank line before it.
                    if (tab && k > 0 && body[k - 1].Trim().Length == 0)
                    {
                        body[k - 1] = "{% endtab %}";
                    }

                    (block, tab) = (false, false);
                }
            }

            if (MarkdownParser.FenceRegex().IsMatch(body[k]))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            if (MarkdownParser.AtxHeadingRegex().Match(body[k]) is { Success: true } heading)
            {
                level = heading.Groups["marks"].Length;
            }
            else if (BlockRegex().Match(body[k]) is { Success: true } admonition)
            {
                var title = admonition.Groups["title"].Success ? admonition.Groups["title"].Value.Trim() : "";
                var label = title.Length > 0 ? title : DocumentParser.Capitalised(admonition.Groups["kind"].Value.ToLowerInvariant());
                body[k] = admonition.Groups["mark"].Value.StartsWith('?') && title.EndsWith('?')
                    ? $"{new string('#', Math.Min(6, level + 1))} {title}"
                    : MarkdownParser.AsLabel(label);
                block = true;
            }
            else if (TabRegex().Match(body[k]) is { Success: true } contentTab)
            {
                body[k] = $"{{% tab title=\"{contentTab.Groups["title"].Value.Trim()}\" %}}";
                (block, tab) = (true, true);
            }
            else if (SnippetRegex().IsMatch(body[k]))
            {
                body[k] = "";
            }
        }

        return body;
    }

    /// <summary>An admonition or a collapsible block of one of Material's kinds: <c>!!! note</c>, <c>!!! warning "Title"</c>, <c>???+ tip "Title"</c>.</summary>
    [GeneratedRegex(@"^\s*(?<mark>!!!|\?\?\?\+?)[ \t]+(?<kind>note|abstract|summary|tldr|info|todo|tip|hint|important|success|check|done|question|help|faq|warning|caution|attention|failure|fail|missing|danger|error|bug|example|quote|cite)(?:[ \t]+(?:inline|end))*(?:[ \t]+""(?<title>[^""]*)"")?[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex BlockRegex();

    /// <summary>A content tab: <c>=== "Elementary"</c>.</summary>
    [GeneratedRegex(@"^\s*===\+?[ \t]+""(?<title>[^""]+)""[ \t]*$")]
    private static partial Regex TabRegex();

    /// <summary>A snippet's include line: <c>--8&lt;-- "includes/contact.md"</c>.</summary>
    [GeneratedRegex(@"^\s*-{2}8<-{2}(?:[ \t]+\S.*)?$")]
    private static partial Regex SnippetRegex();
}
