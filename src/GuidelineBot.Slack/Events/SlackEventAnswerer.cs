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
    /// <summary>True for a message written by a person (never the bot itself or another bot) in a channel.</summary>
    public async Task<bool> CanAnswerAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        var eventId = envelope.EventId ?? "?";
        if (SlackBotIdentity.IsFromABot(slackEvent, await identity.GetUserIdAsync(envelope, api, cancellationToken)))
        {
            logger.LogDebug("Slack event {EventId} comes from a bot; not answering", eventId);
            return false;
        }

        if (string.IsNullOrEmpty(slackEvent.Channel))
        {
            logger.LogWarning("Slack event {EventId} has no channel; cannot answer", eventId);
            return false;
        }

        return true;
    }

    /// <summary>Answers an event that <see cref="CanAnswerAsync"/> accepted.</summary>
    public async Task AnswerAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, string? threadTs, CancellationToken cancellationToken)
    {
        var eventId = envelope.EventId ?? "?";
        ArgumentException.ThrowIfNullOrEmpty(slackEvent.Channel);
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
