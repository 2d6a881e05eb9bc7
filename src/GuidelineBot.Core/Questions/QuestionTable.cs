using System.Globalization;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Reports;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.Core.Questions;

/// <summary>
/// The question log and the votes as table rows (the CSV of <c>report questions</c>, <c>report feedback</c> and the
/// dashboard), with sections named as the knowledge names them now.
/// </summary>
public sealed class QuestionTable(KnowledgeBase knowledge)
{
    public static IReadOnlyList<string> Header { get; } =
        ["asked_at", "channel", "user_hash", "question", "outcome", "document_id", "section_id", "section", "confidence", "latency_ms", "helpful"];

    /// <summary>One vote per row: who voted as the question log's pseudonym, the question masked as the log masks it.</summary>
    public static IReadOnlyList<string> VoteHeader { get; } =
        ["voted_at", "channel", "user_hash", "question", "document_id", "section_id", "section", "helpful"];

    private readonly Dictionary<string, GuidelineSection> _sections = knowledge.Sections
        .GroupBy(s => s.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The pseudonym the question log keeps for a person (the same person on the same channel, the same tag).</summary>
    public static string UserHash(string channel, string userId) => LogText.Pseudonym(channel + ":" + userId);

    /// <summary>
    /// "Document › Section" as loaded now; for a section no longer loaded (edited away, its file removed, an expert
    /// answer withdrawn) its id and that it is gone; "" for none.
    /// </summary>
    public string SectionTitle(string? sectionId) =>
        sectionId is null ? "" : _sections.TryGetValue(sectionId, out var section) ? section.Breadcrumb : sectionId + " — no longer in the knowledge";

    public IReadOnlyList<string> Row(QuestionRecord q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return
        [
            Csv.Time(q.At), q.Channel, q.UserHash, q.Text, OutcomeName(q.Outcome), q.DocumentId ?? "", q.SectionId ?? "", SectionTitle(q.SectionId),
            q.Confidence.ToString("0.###", CultureInfo.InvariantCulture), q.LatencyMs.ToString("0.#", CultureInfo.InvariantCulture), HelpfulName(q.Helpful),
        ];
    }

    public IReadOnlyList<string> VoteRow(FeedbackRecord vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var documentId = vote.SectionId is not null && _sections.TryGetValue(vote.SectionId, out var section) ? section.DocumentId : "";
        return
        [
            Csv.Time(vote.At), vote.Channel, UserHash(vote.Channel, vote.UserId), QuestionMask.Mask(vote.Question), documentId, vote.SectionId ?? "",
            SectionTitle(vote.SectionId), HelpfulName(vote.Helpful),
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
