using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Interactions;

namespace GuidelineBot.Slack.Conversation;

/// <summary>
/// The conversation core's context for a Slack request. Onboarding state is per workspace and user
/// (<c>team_id:user_id</c>, just the user id when Slack sent no team), so the slash command, DMs, buttons and join events
/// reach the same state and two workspaces never share one. A channel id starting with <c>D</c> is a DM with the app.
/// </summary>
internal static class SlackContext
{
    public static ConversationContext For(SlackOptions options, string userId, string? teamId, string? channel, bool isDirect,
        string displayName = "", string? messageId = null) =>
        new(Channels.Slack, userId, channel ?? "", isDirect, displayName, string.IsNullOrEmpty(teamId) ? null : teamId)
        {
            Command = options.Command,
            MessageId = messageId,
        };

    /// <summary>
    /// The person who pressed a button, where the message with the button is; a button in a thread of a channel (the
    /// answer to a mention) gives that thread as the <see cref="ConversationContext.ReplyAddress"/>.
    /// </summary>
    public static ConversationContext For(SlackOptions options, InteractionPayload payload, string displayName = "")
    {
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        return For(options, payload.User!.Id!, payload.User.TeamId ?? payload.Team?.Id, channel, IsDirectMessage(channel),
            displayName, messageId: payload.Container?.MessageTs) with
        {
            ReplyAddress = SlackReplyAddress.ForThread(channel, payload.Container?.ThreadTs ?? payload.Message?.ThreadTs),
        };
    }

    /// <summary>The person who submitted a modal, where they were when they opened it (<see cref="ModalMetadata"/>).</summary>
    public static ConversationContext For(SlackOptions options, string userId, string? teamId, ModalMetadata metadata, string displayName) =>
        For(options, userId, teamId ?? metadata.TeamId, metadata.Channel, metadata.IsDirect, displayName) with { ReplyAddress = metadata.ReplyAddress };

    public static bool IsDirectMessage(string? channel) => channel?.StartsWith('D') == true;
}
