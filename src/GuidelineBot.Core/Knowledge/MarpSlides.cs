using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A slide deck written for Marp (front matter <c>marp: true</c>): an HTML comment on a slide is its presenter's speaker
/// notes, which Marp shows the presenter and which carry what is said (they are text of the slide's section), unless it
/// only sets Marp's directives (<c>&lt;!-- _class: lead --&gt;</c>, <c>&lt;!-- paginate: true --&gt;</c>), which are no text.
/// Rewritten line for line.
/// </summary>
internal static partial class MarpSlides
{
    public static bool IsMarp(IReadOnlyList<string> frontMatter) => frontMatter.Any(l => MarpRegex().IsMatch(l));

    public static List<string> WithSpeakerNotes(List<string> body)
    {
        var fenced = false;
        for (var k = 0; k < body.Count; k++)
        {
            if (MarkdownParser.FenceRegex().IsMatch(body[k]))
            {
                fenced = !fenced;
            }

            if (fenced || !body[k].TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }

            var end = k;
            while (end < body.Count && !body[end].Contains("-->", StringComparison.Ordinal))
            {
                end++;
            }

            if (end == body.Count)
            {
                break;
            }

            // The comment's text, without its marks, line by line.
            var text = Enumerable.Range(k, end - k + 1).Select(j =>
            {
                var line = body[j];
                line = j == k ? line[(line.IndexOf("<!--", StringComparison.Ordinal) + 4)..] : line;
                var close = line.IndexOf("-->", StringComparison.Ordinal);
                return (j == end && close >= 0 ? line[..close] : line).Trim();
            }).ToArray();
            var directives = text.Where(t => t.Length > 0).All(t => DirectiveRegex().IsMatch(t));
            // What stands after the comment on its last line is the slide's text.
            var after = body[end][(body[end].IndexOf("-->", StringComparison.Ordinal) + 3)..];
            for (var j = k; j <= end; j++)
            {
                body[j] = directives ? "" : text[j - k];
            }

            body[end] = string.Join(' ', new[] { body[end], after.Trim() }.Where(t => t.Length > 0));

            k = end;
        }

        return body;
    }

    [GeneratedRegex(@"^\s*marp\s*:\s*true\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MarpRegex();

    /// <summary>One of Marp's directives, for the deck or (with "_") for its slide alone.</summary>
    [GeneratedRegex(@"^_?(?:theme|paginate|header|footer|class|backgroundColor|backgroundImage|backgroundPosition|backgroundRepeat|backgroundSize|color|size|headingDivider|math|lang|style|title|author|description|image|keywords|url|marp|transition)\s*:.*$")]
    private static partial Regex DirectiveRegex();
}
