using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Logging;
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
    protected SlackOptions Options => options.Value;

    protected ILogger Logger => logger;

    public bool CanHandle(string actionId) => ActionIds.Kind(actionId) is { } kind && Handles(kind);

    public async Task HandleAsync(InteractionPayload payload, SlackAction action, CancellationToken cancellationToken)
    {
        var kind = ActionIds.Kind(action.ActionId!)!.Value;
        if (ConversationInbound.FromAction(kind, action.Value) is not { } inbound)
        {
            logger.LogWarning("Slack action {ActionId} has an unreadable value; ignored", LogText.Clip(action.ActionId));
            return;
        }

        var response = await conversation.HandleAsync(await ContextAsync(payload, kind, cancellationToken), inbound, cancellationToken);
        await DeliverAsync(payload, action, response, cancellationToken);
    }

    protected abstract bool Handles(ActionKind kind);

    /// <summary>Who pressed the button, where (<see cref="SlackContext.For(SlackOptions, InteractionPayload, string)"/>).</summary>
    protected virtual Task<ConversationContext> ContextAsync(InteractionPayload payload, ActionKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(SlackContext.For(options.Value, payload));

    /// <summary>The interaction in the logs: the button, the person (pseudonymised) and when.</summary>
    protected static string LogId(InteractionPayload payload, ActionKind kind) =>
        $"{kind} by {LogText.Pseudonym(payload.User?.Id)} at {LogText.Clip(payload.Actions?.FirstOrDefault()?.ActionTs)}";

    protected abstract Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken);
}
