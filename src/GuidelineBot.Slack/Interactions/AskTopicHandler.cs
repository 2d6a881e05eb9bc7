using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Interactions;

/// <summary>A suggested topic or example question button: asks it and shows the answer in place of the message.</summary>
internal sealed class AskTopicHandler(AnswerService answers, SlackReplyRenderer renderer, ResponseUrlReplies replies, GuidelineMetrics metrics) : ISlackActionHandler
{
    public bool CanHandle(string actionId) => actionId.StartsWith(ActionIds.AskPrefix, StringComparison.Ordinal);

    public async Task HandleAsync(InteractionPayload payload, SlackAction action, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.Value))
        {
            return;
        }

        var ephemeral = payload.Container?.IsEphemeral == true;
        var reply = answers.Ask(action.Value, cancellationToken);
        metrics.Question("slack", reply);
        var message = renderer.Render(reply, ephemeral ? AnswerButtons.ShareAndFeedback : AnswerButtons.Feedback);
        var responseType = ephemeral ? CommandResponse.Ephemeral : CommandResponse.InChannel;
        await replies.SendAsync(payload, action, CommandResponse.From(message, responseType, replaceOriginal: true), cancellationToken);
    }
}
