using System.Globalization;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Reports;

namespace GuidelineBot.Core.Questions;

/// <summary>
/// The question log as table rows (the CSV of <c>report questions</c>, <c>report feedback</c> and the dashboard), with
/// sections named as the knowledge names them now.
/// </summary>
public sealed class QuestionTable(KnowledgeBase knowledge)
{
    public static IReadOnlyList<string> Header { get; } =
        ["asked_at", "channel", "user_hash", "question", "outcome", "document_id", "section_id", "section", "confidence", "latency_ms", "helpful"];

    private readonly Dictionary<string, string> _titles = knowledge.Sections
        .GroupBy(s => s.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Breadcrumb, StringComparer.Ordinal);

    /// <summary>
    /// "Document › Section" as loaded now; for a section no longer loaded (edited away, its file removed, an expert
    /// answer withdrawn) its id and that it is gone; "" for none.
    /// </summary>
    public string SectionTitle(string? sectionId) =>
        sectionId is null ? "" : _titles.TryGetValue(sectionId, out var title) ? title : sectionId + " — no longer in the knowledge";

    public IReadOnlyList<string> Row(QuestionRecord q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return
        [
            Csv.Time(q.At), q.Channel, q.UserHash, q.Text, OutcomeName(q.Outcome), q.DocumentId ?? "", q.SectionId ?? "", SectionTitle(q.SectionId),
            q.Confidence.ToString("0.###", CultureInfo.InvariantCulture), q.LatencyMs.ToString("0.#", CultureInfo.InvariantCulture), HelpfulName(q.Helpful),
        ];
    }

    public static string OutcomeName(QuestionOutcome outcome) => outcome switch
    {
        QuestionOutcome.Answered => "answered",
        QuestionOutcome.Declined => "declined",
        QuestionOutcome.Picked => "picked",
        _ => "other",
    };

    public static string HelpfulName(bool? helpful) => helpful switch
    {
        true => "helpful",
        false => "not helpful",
        null => "",
    };
}
