using GuidelineBot.Core.Storage;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.Storage;
using GuidelineBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>
/// A purge that fails (the store down at that moment) is tried again within minutes, backing off, not a day later; and
/// once it succeeds the daily rhythm goes on from the start, not from the late purge.
/// </summary>
public sealed class RetentionRetryTests
{
    private sealed class FlakyRetention : IStoreRetention
    {
        private int _calls;

        public int FailuresLeft { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public Task<IReadOnlyDictionary<string, int>> PurgeAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return FailuresLeft-- > 0
                ? throw new InvalidOperationException("the store is down (test)")
                : Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int> { ["feedback"] = 0 });
        }
    }

    [Fact]
    public async Task A_failed_purge_is_tried_again_after_five_minutes_then_ten_and_the_daily_purge_keeps_its_time()
    {
        var clock = new FakeTimeProvider();
        var retention = new FlakyRetention { FailuresLeft = 2 };
        var logs = new TestLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var service = new StoreRetentionService(retention, Options.Create(new StorageOptions { RetentionDays = 7 }), clock,
            loggers.CreateLogger<StoreRetentionService>());
        await service.StartAsync(CancellationToken.None);

        async Task AdvanceAsync(TimeSpan by, int calls)
        {
            clock.Advance(by);
            await Eventually.WaitUntilAsync(() => retention.Calls == calls, $"purge {calls}");
            await Task.Delay(100); // the loop registers its next wait
            Assert.Equal(calls, retention.Calls);
        }

        await AdvanceAsync(StoreRetentionService.StartDelay, calls: 1); // fails
        await AdvanceAsync(StoreRetentionService.FirstRetryDelay - TimeSpan.FromSeconds(1), calls: 1);
        await AdvanceAsync(TimeSpan.FromSeconds(1), calls: 2); // fails again: the wait doubles
        await AdvanceAsync(2 * StoreRetentionService.FirstRetryDelay - TimeSpan.FromSeconds(1), calls: 2);
        await AdvanceAsync(TimeSpan.FromSeconds(1), calls: 3); // succeeds
        var failures = logs.Entries.Where(e => e.Message.StartsWith("Store retention purge failed", StringComparison.Ordinal)).Select(e => e.Level).ToList();
        Assert.Equal([LogLevel.Error, LogLevel.Warning], failures); // an error once, not at every try
        Assert.Single(logs.Entries, e => e.Message.StartsWith("Store retention (7 days)", StringComparison.Ordinal));

        // The next purge is a day after the first one's time, not a day after the late success.
        var sinceFirst = 3 * StoreRetentionService.FirstRetryDelay;
        await AdvanceAsync(StoreRetentionService.Interval - sinceFirst - TimeSpan.FromSeconds(1), calls: 3);
        await AdvanceAsync(TimeSpan.FromSeconds(1), calls: 4);
        await service.StopAsync(CancellationToken.None);
    }
}
