using GuidelineBot.Core.Answers;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Interactions;

/// <summary><b>Share in channel</b>: re-posts the answer <c>in_channel</c> through the <c>response_url</c>.</summary>
internal sealed class ShareHandler(AnswerService answers, SlackReplyRenderer renderer, ResponseUrlReplies replies) : ISlackActionHandler
{
    public bool CanHandle(string actionId) => actionId == ActionIds.Share;

    public async Task HandleAsync(InteractionPayload payload, SlackAction action, CancellationToken cancellationToken)
    {
        if (AnswerButtonValue.Decode(action.Value) is not { } value)
        {
            return;
        }

        var reply = answers.Ask(value.Question, cancellationToken);
        var message = renderer.Render(reply, AnswerButtons.None, footer: $"Shared by <@{payload.User!.Id}>");
        await replies.SendAsync(payload, action, CommandResponse.From(message, CommandResponse.InChannel, replaceOriginal: false), cancellationToken);
    }
}
