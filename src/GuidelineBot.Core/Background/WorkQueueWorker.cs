using System.Diagnostics;
using GuidelineBot.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Core.Background;

/// <summary>
/// Does what an endpoint acknowledged: a few consumers read a <see cref="WorkQueue{T}"/>, each item on its own, so one
/// failure is logged and never ends the worker. Items are not cancelled by the host's stopping token: on shutdown the
/// queue stops accepting and is drained within the host's shutdown timeout; only then is what is still running cancelled,
/// and the number of items left is logged. Each item runs in a span that continues the trace of the request that queued
/// it, and the queue's depth is reported as <c>guidelinebot.queue.depth</c> under <paramref name="name"/>.
/// </summary>
public abstract class WorkQueueWorker<T>(WorkQueue<T> queue, string name, GuidelineMetrics metrics, ILogger logger, int consumers)
    : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();
    private int _running;

    /// <summary>Does one item; <paramref name="cancellationToken"/> fires only when the shutdown timeout has run out.</summary>
    protected abstract Task ProcessAsync(T item, CancellationToken cancellationToken);

    /// <summary>How the item is named in the logs (no personal data, short).</summary>
    protected abstract string Describe(T item);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveQueue(name, () => queue.Count);
        return Task.WhenAll(Enumerable.Range(0, consumers).Select(_ => Task.Run(ConsumeAsync, CancellationToken.None)));
    }

    private async Task ConsumeAsync()
    {
        // Not the stopping token: on shutdown the queue is completed and drained (see StopAsync).
        await foreach (var (item, trace) in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            Interlocked.Increment(ref _running);
            try
            {
                using var span = GuidelineMetrics.Tracing.StartActivity($"guidelinebot.{name}.work", ActivityKind.Consumer, trace);
                await RunAsync(item, _abort.Token);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    private async Task RunAsync(T item, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ProcessAsync(item, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogError("{Work} was not delivered: the server stopped first", Describe(item));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Work} failed: {Message}", Describe(item), ex.Message);
        }
    }

    private int Left => queue.Count + Volatile.Read(ref _running);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        if (Left > 0)
        {
            logger.LogInformation("Stopping: finishing {Count} acknowledged item(s) first", Left);
        }

        try
        {
            if (ExecuteTask is { } running)
            {
                await running.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Shutdown timeout reached with {Count} acknowledged item(s) left undone", Left);
            await _abort.CancelAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
