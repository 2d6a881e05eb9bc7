namespace GuidelineBot.Slack.Interactions;

/// <summary>Handles the button(s) of one kind in a <c>block_actions</c> interaction.</summary>
public interface ISlackActionHandler
{
    bool CanHandle(string actionId);

    /// <summary>Runs inside the request (ack within 3 s): store what must be stored, queue what goes to Slack.</summary>
    Task HandleAsync(InteractionPayload payload, SlackAction action, CancellationToken cancellationToken);
}
