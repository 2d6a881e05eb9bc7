using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GuidelineBot.Core.Experts;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The approved expert answers as one document, "Expert answers": Markdown in the format of the documents in
/// <c>knowledge/</c> (one <c>##</c> section per answer, its heading the question, its text the answer) and the
/// <see cref="GuidelineDocument"/> parsed from that Markdown by the real loader, so what the store serves and what
/// <c>knowledge export-answers</c> writes are the same sections. Each section carries its own metadata: the expert as
/// owner and the approval date as last reviewed; its id is stable (the suggestion's id), whatever else is approved.
/// </summary>
public static partial class ExpertAnswersDocument
{
    public const string Title = "Expert answers";

    /// <summary>The file name <c>knowledge export-answers</c> writes; copied into <c>knowledge/</c> it is the document <c>expert-answers</c>.</summary>
    public const string FileName = "expert-answers.md";

    /// <summary>The live document's id and source: apart from any file in <c>knowledge/</c> (an export copied there keeps its own id).</summary>
    public const string DocumentId = "store/expert-answers";

    private const string SourceFile = DocumentId + ".md";

    /// <summary>
    /// The Markdown for the approved suggestions (others are ignored), oldest suggestion first. Who answered and when it
    /// was approved go in an HTML comment under each heading, which the loader skips. Null when there is nothing to write.
    /// </summary>
    public static string? ToMarkdown(IEnumerable<KnowledgeSuggestion> suggestions)
    {
        var entries = Entries(suggestions);
        return entries.Count == 0 ? null : Render(entries);
    }

    /// <summary>The live "Expert answers" document for the approved suggestions, or null when none is approved.</summary>
    public static GuidelineDocument? Build(IEnumerable<KnowledgeSuggestion> suggestions)
    {
        var entries = Entries(suggestions);
        if (entries.Count == 0)
        {
            return null;
        }

        var parsed = KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(Render(entries)), SourceFile, SourceFile, headedIntroduction: false);
        if (parsed.Sections.Count != entries.Count)
        {
            throw new InvalidOperationException($"The expert answers parsed into {parsed.Sections.Count} sections, not {entries.Count}.");
        }

        var sections = parsed.Sections
            .Zip(entries, (section, entry) => section with
            {
                Id = $"{DocumentId}#{entry.Suggestion.Id}",
                // Kept in the store, not in a file: the citation names the expert and the approval date, no file:lines.
                SourceFile = "",
                Metadata = new DocumentMetadata(Owner: entry.Suggestion.Expert.DisplayName, LastReviewed: ReviewedOn(entry.Suggestion)),
            })
            .ToArray();
        return parsed with { Sections = sections };
    }

    private sealed record Entry(KnowledgeSuggestion Suggestion, string Heading, string Body);

    private static List<Entry> Entries(IEnumerable<KnowledgeSuggestion> suggestions) =>
        suggestions
            .Where(s => s.Status == SuggestionStatus.Approved)
            .OrderBy(s => s.SuggestedAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(ToEntry)
            .OfType<Entry>()
            .ToList();

    /// <summary>
    /// Whether an approved question and answer become a section of the document: false when no word is left of one of
    /// them as Markdown (e.g. a question of only <c>###</c>, an answer of only <c>---</c>, <c>&lt;!-- --&gt;</c> or
    /// <c>?!</c>), which the dashboard then refuses.
    /// </summary>
    public static bool IsPublishable(string question, string answer) => HeadingAndBody(question, answer) is not null;

    private static Entry? ToEntry(KnowledgeSuggestion suggestion) =>
        HeadingAndBody(suggestion.Question, suggestion.Answer) is { } parts ? new Entry(suggestion, parts.Heading, parts.Body) : null;

    /// <summary>The question and answer as a heading and a body that parse back as exactly one section; null when nothing is left of them.</summary>
    private static (string Heading, string Body)? HeadingAndBody(string question, string answer)
    {
        var heading = WhitespaceRegex().Replace(question, " ").Trim().TrimStart('#').Trim();
        var body = Sanitize(answer);
        if (IsOneSection(heading, body))
        {
            return (heading, body);
        }

        // Markdown the sanitizer did not foresee: the answer as one plain paragraph.
        var flat = Sanitize(WhitespaceRegex().Replace(answer, " "));
        return IsOneSection(heading, flat) ? (heading, flat) : null;
    }

    private static bool IsOneSection(string heading, string body)
    {
        if (heading.Length == 0 || body.Trim().Length == 0)
        {
            return false;
        }

        try
        {
            var parsed = MarkdownParser.Parse($"# {Title}\n\n## {heading}\n\n{body}\n");
            return parsed.Sections is [{ IsIntroduction: false } section] && ExpertInputs.HasWords(section.Heading) && section.Passages.Any(p => ExpertInputs.HasWords(p.Text));
        }
        catch (KnowledgeFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The expert's text with the lines that Markdown would read as structure made plain: a heading or a bold question
    /// (a new section), a rule or setext underline, a code fence, a comment.
    /// </summary>
    private static string Sanitize(string answer)
    {
        var lines = answer.ReplaceLineEndings("\n").Split('\n').Select(line =>
        {
            var trimmed = line.Trim();
            return trimmed switch
            {
                _ when trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal) => "",
                _ when RuleRegex().IsMatch(trimmed) => "",
                _ when trimmed.StartsWith('#') => "\\" + trimmed,
                _ when trimmed.StartsWith("<!--", StringComparison.Ordinal) => trimmed[4..],
                _ when QuestionLineRegex().IsMatch(trimmed) => QuestionLineRegex().Replace(trimmed, "${q}"),
                _ => line.TrimEnd(),
            };
        });
        return string.Join('\n', lines).Trim('\n');
    }

    private static string Render(IReadOnlyList<Entry> entries)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Title).Append("\n\n");
        sb.Append("<!-- Questions the guidelines did not answer, answered by an expert and approved by an admin. -->\n");
        foreach (var entry in entries)
        {
            var s = entry.Suggestion;
            sb.Append("\n## ").Append(entry.Heading).Append("\n\n");
            sb.Append("<!-- owner: ").Append(Comment(s.Expert.DisplayName))
                .Append("; last reviewed: ").Append(ReviewedOn(s)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown")
                .Append("; suggestion: ").Append(Comment(s.Id)).Append(" -->\n\n");
            sb.Append(entry.Body).Append('\n');
        }

        return sb.ToString();
    }

    private static DateOnly? ReviewedOn(KnowledgeSuggestion suggestion) =>
        suggestion.DecidedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;

    /// <summary>Text safe inside an HTML comment: one line, and no "--" left (so no run of dashes can close it).</summary>
    private static string Comment(string text)
    {
        var line = WhitespaceRegex().Replace(text, " ");
        while (line.Contains("--", StringComparison.Ordinal))
        {
            line = line.Replace("--", "- -", StringComparison.Ordinal);
        }

        return line;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    /// <summary>A setext underline or a thematic break.</summary>
    [GeneratedRegex(@"^(=+|-{2,}|([-*_])(\s*\2){2,})$")]
    private static partial Regex RuleRegex();

    /// <summary>A line the Markdown parser takes for a question heading: <c>**…?**</c> or <c>Q: …</c>.</summary>
    [GeneratedRegex(@"^(?:\*\*|__)(?<q>.*\?)(?:\*\*|__)$|^Q\s*:\s*(?<q>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionLineRegex();
}
