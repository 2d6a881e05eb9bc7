namespace GuidelineBot.Teams.Experts;

/// <summary>
/// A Teams channel conversation id: the channel (<c>19:…@thread.tacv2</c>) and, for a message in a thread, the thread's
/// root message id (<c>19:…@thread.tacv2;messageid=1700000000000</c>).
/// </summary>
internal readonly record struct ExpertsThread(string ChannelId, string? RootMessageId)
{
    private const string MessageIdMarker = ";messageid=";

    public static ExpertsThread Parse(string conversationId)
    {
        var at = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0
            ? new ExpertsThread(conversationId, null)
            : new ExpertsThread(conversationId[..at], conversationId[(at + MessageIdMarker.Length)..] is { Length: > 0 } root ? root : null);
    }

    /// <summary>The conversation id of the thread under <paramref name="rootMessageId"/> in <paramref name="channelId"/>.</summary>
    public static string Of(string channelId, string rootMessageId) => channelId + MessageIdMarker + rootMessageId;

    public bool IsIn(string channelId) => string.Equals(ChannelId, channelId, StringComparison.OrdinalIgnoreCase);
}
