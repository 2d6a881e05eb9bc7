using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary><b>Share in channel</b>: re-posts the answer <c>in_channel</c> through the <c>response_url</c>.</summary>
internal sealed class ShareHandler(ConversationService conversation, IOptions<SlackOptions> options, ResponseUrlReplies replies, ILogger<ShareHandler> logger)
    : ConversationActionHandler(conversation, options, logger)
{
    protected override bool Handles(ActionKind kind) => kind == ActionKind.Share;

    protected override Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken) =>
        response.Messages.Count == 0
            ? Task.CompletedTask
            : replies.SendAsync(payload, action, CommandResponse.From(SlackRenderer.Render(response.Messages[0]), CommandResponse.InChannel, replaceOriginal: false),
                cancellationToken);
}
