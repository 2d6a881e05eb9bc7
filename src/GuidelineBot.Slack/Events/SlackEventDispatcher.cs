using GuidelineBot.Core.Storage;
using GuidelineBot.Slack.Background;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// Claims the event id in the store (so Slack's retries, even after a restart or on another replica, are answered
/// once) and runs the handlers for the event's type.
/// </summary>
internal sealed class SlackEventDispatcher(
    IEnumerable<ISlackEventHandler> handlers,
    IOnceStore once,
    TimeProvider time,
    ILogger<SlackEventDispatcher> logger)
{
    public const string DedupeScope = "slack-event";

    /// <summary>Slack retries within minutes; seen ids are kept well beyond the hour the issue asks for.</summary>
    public static readonly TimeSpan SeenFor = TimeSpan.FromHours(6);

    public async Task DispatchAsync(EventWork work, CancellationToken cancellationToken)
    {
        var slackEvent = work.Envelope.Event;
        var matching = handlers.Where(h => string.Equals(h.EventType, slackEvent?.Type, StringComparison.Ordinal)).ToList();
        if (slackEvent is null || matching.Count == 0)
        {
            logger.LogDebug("Slack event {EventId} of type {Type} needs no answer", work.EventId, slackEvent?.Type);
            return;
        }

        if (!await once.TryClaimAsync(DedupeScope, work.EventId, time.GetUtcNow(), SeenFor, cancellationToken))
        {
            logger.LogInformation("Slack event {EventId} was already handled; ignoring the repeat", work.EventId);
            return;
        }

        foreach (var handler in matching)
        {
            await handler.HandleAsync(work.Envelope, slackEvent, cancellationToken);
        }
    }
}
