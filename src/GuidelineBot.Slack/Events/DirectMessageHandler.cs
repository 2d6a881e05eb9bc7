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
        // Bot posts, edits, deletions, joins etc. carry a subtype; only a person's new message is a question: plain, with
        // a file attached (its text is the question; a file alone is not one), or a thread reply also sent to the DM.
        if (slackEvent.ChannelType != "im" || !IsNewMessage(slackEvent))
        {
            logger.LogDebug("Slack event {EventId} is not a new direct message ({ChannelType}, {Subtype}); not answering",
                envelope.EventId, slackEvent.ChannelType, slackEvent.Subtype);
            return false;
        }

        return await filter.IsFromAPersonAsync(envelope, slackEvent, cancellationToken);
    }

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        filter.AnswerAsync(conversation, options.Value, envelope, slackEvent, isDirect: true, threadTs: slackEvent.ThreadTs, cancellationToken);

    private static bool IsNewMessage(SlackEvent slackEvent) => slackEvent.Subtype switch
    {
        null or "thread_broadcast" => true,
        "file_share" => !string.IsNullOrWhiteSpace(slackEvent.Text),
        _ => false,
    };
}
