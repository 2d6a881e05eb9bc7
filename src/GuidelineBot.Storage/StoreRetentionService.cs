using GuidelineBot.Core.Background;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Storage;

/// <summary>
/// A minute after start and then once a day (on the <see cref="TimeProvider"/>'s clock), deletes what is older than
/// <c>Storage:RetentionDays</c>: the first purge, which may be long after a long stop, never competes with the start
/// and its first answers. A failed purge (the store down) is logged and tried again after <see cref="FirstRetryDelay"/>,
/// doubling up to <see cref="MaxRetryDelay"/>, until it succeeds; it never stops the server.
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

    /// <summary>The first wait before a failed purge is tried again; each failure doubles it.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between tries of a failing purge.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

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

        // The daily timer runs from here on, whatever a purge takes: a purge tried again for hours keeps the daily rhythm.
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            for (var delay = FirstRetryDelay; !await PurgeAsync(delay, stoppingToken); delay = Backoff.Doubled(delay, MaxRetryDelay))
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
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

    /// <summary>True when the purge is done (or the server is stopping); false when it failed and is tried again after <paramref name="retryIn"/>.</summary>
    private async Task<bool> PurgeAsync(TimeSpan retryIn, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var days = options.Value.RetentionDays;
        try
        {
            var deleted = await retention.PurgeAsync(now - TimeSpan.FromDays(days), now, stoppingToken);
            logger.LogInformation("Store retention ({Days} days): deleted {Deleted}", days,
                string.Join(", ", deleted.Select(d => $"{d.Value} from {d.Key}")));
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start purges.
            return true;
        }
        catch (Exception ex)
        {
            // An error the first time; the tries after it, until one succeeds, are warnings.
            logger.Log(retryIn == FirstRetryDelay ? LogLevel.Error : LogLevel.Warning, ex, "Store retention purge failed; trying again in {Delay}: {Message}",
                retryIn, ex.Message);
            return false;
        }
    }
}
