using GuidelineBot.Core.Answers;
using GuidelineBot.Teams.Cards;
using GuidelineBot.Teams.Connector;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Turns;

/// <summary>One incoming activity and the ways to answer it through the Bot Connector.</summary>
internal sealed class TeamsTurn(Activity activity, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public string ServiceUrl => Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");

    public string ConversationId => Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");

    /// <summary>Who sent it: the Entra object id when Teams gives one, else the channel user id.</summary>
    public string UserId => Activity.From?.AadObjectId ?? Activity.From?.Id ?? "unknown";

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

    /// <summary>A reply's card plus its plain text (for notifications, accessibility and clients without cards).</summary>
    public Activity Message(Reply reply)
    {
        var card = AdaptiveCardRenderer.Render(reply);
        return Outgoing() with
        {
            Text = ReplyText.Render(reply),
            TextFormat = "plain",
            Attachments = card is null ? null : [card],
        };
    }

    public Activity Message(Attachment card, string? text) => Outgoing() with
    {
        Text = text,
        TextFormat = text is null ? null : "plain",
        Attachments = [card],
    };

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
