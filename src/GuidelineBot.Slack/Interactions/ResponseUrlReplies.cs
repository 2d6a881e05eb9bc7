using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Interactions;

/// <summary>Queues a message for an interaction's <c>response_url</c>; a full queue is logged, never silent.</summary>
internal sealed class ResponseUrlReplies(WorkQueue<SlackWork> queue, ILogger<ResponseUrlReplies> logger)
{
    public async Task SendAsync(InteractionPayload payload, SlackAction action, CommandResponse message, CancellationToken cancellationToken)
    {
        var logId = $"{LogText.Clip(action.ActionId)} by {LogText.Pseudonym(payload.User?.Id)} at {LogText.Clip(action.ActionTs)}";
        if (string.IsNullOrEmpty(payload.ResponseUrl))
        {
            logger.LogWarning("Slack interaction {LogId} has no response_url; nothing to reply to", logId);
            return;
        }

        if (!await queue.TryEnqueueAsync(new ResponseUrlWork(payload.ResponseUrl, message, logId), cancellationToken))
        {
            logger.LogError("Slack reply for {LogId} was not sent: the work queue is full", logId);
        }
    }

    /// <summary>A message for the clicker alone (ephemeral), the message they clicked left as it was.</summary>
    public Task SendToClickerAsync(InteractionPayload payload, SlackAction action, OutboundMessage message, CancellationToken cancellationToken) =>
        SendAsync(payload, action, CommandResponse.From(SlackRenderer.Render(message), CommandResponse.Ephemeral, replaceOriginal: false), cancellationToken);

    /// <summary>Ephemeral messages and DMs are replaced in place; in a shared channel a reply goes to the clicker only.</summary>
    public static bool CanReplaceForClicker(InteractionPayload payload) =>
        payload.Container?.IsEphemeral == true || (payload.Channel?.Id ?? payload.Container?.ChannelId)?.StartsWith('D') == true;
}
