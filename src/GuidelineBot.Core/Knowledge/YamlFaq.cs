using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The knowledge file of an earlier FAQ bot, saved as text: YAML whose entries have a <c>question:</c> and an
/// <c>answer:</c> ("- question: Can families send homemade treats?" over "answer: |" and its lines). Rewritten as the
/// Markdown it stands for, line for line: each question heads a section, its answer is the section's text, a
/// <c>description:</c> is the introduction; every other key (ids, categories, tags, alternate wordings, dates) and every
/// comment is blanked.
/// </summary>
internal static partial class YamlFaq
{
    /// <summary>How many questions and answers a file needs to be read as an FAQ bot's.</summary>
    private const int MinEntries = 2;

    public static bool IsFaq(IReadOnlyList<string> lines) =>
        lines.Count(l => KeyRegex().Match(l) is { Success: true } m && m.Groups["key"].Value == "question" && m.Groups["value"].Length > 0) >= MinEntries
        && lines.Count(l => KeyRegex().Match(l) is { Success: true } m && m.Groups["key"].Value == "answer") >= MinEntries;

    /// <summary>The file as Markdown, line for line.</summary>
    public static string ToMarkdown(IReadOnlyList<string> lines)
    {
        var result = new string[lines.Count];
        for (var k = 0; k < lines.Count; k++)
        {
            var key = KeyRegex().Match(lines[k]);
            if (!key.Success)
            {
                result[k] = "";
                continue;
            }

            var name = key.Groups["key"].Value;
            var value = Unquoted(key.Groups["value"].Value.Trim());
            var text = name is "answer" or "description" or "question";
            result[k] = name == "question" && value.Length > 0 ? "## " + value
                : text && value.Length > 0 && value[0] is not ('|' or '>') ? value
                : "";

            // A block's lines ("answer: |" over lines indented under it) are its text when it is an answer or a description.
            var indent = key.Groups["indent"].Length;
            while (value is ['|' or '>', ..] && k + 1 < lines.Count && (string.IsNullOrWhiteSpace(lines[k + 1]) || Indent(lines[k + 1]) > indent))
            {
                k++;
                result[k] = text ? lines[k].Trim() : "";
            }
        }

        return string.Join('\n', result);
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static string Unquoted(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;

    /// <summary>A key's line, in a list item or not: "  - question: Can I …?", "    answer: |", "description: |" (its indent counts the dash).</summary>
    [GeneratedRegex(@"^(?<indent>[ ]*(?:-[ ]+)?)(?<key>[A-Za-z_][\w-]*):(?:[ \t]+(?<value>.*?))?[ \t]*$")]
    private static partial Regex KeyRegex();
}
