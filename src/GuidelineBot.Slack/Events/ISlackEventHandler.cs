namespace GuidelineBot.Slack.Events;

/// <summary>
/// Handles one inner event type of the Events API (after deduplication). Register more with
/// <c>services.AddScoped&lt;ISlackEventHandler, …&gt;()</c> — e.g. onboarding on <c>team_join</c>.
/// </summary>
public interface ISlackEventHandler
{
    /// <summary>The inner <c>event.type</c>, e.g. <c>app_mention</c> or <c>message</c>.</summary>
    string EventType { get; }

    Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken);
}
