using GuidelineBot.Slack.Conversation;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Events;

/// <summary><c>app_mention</c>: answer in the thread of the mention.</summary>
internal sealed class AppMentionHandler(SlackConversation conversation, SlackEventFilter filter, IOptions<SlackOptions> options) : ISlackEventHandler
{
    public string EventType => "app_mention";

    public Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        filter.IsFromAPersonAsync(envelope, slackEvent, cancellationToken);

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        filter.AnswerAsync(conversation, options.Value, envelope, slackEvent, isDirect: false, threadTs: slackEvent.ThreadTs ?? slackEvent.Ts, cancellationToken);
}
