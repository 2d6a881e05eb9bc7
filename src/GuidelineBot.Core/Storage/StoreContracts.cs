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

    /// <summary>
    /// One vote per <paramref name="voteKey"/> (e.g. message + person) within the channel: the first vote is added, a
    /// repeat of the same vote changes nothing, a different vote replaces the earlier one (people change their mind).
    /// </summary>
    /// <returns>True when a vote was added or changed; false for a repeat.</returns>
    Task<bool> VoteAsync(FeedbackRecord feedback, string voteKey, CancellationToken cancellationToken);

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

    /// <summary>Gives a claim back (the claimed work failed), so the next <see cref="TryClaimAsync"/> wins again.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}

/// <summary>Deletes what is kept only for a while (<c>Storage:RetentionDays</c>); acknowledgements and onboarding state stay.</summary>
public interface IStoreRetention
{
    /// <summary>Deletes records made before <paramref name="cutoff"/> and claims expired by <paramref name="now"/>.</summary>
    /// <returns>Rows deleted per table.</returns>
    Task<IReadOnlyDictionary<string, int>> PurgeAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// A few named values the bot learns and keeps across restarts and replicas, e.g. the Teams service URL of the experts'
/// team, learned when the bot is installed there.
/// </summary>
public interface ISettingStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Sets (or replaces) the value.</summary>
    Task SetAsync(string key, string value, DateTimeOffset at, CancellationToken cancellationToken);
}
