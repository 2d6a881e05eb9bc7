using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// A reply in a thread of the experts' channel (<c>Experts:SlackChannel</c>; <c>message.channels</c> /
/// <c>message.groups</c>): a person's new message whose <c>thread_ts</c> is not its own <c>ts</c>. The core takes it as an
/// answer when the thread is a ticket post's and the person a member (<see cref="ExpertReplyInbound"/>); what it says back
/// (sent, a duplicate, a refusal) is shown to the expert alone, in the thread. A reply that is talk among the experts
/// (<see cref="SlackText.ReplyKind"/>: it starts with @someone, or is a +1, an emoji, marks) stays in the thread; in a
/// ticket's thread, an expert who addressed someone is told so, alone.
/// Everything else in the channel is ignored; the event id claim makes Slack's retry of the same reply a no-op.
/// </summary>
internal sealed class ExpertReplyHandler(
    ConversationService conversation,
    SlackEventFilter filter,
    SlackBotIdentity identity,
    SlackApiClient api,
    SlackPrivateReplies replies,
    IOptions<SlackOptions> options,
    IOptions<ExpertOptions> experts,
    ILogger<ExpertReplyHandler> logger) : ISlackEventHandler
{
    /// <summary>At most this many people mentioned in one answer are looked up by name (one users.info call each).</summary>
    private const int MaxNamedPeople = 5;

    public string EventType => "message";

    public async Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        if (!IsThreadReplyInExpertsChannel(slackEvent, experts.Value) || !slackEvent.IsNewMessage)
        {
            logger.LogDebug("Slack event {EventId} is not a new thread reply in the experts' channel", envelope.EventId);
            return false;
        }

        return await filter.IsFromAPersonAsync(envelope, slackEvent, cancellationToken);
    }

    public async Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        var eventId = envelope.EventId ?? "?";
        var botUserId = await identity.GetUserIdAsync(envelope, api, cancellationToken);
        var user = slackEvent.UserId!;
        var kind = SlackText.ReplyKind(slackEvent.Text, botUserId);
        var name = await api.GetNameAsync(user, handle: null, eventId, cancellationToken);
        var context = SlackContext.For(options.Value, user, envelope.TeamId ?? slackEvent.Team, slackEvent.Channel, isDirect: false, name, slackEvent.Ts);
        // An answer keeps its links' addresses and names the people it mentions (a question drops both); talk among the
        // experts is only classed here, and the core says whether it was in a ticket's thread at all.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mentioned in SlackText.MentionedUsers(slackEvent.Text).Where(u => u != botUserId && kind == ExpertReplyKind.Answer).Take(MaxNamedPeople))
        {
            names[mentioned] = await api.GetNameAsync(mentioned, handle: null, eventId, cancellationToken);
        }

        var reply = new ExpertReplyInbound(slackEvent.Channel!, slackEvent.ThreadTs!, SlackText.ToAnswer(slackEvent.Text, names, botUserId), kind);
        var response = await conversation.HandleAsync(context, reply, cancellationToken);
        await replies.TellAsync(user, slackEvent.Channel, responseUrl: null, SlackRenderer.Render(response.Messages), eventId, cancellationToken,
            slackEvent.ThreadTs);
    }

    /// <summary>A message in a thread (not the thread's root) of the configured experts' channel.</summary>
    public static bool IsThreadReplyInExpertsChannel(SlackEvent slackEvent, ExpertOptions experts) =>
        experts.SlackChannel?.Trim() is { Length: > 0 } channel && slackEvent.Channel == channel &&
        !string.IsNullOrEmpty(slackEvent.ThreadTs) && slackEvent.ThreadTs != slackEvent.Ts;
}
