namespace GuidelineBot.Core.Storage;

/// <summary>A 👍/👎 on an answer, from any channel.</summary>
/// <param name="Channel">"slack" or "teams".</param>
/// <param name="SectionId">The answered section (<see cref="Knowledge.GuidelineSection.Id"/>), when there was one.</param>
public sealed record FeedbackRecord(
    string Channel,
    string UserId,
    string Question,
    string? SectionId,
    bool Helpful,
    DateTimeOffset At);
