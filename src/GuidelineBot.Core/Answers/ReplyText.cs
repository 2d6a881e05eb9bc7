using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Core.Answers;

/// <summary>Plain-text rendering of a reply (the command line): the same content every channel renders, without markup.</summary>
public static class ReplyText
{
    /// <summary>The reply's message as text; help also lists every topic (a terminal has room for them).</summary>
    public static string Render(Reply reply) => reply is HelpReply help
        ? MessageText.Render(OutboundMessage.From(help).Content.Concat(new TopicsMessage(new TopicsReply(help.Question, help.Documents)).Content.Skip(1)))
        : MessageText.Render(OutboundMessage.From(reply));
}
