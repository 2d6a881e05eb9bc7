using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Core.Answers;

/// <summary>Plain-text rendering of a reply (the command line): the same content every channel renders, without markup.</summary>
public static class ReplyText
{
    /// <summary>The reply's message as text; help lists every topic in place of its list of documents (a terminal has room for them).</summary>
    public static string Render(Reply reply) => reply is HelpReply help
        ? MessageText.Render(OutboundMessage.From(help).Content.TakeWhile(b => b is not HeadingBlock { Text.PlainText: MessageContent.TopicsTitle })
            .Concat(new TopicsMessage(new TopicsReply(help.Question, help.Documents)).Content))
        : MessageText.Render(OutboundMessage.From(reply));
}
