namespace GuidelineBot.Slack.Api;

/// <summary>What <c>chat.postMessage</c> came to: the message's <c>ts</c> when it was posted, else Slack's error code, if any.</summary>
public sealed record SlackPostResult(string? Ts, string? Error)
{
    /// <summary>
    /// The conversation cannot take the bot's messages any more, whatever the retries: deleted, archived, or the bot is not
    /// in it (removed, or the channel made private without it).
    /// </summary>
    public bool ConversationGone => Error is "channel_not_found" or "not_in_channel" or "is_archived" or "channel_is_archived";
}
