namespace GuidelineBot.Core.Conversation;

/// <summary>
/// What to send for one inbound, in order. Usually into the conversation it came from; when <see cref="ToDirectChat"/>
/// is set, into the person's direct conversation with the bot, and <see cref="NoticeHere"/> says so where they asked
/// (a channel that cannot open the direct conversation sends the messages where they asked, without the notice).
/// </summary>
public sealed record ConversationResponse(IReadOnlyList<OutboundMessage> Messages)
{
    public static ConversationResponse None { get; } = new([]);

    public bool ToDirectChat { get; init; }

    public OutboundMessage? NoticeHere { get; init; }
}
