using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Events;

/// <summary><c>message.im</c>: a person writes to the bot directly; answer in the DM (in a thread only if they used one).</summary>
internal sealed class DirectMessageHandler(SlackEventAnswerer answerer, ILogger<DirectMessageHandler> logger) : ISlackEventHandler
{
    public string EventType => "message";

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        // Bot posts, edits, deletions, joins etc. carry a subtype; only a person's new message is a question.
        if (slackEvent.ChannelType != "im" || slackEvent.Subtype is not null)
        {
            logger.LogDebug("Slack event {EventId} is not a new direct message ({ChannelType}, {Subtype}); not answering",
                envelope.EventId, slackEvent.ChannelType, slackEvent.Subtype);
            return Task.CompletedTask;
        }

        return answerer.AnswerAsync(envelope, slackEvent, threadTs: slackEvent.ThreadTs, cancellationToken);
    }
}
