using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary>A suggested topic or example question button: asks it and shows the answer in place of the message.</summary>
internal sealed class AskTopicHandler(ConversationService conversation, IOptions<SlackOptions> options, ResponseUrlReplies replies, ILogger<AskTopicHandler> logger)
    : ConversationActionHandler(conversation, options, logger)
{
    protected override bool Handles(ActionKind kind) => kind == ActionKind.Ask;

    protected override Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken)
    {
        var ephemeral = payload.Container?.IsEphemeral == true;
        var message = SlackRenderer.Render(response.Messages[0], share: ephemeral);
        var responseType = ephemeral ? CommandResponse.Ephemeral : CommandResponse.InChannel;
        return replies.SendAsync(payload, action, CommandResponse.From(message, responseType, replaceOriginal: true), cancellationToken);
    }
}
