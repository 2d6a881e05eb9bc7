namespace GuidelineBot.Slack.Events;

/// <summary>
/// Handles one inner event type of the Events API. Register more with
/// <c>services.AddSingleton&lt;ISlackEventHandler, …&gt;()</c> — e.g. onboarding on <c>team_join</c>.
/// </summary>
public interface ISlackEventHandler
{
    /// <summary>The inner <c>event.type</c>, e.g. <c>app_mention</c> or <c>message</c>.</summary>
    string EventType { get; }

    /// <summary>
    /// Whether this event is for this handler (a person's message, the configured channel, …). Decided before the event
    /// id is claimed, so events nobody handles leave nothing in the store. Logs (at Debug) why not.
    /// </summary>
    Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken);

    /// <summary>Handles an accepted event, once per event id.</summary>
    Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken);
}
