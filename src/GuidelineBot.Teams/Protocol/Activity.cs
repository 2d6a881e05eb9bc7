using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidelineBot.Teams.Protocol;

/// <summary>The Bot Framework activity, only the fields GuidelineBot reads or writes.</summary>
public sealed record Activity
{
    /// <summary>The <see cref="ChannelId"/> of activities from Teams itself.</summary>
    public const string TeamsChannel = "msteams";

    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>From Teams itself, not another channel of the same bot registration (Web Chat, Direct Line, the Emulator).</summary>
    public bool IsFromTeams => string.Equals(ChannelId, TeamsChannel, StringComparison.OrdinalIgnoreCase);

    public string? ServiceUrl { get; init; }

    public string? Timestamp { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>An <c>invoke</c>'s operation (<c>healthCheck</c>, <c>adaptiveCard/action</c>, …).</summary>
    public string? Name { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Summary { get; init; }

    public string? Locale { get; init; }

    /// <summary><c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, …</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>An Adaptive Card submit: the action's <c>data</c> merged with input values.</summary>
    public JsonElement? Value { get; init; }

    public JsonElement? ChannelData { get; init; }

    public static class Types
    {
        public const string Message = "message";
        public const string Typing = "typing";
        public const string ConversationUpdate = "conversationUpdate";
        public const string InstallationUpdate = "installationUpdate";
        public const string Invoke = "invoke";
    }
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    public bool? IsGroup { get; init; }

    public string? TenantId { get; init; }
}

/// <summary>An entity; GuidelineBot reads mentions (<c>type: "mention"</c>).</summary>
public sealed record Entity
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }
}

public sealed record Attachment(string ContentType, JsonNode Content)
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
}

/// <summary>The connector's answer to a send: the new activity's id.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST {serviceUrl}/v3/conversations</c> (proactive 1:1 chat, e.g. for onboarding).</summary>
public sealed record ConversationParameters
{
    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public bool IsGroup { get; init; }

    public string? TenantId { get; init; }

    public JsonNode? ChannelData { get; init; }

    /// <summary>The first message of a new channel thread (<c>isGroup: true</c> with <c>channelData.channel.id</c>).</summary>
    public Activity? Activity { get; init; }
}

public sealed record ConversationResourceResponse(string? Id, string? ServiceUrl, string? ActivityId);

/// <summary>One page of <c>GET {serviceUrl}/v3/conversations/{conversationId}/pagedmembers</c>.</summary>
public sealed record PagedMembersResult(IReadOnlyList<ChannelAccount>? Members, string? ContinuationToken);
