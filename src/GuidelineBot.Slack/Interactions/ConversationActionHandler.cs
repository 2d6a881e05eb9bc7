using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// A button GuidelineBot rendered: its action id gives the kind, its value the rest; the conversation core takes the
/// step (an onboarding step or a vote is stored before Slack gets its 200) and the subclass delivers what it answers.
/// </summary>
internal abstract class ConversationActionHandler(ConversationService conversation, IOptions<SlackOptions> options, ILogger logger) : ISlackActionHandler
{
    public bool CanHandle(string actionId) => ActionIds.Kind(actionId) is { } kind && Handles(kind);

    public async Task HandleAsync(InteractionPayload payload, SlackAction action, CancellationToken cancellationToken)
    {
        if (ConversationInbound.FromAction(ActionIds.Kind(action.ActionId!)!.Value, action.Value) is not { } inbound)
        {
            logger.LogWarning("Slack action {ActionId} has an unreadable value; ignored", action.ActionId);
            return;
        }

        var response = await conversation.HandleAsync(SlackContext.For(options.Value, payload), inbound, cancellationToken);
        await DeliverAsync(payload, action, response, cancellationToken);
    }

    protected abstract bool Handles(ActionKind kind);

    protected abstract Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken);
}
