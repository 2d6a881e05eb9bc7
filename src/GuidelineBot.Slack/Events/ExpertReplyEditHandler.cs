using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// An edited reply in a thread of the experts' channel (<c>message_changed</c>, by a person): the core corrects the answer
/// it was taken as, if it was one, and the asker gets the correction (<see cref="ExpertReplyEditedInbound"/>). The old
/// and new texts are read as <see cref="ExpertReplyHandler"/> reads a reply, so the old one finds the stored answer.
/// What the core says back goes to the expert alone, in the thread; everything else is ignored.
/// </summary>
internal sealed class ExpertReplyEditHandler(
    ConversationService conversation,
    SlackEventFilter filter,
    SlackBotIdentity identity,
    SlackApiClient api,
    SlackPrivateReplies replies,
    IOptions<SlackOptions> options,
    IOptions<ExpertOptions> experts,
    ILogger<ExpertReplyEditHandler> logger) : ISlackEventHandler
{
    /// <summary>At most this many people mentioned in the two texts are looked up by name (as for a reply).</summary>
    private const int MaxNamedPeople = 5;

    public string EventType => "message";

    public async Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        if (slackEvent.Edited is not { } edited || slackEvent.PreviousMessage is null
            || !ExpertReplyHandler.IsThreadReplyInExpertsChannel(edited, experts.Value))
        {
            logger.LogDebug("Slack event {EventId} is not an edited thread reply in the experts' channel", envelope.EventId);
            return false;
        }

        return await filter.IsFromAPersonAsync(envelope, edited, cancellationToken);
    }

    public async Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        var eventId = envelope.EventId ?? "?";
        var edited = slackEvent.Edited!;
        var botUserId = await identity.GetUserIdAsync(envelope, api, cancellationToken);
        var user = edited.UserId!;
        var kind = SlackText.ReplyKind(edited.Text, botUserId);
        var before = slackEvent.PreviousMessage!.Text;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mentioned in SlackText.MentionedUsers(before).Concat(SlackText.MentionedUsers(edited.Text)).Distinct(StringComparer.Ordinal)
                     .Where(u => u != botUserId).Take(MaxNamedPeople))
        {
            names[mentioned] = await api.GetNameAsync(mentioned, handle: null, eventId, cancellationToken);
        }

        var name = await api.GetNameAsync(user, handle: null, eventId, cancellationToken);
        var context = SlackContext.For(options.Value, user, envelope.TeamId ?? slackEvent.Team, edited.Channel, isDirect: false, name, edited.Ts);
        var edit = new ExpertReplyEditedInbound(edited.Channel!, edited.ThreadTs!, SlackText.ToAnswer(before, names, botUserId),
            SlackText.ToAnswer(edited.Text, names, botUserId), kind);
        var response = await conversation.HandleAsync(context, edit, cancellationToken);
        await replies.TellAsync(user, edited.Channel, responseUrl: null, SlackRenderer.Render(response.Messages), eventId, cancellationToken, edited.ThreadTs);
    }
}
