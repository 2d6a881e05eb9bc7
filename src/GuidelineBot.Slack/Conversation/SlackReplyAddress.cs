using System.Diagnostics.CodeAnalysis;

namespace GuidelineBot.Slack.Conversation;

/// <summary>
/// Slack's <see cref="Core.Conversation.ConversationContext.ReplyAddress"/>: the channel and thread where someone asked
/// by mentioning the bot, so that an expert's answer comes back into that thread. Encoded as <c>channel:thread_ts</c>
/// (neither contains a colon). No address (a DM, the slash command) means the person's DM.
/// </summary>
public sealed record SlackReplyAddress(string Channel, string ThreadTs)
{
    private const char Separator = ':';

    public string Encode() => Channel + Separator + ThreadTs;

    public static bool TryParse(string? value, [NotNullWhen(true)] out SlackReplyAddress? address)
    {
        address = null;
        var parts = value?.Split(Separator);
        if (parts is not [{ Length: > 0 } channel, { Length: > 0 } ts] || channel.Any(char.IsWhiteSpace) || ts.Any(char.IsWhiteSpace))
        {
            return false;
        }

        address = new SlackReplyAddress(channel, ts);
        return true;
    }

    /// <summary>The address of a thread in a channel; null in a DM or outside a thread (the answer then goes to the DM).</summary>
    public static string? ForThread(string? channel, string? threadTs) =>
        string.IsNullOrEmpty(channel) || SlackContext.IsDirectMessage(channel) || string.IsNullOrEmpty(threadTs)
            ? null
            : new SlackReplyAddress(channel, threadTs).Encode();
}
