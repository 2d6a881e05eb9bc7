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

public interface IFeedbackStore
{
    Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// "Do this once": the first caller to claim (scope, key) gets true, everyone after gets false — across threads,
/// restarts and replicas. Used for Slack event ids (deduplicating retries), the Teams welcome once per
/// conversation, and starting a person's onboarding once.
/// </summary>
public interface IOnceStore
{
    /// <param name="expiresAfter">When set, the claim may be forgotten after this long (e.g. seen event ids after a few hours).</param>
    Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset now, TimeSpan? expiresAfter, CancellationToken cancellationToken);
}
