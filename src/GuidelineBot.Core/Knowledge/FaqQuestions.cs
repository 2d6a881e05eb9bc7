using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The questions of a Markdown page's FAQ written as paragraphs of their own, each over its answer (a Google Sites page's
/// collapsible text, clipped; a page typed in a plain editor): under a heading that says it holds questions ("## Common
/// Questions", "## FAQ", "## Frequently Asked Questions"), a one-line paragraph ending in "?" heads a section one level
/// below it, so each answer is a section of its own rather than all of them one. At least two such questions.
/// </summary>
internal static partial class FaqQuestions
{
    /// <summary>A FAQ holds at least this many questions.</summary>
    private const int MinQuestions = 2;

    /// <summary>A question is short: a longer paragraph ending in "?" is text.</summary>
    private const int MaxQuestionWords = 25;

    public static List<string> WithQuestionsAsHeadings(List<string> body)
    {
        var fenced = false;
        for (var k = 0; k < body.Count; k++)
        {
            if (MarkdownParser.FenceRegex().IsMatch(body[k]))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced || MarkdownParser.AtxHeadingRegex().Match(body[k]) is not { Success: true } heading || !FaqHeadingRegex().IsMatch(body[k]))
            {
                continue;
            }

            var level = heading.Groups["marks"].Length;
            var end = k + 1;
            while (end < body.Count && !(MarkdownParser.AtxHeadingRegex().Match(body[end]) is { Success: true } next && next.Groups["marks"].Length <= level)
                   && !MarkdownParser.FenceRegex().IsMatch(body[end]))
            {
                end++;
            }

            var questions = Enumerable.Range(k + 1, end - k - 1).Where(j => IsQuestion(body, j, end)).ToArray();
            if (level < 6 && questions.Length >= MinQuestions)
            {
                foreach (var j in questions)
                {
                    body[j] = new string('#', level + 1) + " " + body[j].Trim();
                }
            }

            k = end - 1;
        }

        return body;
    }

    /// <summary>A short one-line paragraph ending in "?" with text under it (no list item, quote, table or HTML).</summary>
    private static bool IsQuestion(List<string> body, int k, int end)
    {
        var line = body[k].Trim();
        return line.Length > 1 && line[^1] == '?' && char.IsLetterOrDigit(line[0]) && !body[k].StartsWith("    ", StringComparison.Ordinal)
               && PlainTextParser.WordCount(line) <= MaxQuestionWords && !OrderedItemRegex().IsMatch(line)
               && (k == 0 || string.IsNullOrWhiteSpace(body[k - 1])) && k + 2 < end && string.IsNullOrWhiteSpace(body[k + 1])
               && !string.IsNullOrWhiteSpace(body[k + 2]) && !MarkdownParser.AtxHeadingRegex().IsMatch(body[k + 2]);
    }

    /// <summary>A heading that says its section holds questions and answers.</summary>
    [GeneratedRegex(@"\b(?:FAQs?|Frequently Asked Questions|Common Questions|Questions and Answers|Questions & Answers|Q\s?&\s?A)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FaqHeadingRegex();

    /// <summary>A numbered list's item: "1. Can I …?" (a list of questions is a list, read as one).</summary>
    [GeneratedRegex(@"^\d{1,3}[.)]\s")]
    private static partial Regex OrderedItemRegex();
}
