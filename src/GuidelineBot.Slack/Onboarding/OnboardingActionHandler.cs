using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// Onboarding buttons (Next, I have a question, Pause, a check-question choice, the acknowledgement, Continue): the core
/// takes the step (an acknowledgement is committed before Slack gets its 200); the next messages are queued for the DM.
/// A stale or repeated click is answered by the engine ("That button is from an earlier step…"), never applied twice.
/// </summary>
internal sealed class OnboardingActionHandler(
    ConversationService conversation,
    IOptions<SlackOptions> options,
    WorkQueue<SlackWork> queue,
    ILogger<OnboardingActionHandler> logger) : ConversationActionHandler(conversation, options, logger)
{
    protected override bool Handles(ActionKind kind) => kind == ActionKind.Onboarding;

    protected override async Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken)
    {
        var user = payload.User!.Id!;
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var logId = $"{LogText.Clip(action.ActionId)}={LogText.Clip(action.Value)} by {LogText.Pseudonym(user)} at {LogText.Clip(action.ActionTs)}";
        var work = new DirectMessageWork(user, SlackContext.IsDirectMessage(channel) ? channel : null, SlackRenderer.Render(response.Messages), logId);
        if (!await queue.TryEnqueueAsync(work, cancellationToken))
        {
            logger.LogError("Onboarding messages for {User} ({LogId}) not sent: the work queue is full", LogText.Pseudonym(user), logId);
        }
    }
}
