using GuidelineBot.Slack.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// <c>message.im</c>: a person writes to the bot directly (onboarding gets it while theirs is active, the core decides);
/// answered in the DM, in a thread only if they used one.
/// </summary>
internal sealed class DirectMessageHandler(
    SlackConversation conversation,
    SlackEventFilter filter,
    IOptions<SlackOptions> options,
    ILogger<DirectMessageHandler> logger) : ISlackEventHandler
{
    public string EventType => "message";

    public async Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        if (slackEvent.ChannelType != "im" || !slackEvent.IsNewMessage)
        {
            logger.LogDebug("Slack event {EventId} is not a new direct message ({ChannelType}, {Subtype}); not answering",
                envelope.EventId, slackEvent.ChannelType, slackEvent.Subtype);
            return false;
        }

        return await filter.IsFromAPersonAsync(envelope, slackEvent, cancellationToken);
    }

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        filter.AnswerAsync(conversation, options.Value, envelope, slackEvent, isDirect: true, threadTs: slackEvent.ThreadTs, cancellationToken);
}
