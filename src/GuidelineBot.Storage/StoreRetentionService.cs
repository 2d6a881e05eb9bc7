using GuidelineBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Storage;

/// <summary>
/// A minute after start and then once a day (on the <see cref="TimeProvider"/>'s clock), deletes what is older than
/// <c>Storage:RetentionDays</c>: the first purge, which may be long after a long stop, never competes with the start
/// and its first answers. A failed purge is logged and tried again the next day; it never stops the server.
/// </summary>
internal sealed class StoreRetentionService(
    IStoreRetention retention,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<StoreRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>How long after start the first purge runs.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromMinutes(1);

    /// <summary>The wait for the first purge, from <see cref="StartAsync"/> on.</summary>
    private PeriodicTimer? _first;

    /// <summary>Starts the wait for the first purge here: <see cref="ExecuteAsync"/> runs later, on the thread pool.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _first = new PeriodicTimer(StartDelay, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _first?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using (var first = _first ?? throw new InvalidOperationException("StartAsync creates the first purge's timer."))
        {
            if (!await WaitAsync(first, stoppingToken))
            {
                return;
            }
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await PurgeAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var days = options.Value.RetentionDays;
        try
        {
            var deleted = await retention.PurgeAsync(now - TimeSpan.FromDays(days), now, stoppingToken);
            logger.LogInformation("Store retention ({Days} days): deleted {Deleted}", days,
                string.Join(", ", deleted.Select(d => $"{d.Value} from {d.Key}")));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start purges.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Store retention purge failed; trying again in {Interval}: {Message}", Interval, ex.Message);
        }
    }
}
