using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Storage;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// <b>👍 Helpful</b> / <b>👎 Not helpful</b>: records the feedback, then thanks the user instead of the buttons. One vote
/// per message and person: a double click or a replay changes nothing, a different vote replaces the earlier one (in a
/// shared channel the buttons stay, and people who misclicked expect their last choice to count).
/// </summary>
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
        var userId = payload.User!.Id!;
        var counted = await feedback.VoteAsync(
            new FeedbackRecord("slack", userId, value.Question, value.SectionId, helpful, time.GetUtcNow()),
            VoteKey(payload, value, userId),
            cancellationToken);
        if (counted)
        {
            metrics.Feedback("slack", helpful);
        }

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

    /// <summary>
    /// The message (workspace, channel, message ts) and the person; without a message ts (never seen from Slack), the
    /// answer the buttons carry stands in for the message. Hashed: fixed length whatever the question's.
    /// </summary>
    private static string VoteKey(InteractionPayload payload, AnswerButtonValue value, string userId)
    {
        var team = payload.User?.TeamId ?? payload.Team?.Id ?? "";
        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id ?? "";
        var message = payload.Container?.MessageTs is { Length: > 0 } ts ? "ts:" + ts : $"answer:{value.SectionId}\n{value.Question}";
        var key = string.Join('\u001f', team, channel, message, userId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
