using GuidelineBot.Core.Conversation;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;

namespace GuidelineBot.Teams.Experts;

/// <summary>
/// A reply in a thread of the experts' channel that @mentions the bot (conversation id <c>{channel};messageid={root}</c>,
/// not the root post itself): an expert's answer when the thread is a ticket's.
/// </summary>
internal static class ExpertThreadReply
{
    /// <summary>The reply as the core's inbound (text without the bot's mention, others named), or null when it is not one.</summary>
    public static ExpertReplyInbound? Read(Activity activity, string expertsChannel)
    {
        if (activity.Conversation?.Id is not { } conversationId || !MentionsBot(activity))
        {
            return null;
        }

        var thread = ExpertsThread.Parse(conversationId);
        if (!thread.IsIn(expertsChannel) || thread.RootMessageId is not { } root || string.Equals(root, activity.Id, StringComparison.Ordinal))
        {
            return null;
        }

        var text = MentionText.AsAnswer(activity);
        return text.Length == 0 ? null : new ExpertReplyInbound(thread.ChannelId, root, text);
    }

    private static bool MentionsBot(Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } bot && (activity.Entities ?? []).Any(e =>
            string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase) && string.Equals(e.Mentioned?.Id, bot, StringComparison.OrdinalIgnoreCase));
}
