using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Storage;
using GuidelineBot.Slack.Background;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// Asks the handlers for the event's type whether it is theirs; only then claims the event id in the store (so Slack's
/// retries, even after a restart or on another replica, are answered once) and runs them. When handling fails the
/// claim is given back, so that Slack's retry of the event is answered; when the store cannot take the claim, the event
/// is answered unclaimed.
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

    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

    public async Task DispatchAsync(EventWork work, CancellationToken cancellationToken)
    {
        var slackEvent = work.Envelope.Event;
        var accepting = new List<ISlackEventHandler>();
        foreach (var handler in handlers.Where(h => string.Equals(h.EventType, slackEvent?.Type, StringComparison.Ordinal)))
        {
            if (await handler.AcceptsAsync(work.Envelope, slackEvent!, cancellationToken))
            {
                accepting.Add(handler);
            }
        }

        if (slackEvent is null || accepting.Count == 0)
        {
            logger.LogDebug("Slack event {EventId} of type {Type} needs no answer", LogText.Clip(work.EventId), LogText.Clip(slackEvent?.Type));
            return;
        }

        var claimed = await TryClaimAsync(work.EventId, cancellationToken);
        if (claimed == false)
        {
            logger.LogInformation("Slack event {EventId} was already handled; ignoring the repeat", LogText.Clip(work.EventId));
            return;
        }

        try
        {
            foreach (var handler in accepting)
            {
                await handler.HandleAsync(work.Envelope, slackEvent, cancellationToken);
            }
        }
        catch (Exception ex) when (claimed == true)
        {
            await ReleaseAsync(work.EventId, ex);
            throw;
        }
    }

    /// <summary>
    /// True when this is the event's first delivery, false for a repeat, null when the store could not say: the event is
    /// then answered anyway (Slack has its acknowledgement and will not resend it, so a repeat is unlikely, and a person
    /// answered twice is better than one not answered at all).
    /// </summary>
    private async Task<bool?> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        try
        {
            return await once.TryClaimAsync(DedupeScope, eventId, time.GetUtcNow(), SeenFor, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Slack event {EventId}: the store could not record it as handled ({Message}); answering it unrecorded", LogText.Clip(eventId), ex.Message);
            return null;
        }
    }

    private async Task ReleaseAsync(string eventId, Exception failure)
    {
        // Not the work's token: it may be the one that was cancelled.
        using var timeout = new CancellationTokenSource(ReleaseTimeout, time);
        try
        {
            await once.ReleaseAsync(DedupeScope, eventId, timeout.Token);
            logger.LogWarning("Slack event {EventId} failed ({Failure}); released it so that Slack's retry is answered",
                LogText.Clip(eventId), failure.GetType().Name);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Slack event {EventId} failed and could not be released; a retry of it will be ignored", LogText.Clip(eventId));
        }
    }
}
