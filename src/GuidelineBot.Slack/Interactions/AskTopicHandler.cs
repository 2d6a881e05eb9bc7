using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// A suggested topic or example question button: asks it and shows the answer in place of the message where only the
/// clicker sees that message (an ephemeral one, a DM). On a message in a shared channel, which anyone there can click,
/// the answer goes to the clicker alone (with Share), and the message stays as it was for everyone.
/// </summary>
internal sealed class AskTopicHandler(ConversationService conversation, IOptions<SlackOptions> options, ResponseUrlReplies replies, ILogger<AskTopicHandler> logger)
    : ConversationActionHandler(conversation, options, logger)
{
    protected override bool Handles(ActionKind kind) => kind == ActionKind.Ask;

    protected override Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken)
    {
        var ephemeral = payload.Container?.IsEphemeral == true;
        var inPlace = ResponseUrlReplies.CanReplaceForClicker(payload);
        var message = SlackRenderer.Render(response.Messages[0], share: ephemeral || !inPlace);
        var reply = inPlace
            ? CommandResponse.From(message, ephemeral ? CommandResponse.Ephemeral : CommandResponse.InChannel, replaceOriginal: true)
            : CommandResponse.From(message, CommandResponse.Ephemeral, replaceOriginal: false);
        return replies.SendAsync(payload, action, reply, cancellationToken);
    }
}
