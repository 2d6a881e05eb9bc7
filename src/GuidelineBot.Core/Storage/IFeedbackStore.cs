namespace GuidelineBot.Core.Storage;

public interface IFeedbackStore
{
    Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken);

    /// <summary>
    /// One vote per <paramref name="voteKey"/> (e.g. message + person) within the channel: the first vote is added, a
    /// repeat of the same vote changes nothing, a different vote replaces the earlier one (people change their mind).
    /// </summary>
    /// <returns>True when a vote was added or changed; false for a repeat.</returns>
    Task<bool> VoteAsync(FeedbackRecord feedback, string voteKey, CancellationToken cancellationToken);

    /// <summary>The votes cast (or last changed) at or after <paramref name="since"/>, in the order they were first cast.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
