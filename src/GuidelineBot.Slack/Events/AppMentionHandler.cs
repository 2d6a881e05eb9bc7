using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// <c>app_mention</c>: answer in the thread of the mention. A mention inside a thread of the experts' channel is an
/// expert's reply (taken by <see cref="ExpertReplyHandler"/> from its <c>message</c> event), not a question.
/// </summary>
internal sealed class AppMentionHandler(SlackConversation conversation, SlackEventFilter filter, IOptions<SlackOptions> options,
    IOptions<ExpertOptions> experts, ILogger<AppMentionHandler> logger) : ISlackEventHandler
{
    public string EventType => "app_mention";

    public async Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        if (ExpertReplyHandler.IsThreadReplyInExpertsChannel(slackEvent, experts.Value))
        {
            logger.LogDebug("Slack mention {EventId} is a reply in the experts' channel; not answering it as a question", envelope.EventId);
            return false;
        }

        return await filter.IsFromAPersonAsync(envelope, slackEvent, cancellationToken);
    }

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        filter.AnswerAsync(conversation, options.Value, envelope, slackEvent, isDirect: false, threadTs: slackEvent.ThreadTs ?? slackEvent.Ts, cancellationToken);
}
