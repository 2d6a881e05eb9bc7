using GuidelineBot.Core.Background;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Background;

/// <summary>
/// Answers what the HTTP handlers acknowledged: a few consumers read <see cref="SlackWorkQueue"/>. Every failure is
/// logged with the work's id; nothing here can crash the process. On shutdown the queue is drained until the host's
/// shutdown timeout (see <see cref="WorkQueueWorker{T}"/>).
/// </summary>
internal sealed class SlackWorker(SlackWorkQueue queue, IServiceScopeFactory scopes, GuidelineMetrics metrics, ILogger<SlackWorker> logger)
    : WorkQueueWorker<SlackWork>(queue, "slack", metrics, logger, Consumers)
{
    private const int Consumers = 4;

    protected override string Describe(SlackWork work) => "Slack reply for " + work.LogId;

    protected override async Task ProcessAsync(SlackWork work, CancellationToken cancellationToken)
    {
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
}
