using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// What a page's markup holds that no reader sees, and a notebook's export adds around its cells: a style sheet
/// (<c>&lt;style&gt;</c> … <c>&lt;/style&gt;</c>, as nbconvert writes above each table of a cell's output: ".dataframe tbody tr
/// th { vertical-align: top; }") and the cells' prompts ("In [3]:", "Out[3]:"). Blanked, outside code fences, every line
/// keeping its number.
/// </summary>
internal static partial class NotebookMarkup
{
    public static List<string> WithoutStylesAndPrompts(List<string> body)
    {
        var prompts = body.Count(l => PromptRegex().IsMatch(l)) >= MinPrompts;
        var fenced = false;
        var styled = false;
        for (var k = 0; k < body.Count; k++)
        {
            if (!styled && MarkdownParser.FenceRegex().IsMatch(body[k]))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            if (styled || StyleOpenRegex().IsMatch(body[k]))
            {
                var close = body[k].IndexOf("</style", StringComparison.OrdinalIgnoreCase);
                var open = styled ? 0 : StyleOpenRegex().Match(body[k]).Index;
                var end = close < 0 ? body[k].Length : body[k].IndexOf('>', close) is var gt && gt >= 0 ? gt + 1 : body[k].Length;
                body[k] = body[k][..open] + body[k][end..];
                styled = close < 0;
            }
            else if (prompts && PromptRegex().IsMatch(body[k]))
            {
                body[k] = "";
            }
        }

        return body;
    }

    /// <summary>A notebook's export has at least this many cell prompts.</summary>
    private const int MinPrompts = 2;

    [GeneratedRegex(@"<style\b", RegexOptions.IgnoreCase)]
    private static partial Regex StyleOpenRegex();

    /// <summary>A cell's prompt on a line of its own: "In [3]:", "Out[3]:", "In [ ]:".</summary>
    [GeneratedRegex(@"^\s*(?:In|Out)\s?\[[\s\d*]*\]:\s*$")]
    private static partial Regex PromptRegex();
}
