using System.Diagnostics;
using GuidelineBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Core.Background;

/// <summary>
/// Does what an endpoint acknowledged: a few consumers read a <see cref="WorkQueue{T}"/> and hand each item to the
/// channel's <see cref="IWorkItemHandler{T}"/> (a singleton, built at the first item); one failure is logged and never
/// ends the worker. Items are not cancelled by the host's stopping token: on shutdown the queue stops accepting and is
/// drained within the host's shutdown timeout; only then is what is still running cancelled, and the number of items
/// left is logged. Each item runs in a span that continues the trace of the request that queued it, and the queue's
/// depth is reported as <c>guidelinebot.queue.depth</c> under the queue's name.
/// </summary>
public sealed class WorkQueueWorker<T>(
    WorkQueue<T> queue,
    WorkQueueSettings<T> settings,
    IServiceProvider services,
    GuidelineMetrics metrics,
    ILogger<WorkQueueWorker<T>> logger)
    : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();
    private int _running;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveQueue(settings.Name, () => queue.Count);
        return Task.WhenAll(Enumerable.Range(0, settings.Consumers).Select(_ => Task.Run(ConsumeAsync, CancellationToken.None)));
    }

    private async Task ConsumeAsync()
    {
        // Not the stopping token: on shutdown the queue is completed and drained (see StopAsync).
        await foreach (var (item, trace) in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            Interlocked.Increment(ref _running);
            try
            {
                using var span = GuidelineMetrics.Tracing.StartActivity($"guidelinebot.{settings.Name}.work", ActivityKind.Consumer, trace);
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
        IWorkItemHandler<T>? handler = null;
        string Describe() => handler?.Describe(item) ?? $"{settings.Name} work";
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            handler = services.GetRequiredService<IWorkItemHandler<T>>();
            await handler.HandleAsync(item, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogError("{Work} was not delivered: the server stopped first", Describe());
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Work} failed: {Message}", Describe(), ex.Message);
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
