using GuidelineBot.Core.Background;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.Slack.Background;

/// <summary>
/// Slack's part of the background work: what the HTTP handlers acknowledged (within Slack's 3 s) is answered here, one
/// <see cref="SlackWork"/> at a time, by the shared <see cref="WorkQueueWorker{T}"/>.
/// </summary>
internal sealed class SlackWorkHandler(IServiceProvider services) : IWorkItemHandler<SlackWork>
{
    /// <summary>Queue name ("slack"), capacity and parallelism: when the queue stays full the handlers answer 503 and Slack retries.</summary>
    public static readonly WorkQueueSettings<SlackWork> Settings = new("slack", Capacity: 512, Consumers: 4);

    public string Describe(SlackWork work) => "Slack reply for " + work.LogId;

    public Task HandleAsync(SlackWork work, CancellationToken cancellationToken) => work switch
    {
        EventWork e => services.GetRequiredService<SlackEventDispatcher>().DispatchAsync(e, cancellationToken),
        DirectMessageWork d => services.GetRequiredService<SlackDirectMessages>()
            .PostAsync(d.UserId, d.Channel, d.Messages, d.LogId, cancellationToken),
        ResponseUrlWork r => services.GetRequiredService<SlackApiClient>()
            .PostToResponseUrlAsync(r.ResponseUrl, r.Message, r.LogId, cancellationToken),
        ViewSubmissionWork v => services.GetRequiredService<FormSubmitHandler>().HandleAsync(v, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(work), work.GetType().Name, "Unknown Slack work"),
    };
}
