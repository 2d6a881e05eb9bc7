using GuidelineBot.Core.Experts;

namespace GuidelineBot.Web.Admin;

/// <summary>
/// The dashboard's "Ask an expert" part: every expert answer suggested for the knowledge (newest first), every
/// unanswered ticket however old, and for the date range how many tickets were asked and answered and the median time
/// to a first answer.
/// </summary>
public sealed record ExpertsOverview(
    IReadOnlyList<KnowledgeSuggestion> Suggestions,
    IReadOnlyList<Ticket> Open,
    int AskedInRange,
    int AnsweredInRange,
    TimeSpan? MedianTimeToFirstAnswer)
{
    /// <summary>Waiting for an admin's review.</summary>
    public IReadOnlyList<KnowledgeSuggestion> Pending => [.. Suggestions.Where(s => s.Status == SuggestionStatus.Pending)];

    /// <summary>In the knowledge: the "Expert answers" document.</summary>
    public IReadOnlyList<KnowledgeSuggestion> Approved => [.. Suggestions.Where(s => s.Status == SuggestionStatus.Approved)];
}
