using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Web.Chat;

/// <summary>The web channel's side of a conversation: what was typed or pressed goes to the core, its reply comes back rendered.</summary>
internal sealed class ChatConversation(ConversationService conversation)
{
    public async Task<ChatResponse> MessageAsync(ChatUser user, string text, CancellationToken cancellationToken) =>
        ChatRenderer.Render(await conversation.HandleAsync(Context(user), new TextInbound(text), cancellationToken));

    /// <param name="inputs">A form's field values, for its submit button.</param>
    /// <returns>Null for a button the page never shows, or a value the core cannot read.</returns>
    public async Task<ChatResponse?> ActionAsync(ChatUser user, string? kind, string? value, IReadOnlyDictionary<string, string>? inputs,
        CancellationToken cancellationToken) =>
        ChatRenderer.TryParseKind(kind, out var parsed) && ConversationInbound.FromAction(parsed, value, inputs) is { } inbound
            ? ChatRenderer.Render(await conversation.HandleAsync(Context(user), inbound, cancellationToken))
            : null;

    /// <summary>The bot's greeting at the top of every page (the conversation the tab had before a reload follows it).</summary>
    public ChatResponse Greeting() => ChatRenderer.Render(new ConversationResponse([conversation.Greeting()]));

    /// <summary>The page was opened: what waits for the person (their experts' answers, each shown once).</summary>
    public async Task<ChatResponse> OpenedAsync(ChatUser user, CancellationToken cancellationToken) =>
        ChatRenderer.Render(await conversation.HandleAsync(Context(user), new ChatOpenedInbound(), cancellationToken));

    /// <summary>
    /// The web chat is always one person with the bot: a direct conversation, one per person. No reply address: an
    /// expert's answer waits in the store until the person opens the chat again (<see cref="OpenedAsync"/>).
    /// </summary>
    private static ConversationContext Context(ChatUser user) =>
        new(Channels.Web, user.Id, ConversationId: Channels.Web + ":" + user.Id, IsDirect: true, user.DisplayName);
}
