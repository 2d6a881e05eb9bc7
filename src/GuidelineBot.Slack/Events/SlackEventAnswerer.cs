using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Events;

/// <summary>Shared by the mention and DM handlers: ask the core, render, <c>chat.postMessage</c>.</summary>
internal sealed class SlackEventAnswerer(
    AnswerService answers,
    SlackReplyRenderer renderer,
    SlackApiClient api,
    SlackBotIdentity identity,
    GuidelineMetrics metrics,
    ILogger<SlackEventAnswerer> logger)
{
    public async Task AnswerAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, string? threadTs, CancellationToken cancellationToken)
    {
        var eventId = envelope.EventId ?? "?";
        var botUserId = await identity.GetUserIdAsync(envelope, api, cancellationToken);
        if (SlackBotIdentity.IsFromABot(slackEvent, botUserId))
        {
            logger.LogDebug("Slack event {EventId} comes from a bot; not answering", eventId);
            return;
        }

        if (string.IsNullOrEmpty(slackEvent.Channel))
        {
            logger.LogWarning("Slack event {EventId} has no channel; cannot answer", eventId);
            return;
        }

        var reply = answers.Ask(SlackText.ToQuestion(slackEvent.Text), cancellationToken);
        metrics.Question("slack", reply);
        var message = renderer.Render(reply, AnswerButtons.Feedback);
        var request = new ChatPostMessageRequest(slackEvent.Channel, message.Text, message.Blocks, threadTs);
        if (await api.PostMessageAsync(request, eventId, cancellationToken))
        {
            logger.LogInformation("Answered Slack event {EventId} in {Channel}", eventId, slackEvent.Channel);
        }
    }
}
