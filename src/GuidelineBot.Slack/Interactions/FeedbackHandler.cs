using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// <b>👍 Helpful</b> / <b>👎 Not helpful</b>: the core records the vote (one per answer and person, a changed vote replaces
/// the earlier one), then the answer is shown again with a thank-you instead of the buttons — or, in a shared channel
/// where the message is everyone's, the clicker alone is thanked. A 👎 offers "Ask an expert" when experts exist.
/// </summary>
internal sealed class FeedbackHandler(ConversationService conversation, IOptions<SlackOptions> options, ResponseUrlReplies replies, ILogger<FeedbackHandler> logger)
    : ConversationActionHandler(conversation, options, logger)
{
    protected override bool Handles(ActionKind kind) => kind is ActionKind.Helpful or ActionKind.NotHelpful;

    protected override Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken)
    {
        var message = response.Messages switch
        {
            [FeedbackThanksMessage thanks] => ResponseUrlReplies.CanReplaceForClicker(payload) && thanks.Answer is { } answer
                ? CommandResponse.From(SlackRenderer.Render(answer, thanks), CommandResponse.Ephemeral, replaceOriginal: true)
                : CommandResponse.From(SlackRenderer.Render(thanks), CommandResponse.Ephemeral, replaceOriginal: false),
            [var notice] => CommandResponse.From(SlackRenderer.Render(notice), CommandResponse.Ephemeral, replaceOriginal: false), // e.g. a vote not counted
            _ => null,
        };
        return message is null ? Task.CompletedTask : replies.SendAsync(payload, action, message, cancellationToken);
    }
}
