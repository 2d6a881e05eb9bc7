using System.Collections.Concurrent;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>In-test stand-ins for the store until the SQLite store is on main.</summary>
public sealed class TestStores
{
    public RecordingOnceStore Once { get; } = new();

    public RecordingFeedbackStore Feedback { get; } = new();
}

public sealed class RecordingOnceStore : IOnceStore
{
    private readonly ConcurrentDictionary<(string Scope, string Key), DateTimeOffset> _claims = new();

    public bool Contains(string scope, string key) => _claims.ContainsKey((scope, key));

    public Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset now, TimeSpan? expiresAfter, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.TryAdd((scope, key), now));
}

public sealed class RecordingFeedbackStore : IFeedbackStore
{
    private readonly ConcurrentQueue<FeedbackRecord> _records = new();

    public Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        _records.Enqueue(feedback);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FeedbackRecord>>(_records.ToArray());
}
