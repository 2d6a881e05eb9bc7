using GuidelineBot.Core.Experts;

namespace GuidelineBot.Web.Admin;

/// <summary>
/// The dashboard's "Ask an expert" part: the expert answers waiting for review and those approved (the "Expert answers"
/// document), every unanswered ticket however old, and for the date range how many tickets were asked and answered and
/// the median time to a first answer.
/// </summary>
public sealed record ExpertsOverview(
    IReadOnlyList<KnowledgeSuggestion> Pending,
    IReadOnlyList<KnowledgeSuggestion> Approved,
    IReadOnlyList<Ticket> Open,
    int AskedInRange,
    int AnsweredInRange,
    TimeSpan? MedianTimeToFirstAnswer);
