using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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

    /// <summary>
    /// The file as Markdown when it is such a knowledge file; null for any other. It is when it is YAML (it loads as such: a
    /// plain-text FAQ with "question:" lines does not) and two of its mappings or more have a question and an answer.
    /// </summary>
    public static string? AsMarkdown(string content)
    {
        if (!content.Contains("question:", StringComparison.Ordinal) || !content.Contains("answer:", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = DocumentParser.SplitLines(content);
        return IsFaq(lines) ? ToMarkdown(lines) : null;
    }

    private static bool IsFaq(IReadOnlyList<string> lines)
    {
        if (lines.Count(l => KeyRegex().Match(l) is { Success: true } m && m.Groups["key"].Value == "question") < MinEntries
            || lines.Count(l => KeyRegex().Match(l) is { Success: true } m && m.Groups["key"].Value == "answer") < MinEntries)
        {
            return false;
        }

        try
        {
            return SafeYaml.Load(string.Join('\n', lines)) is { Documents: [{ RootNode: YamlMappingNode or YamlSequenceNode } document] }
                   && document.AllNodes.OfType<YamlMappingNode>().Count(m => m.Children.ContainsKey(new YamlScalarNode("question")) && m.Children.ContainsKey(new YamlScalarNode("answer"))) >= MinEntries;
        }
        catch (YamlException)
        {
            return false;
        }
    }

    /// <summary>The file as Markdown, line for line.</summary>
    private static string ToMarkdown(IReadOnlyList<string> lines)
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
            var text = name is "answer" or "description";
            var at = k;
            result[k] = name == "question" && value.Length > 0 && value[0] is not ('|' or '>') ? "## " + value
                : text && value.Length > 0 && value[0] is not ('|' or '>') ? value
                : "";

            // A block's lines ("answer: |" over lines indented under it) are its text when it is an answer or a description;
            // a question's are its words, on its key's line.
            var indent = key.Groups["indent"].Length;
            var question = new List<string>();
            while (value is ['|' or '>', ..] && k + 1 < lines.Count && (string.IsNullOrWhiteSpace(lines[k + 1]) || Indent(lines[k + 1]) > indent))
            {
                k++;
                result[k] = text ? lines[k].Trim() : "";
                if (name == "question" && lines[k].Trim().Length > 0)
                {
                    question.Add(lines[k].Trim());
                }
            }

            if (question.Count > 0)
            {
                result[at] = "## " + string.Join(' ', question);
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
