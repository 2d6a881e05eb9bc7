using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Events;

/// <summary>Shared by the mention and DM handlers: which messages to answer, and answering one.</summary>
internal sealed class SlackEventFilter(SlackApiClient api, SlackBotIdentity identity, ILogger<SlackEventFilter> logger)
{
    /// <summary>True for a message written by a person (never the bot itself or another bot) in a channel.</summary>
    public async Task<bool> IsFromAPersonAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        var eventId = envelope.EventId ?? "?";
        if (SlackBotIdentity.IsFromABot(slackEvent, await identity.GetUserIdAsync(envelope, api, cancellationToken)))
        {
            logger.LogDebug("Slack event {EventId} comes from a bot; not answering", eventId);
            return false;
        }

        if (string.IsNullOrEmpty(slackEvent.Channel) || string.IsNullOrEmpty(slackEvent.UserId))
        {
            logger.LogWarning("Slack event {EventId} has no channel or user; cannot answer", eventId);
            return false;
        }

        return true;
    }

    /// <summary>Answers a message that <see cref="IsFromAPersonAsync"/> accepted.</summary>
    public async Task AnswerAsync(SlackConversation conversation, SlackOptions options, SlackEventEnvelope envelope, SlackEvent slackEvent,
        bool isDirect, string? threadTs, CancellationToken cancellationToken)
    {
        var eventId = envelope.EventId ?? "?";
        var context = SlackContext.For(options, slackEvent.UserId!, envelope.TeamId ?? slackEvent.Team, slackEvent.Channel, isDirect) with
        {
            ReplyAddress = isDirect ? null : SlackReplyAddress.ForThread(slackEvent.Channel, threadTs),
        };
        if (await conversation.AnswerAsync(context, SlackText.ToQuestion(slackEvent.Text), threadTs, eventId, cancellationToken))
        {
            logger.LogInformation("Answered Slack event {EventId} in {Channel}", eventId, slackEvent.Channel);
        }
    }
}
