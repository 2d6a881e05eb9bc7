using GuidelineBot.Core.Answers;

namespace GuidelineBot.Web.Chat;

/// <summary>The web channel's side of a conversation: hands what was typed or pressed to the core, renders its reply.</summary>
internal sealed class ChatConversation(AnswerService answers)
{
    public Task<ChatResponse> MessageAsync(string userId, string displayName, string text, CancellationToken cancellationToken)
    {
        var reply = answers.Ask(text, cancellationToken);
        ChatMessage message = new("answer", [new ChatBlock("paragraph", [new ChatSpan(ReplyText.Render(reply))])], null, []);
        return Task.FromResult(new ChatResponse([message]));
    }

    public Task<ChatResponse?> ActionAsync(string userId, string displayName, string value, CancellationToken cancellationToken) =>
        Task.FromResult<ChatResponse?>(null);
}
