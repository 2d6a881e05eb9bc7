using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Storage;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Interactions;

/// <summary><b>👍 Helpful</b> / <b>👎 Not helpful</b>: records the feedback, then thanks the user instead of the buttons.</summary>
internal sealed class FeedbackHandler(
    AnswerService answers,
    SlackReplyRenderer renderer,
    IFeedbackStore feedback,
    ResponseUrlReplies replies,
    TimeProvider time,
    GuidelineMetrics metrics) : ISlackActionHandler
{
    public bool CanHandle(string actionId) => actionId is ActionIds.Helpful or ActionIds.NotHelpful;

    public async Task HandleAsync(InteractionPayload payload, SlackAction action, CancellationToken cancellationToken)
    {
        if (AnswerButtonValue.Decode(action.Value) is not { } value)
        {
            return;
        }

        var helpful = action.ActionId == ActionIds.Helpful;
        await feedback.AddAsync(
            new FeedbackRecord("slack", payload.User!.Id!, value.Question, value.SectionId, helpful, time.GetUtcNow()),
            cancellationToken);
        metrics.Feedback("slack", helpful);

        const string thanks = "Thanks for your feedback! :pray:";
        CommandResponse message;
        if (ResponseUrlReplies.CanReplaceForClicker(payload))
        {
            var rendered = renderer.Render(answers.Ask(value.Question, cancellationToken), AnswerButtons.None, footer: thanks);
            message = CommandResponse.From(rendered, CommandResponse.Ephemeral, replaceOriginal: true);
        }
        else
        {
            message = new CommandResponse(CommandResponse.Ephemeral, thanks, ReplaceOriginal: false);
        }

        await replies.SendAsync(payload, action, message, cancellationToken);
    }
}
