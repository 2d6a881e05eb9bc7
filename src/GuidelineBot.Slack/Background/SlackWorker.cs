using System.Diagnostics;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Background;

/// <summary>
/// Answers what the HTTP handlers acknowledged: a few consumers read <see cref="SlackWorkQueue"/>. Every failure is
/// logged with the work's id; nothing here can crash the process. On shutdown the queue is drained until the host's
/// shutdown timeout, and whatever is still left is logged as not delivered.
/// </summary>
internal sealed class SlackWorker(SlackWorkQueue queue, IServiceScopeFactory scopes, GuidelineMetrics metrics, ILogger<SlackWorker> logger) : BackgroundService
{
    private const int Consumers = 4;
    private readonly CancellationTokenSource _abort = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveQueue("slack", () => queue.Count);
        return Task.WhenAll(Enumerable.Range(0, Consumers).Select(_ => Task.Run(ConsumeAsync, CancellationToken.None)));
    }

    private async Task ConsumeAsync()
    {
        // Not the stopping token: on shutdown the queue is completed and drained (see StopAsync).
        await foreach (var work in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await RunAsync(work, _abort.Token);
        }
    }

    private async Task RunAsync(SlackWork work, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var span = GuidelineMetrics.Tracing.StartActivity("guidelinebot.slack.work", ActivityKind.Consumer, work.Trace);
            await using var scope = scopes.CreateAsyncScope();
            switch (work)
            {
                case EventWork e:
                    await scope.ServiceProvider.GetRequiredService<SlackEventDispatcher>().DispatchAsync(e, cancellationToken);
                    break;
                case DirectMessageWork d:
                    await scope.ServiceProvider.GetRequiredService<SlackDirectMessages>()
                        .PostAsync(d.UserId, d.Channel, d.Messages, d.LogId, cancellationToken);
                    break;
                case ResponseUrlWork r:
                    await scope.ServiceProvider.GetRequiredService<SlackApiClient>()
                        .PostToResponseUrlAsync(r.ResponseUrl, r.Message, r.LogId, cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Slack reply for {LogId} was not delivered: the server stopped first", work.LogId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Slack reply for {LogId} failed: {Message}", work.LogId, ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        try
        {
            if (ExecuteTask is { } running)
            {
                await running.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown timeout: cancel what is still running; each remaining item logs itself as not delivered.
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
