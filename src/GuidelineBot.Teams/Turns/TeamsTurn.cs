using GuidelineBot.Core.Conversation;
using GuidelineBot.Teams.Cards;
using GuidelineBot.Teams.Connector;
using GuidelineBot.Teams.Experts;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Turns;

/// <summary>One incoming activity and the ways to answer it through the Bot Connector.</summary>
internal sealed class TeamsTurn(Activity activity, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public string ServiceUrl => Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");

    public string ConversationId => Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");

    /// <summary>
    /// Who sent it: the Entra object id when Teams gives one, else the channel user id. The object id is the person's one
    /// identity across chats, teams and bot registrations, and Teams sends it both on messages and in <c>membersAdded</c>,
    /// so an auto-started onboarding and a later typed <c>resume</c> reach the same state. On another channel of the same
    /// bot registration (Web Chat, Direct Line, the Emulator) the client names the sender, so the id it gives is prefixed
    /// with that channel: never taken for a Teams person (an expert on the roster, someone's onboarding or votes).
    /// </summary>
    public string UserId => PersonId(Activity.From);

    /// <summary>The tenant: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public string? TenantId =>
        ActivityChannelData.Id(Activity, ActivityChannelData.Tenant) ?? (Activity.Conversation?.TenantId is { Length: > 0 } tenant ? tenant : null);

    /// <summary>The conversation core's context for this activity: a personal chat (or one with no type: the Emulator) is direct.</summary>
    public ConversationContext Context => For(Activity.From);

    /// <summary>
    /// The context for <paramref name="person"/> (the sender, or someone added) in this conversation; an expert's answer
    /// comes back here later (<see cref="TeamsReplyAddress"/>).
    /// </summary>
    public ConversationContext For(ChannelAccount? person) =>
        new(Channels.Teams, PersonId(person), ConversationId, Activity.Conversation?.ConversationType is null or "personal", person?.Name ?? "")
        {
            MessageId = Activity.ReplyToId,
            ReplyAddress = new TeamsReplyAddress(ServiceUrl, ConversationId, TenantId).Encode(),
        };

    private string PersonId(ChannelAccount? person) =>
        !Activity.IsFromTeams ? $"{Activity.ChannelId ?? "unknown"}:{(person?.Id is { Length: > 0 } other ? other : "unknown")}"
        : person?.AadObjectId is { Length: > 0 } aad ? aad : person?.Id is { Length: > 0 } id ? id : "unknown";

    /// <summary>An outgoing activity addressed back into this conversation, from the bot.</summary>
    public Activity Outgoing(string type = Activity.Types.Message) => new()
    {
        Type = type,
        ChannelId = Activity.ChannelId,
        ServiceUrl = Activity.ServiceUrl,
        From = Activity.Recipient is { } bot ? bot with { Role = "bot" } : null,
        Recipient = Activity.From,
        Conversation = Activity.Conversation,
        ReplyToId = Activity.Id,
        Locale = Activity.Locale,
    };

    /// <summary>
    /// A message of the conversation core, addressed as <paramref name="template"/> (default: a reply here): its card and its
    /// one-line <c>summary</c> for notifications; a message without a card (small talk, a notice) is its plain <c>text</c>.
    /// Never both: Teams shows an activity's text as a message of its own above the card, so the card's words would
    /// appear twice.
    /// </summary>
    /// <param name="extra">Blocks the card shows after the message's own.</param>
    public Activity Message(OutboundMessage message, Activity? template = null, IEnumerable<ContentBlock>? extra = null) =>
        Compose(message, template ?? Outgoing(), extra);

    /// <summary><paramref name="message"/> as an activity shaped like <paramref name="template"/> (see <see cref="Message(OutboundMessage, Activity?, IEnumerable{ContentBlock}?)"/>).</summary>
    public static Activity Compose(OutboundMessage message, Activity template, IEnumerable<ContentBlock>? extra = null)
    {
        var card = TeamsCardRenderer.Render(message, extra);
        var text = card is null ? MessageText.Render(message) : null;
        return template with
        {
            Text = text,
            TextFormat = text is null ? null : "plain",
            Summary = message.Summary,
            Attachments = card is null ? null : [card],
        };
    }

    public Activity Message(string text) => Outgoing() with { Text = text, TextFormat = "plain" };

    /// <summary>Replies to the incoming activity (or posts into the conversation when it has no id).</summary>
    public Task<ResourceResponse?> ReplyAsync(Activity reply, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(Activity.Id)
            ? connector.SendToConversationAsync(ServiceUrl, ConversationId, reply, cancellationToken)
            : connector.ReplyAsync(ServiceUrl, ConversationId, Activity.Id, reply, cancellationToken);

    public Task<ResourceResponse?> SendAsync(Activity message, CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(ServiceUrl, ConversationId, message with { ReplyToId = null }, cancellationToken);

    public Task<ResourceResponse?> UpdateAsync(string activityId, Activity message, CancellationToken cancellationToken) =>
        connector.UpdateAsync(ServiceUrl, ConversationId, activityId, message with { Id = activityId, ReplyToId = null }, cancellationToken);

    /// <summary>The "…" indicator while the answer is prepared.</summary>
    public Task<ResourceResponse?> TypingAsync(CancellationToken cancellationToken) =>
        SendAsync(Outgoing(Activity.Types.Typing), cancellationToken);
}
