using System.Text.Json;

namespace GuidelineBot.Slack.Events;

/// <summary>The Events API envelope (<c>url_verification</c> or <c>event_callback</c>).</summary>
public sealed record SlackEventEnvelope(
    string? Type,
    string? Challenge = null,
    string? TeamId = null,
    string? ApiAppId = null,
    SlackEvent? Event = null,
    string? EventId = null,
    long? EventTime = null,
    IReadOnlyList<SlackAuthorization>? Authorizations = null);

/// <summary>The inner event: the fields of app_mention, message, team_join and member_joined_channel that matter here.</summary>
/// <param name="User">A user id for messages; a user object for <c>team_join</c>, hence a raw element.</param>
public sealed record SlackEvent(
    string? Type,
    JsonElement? User = null,
    string? Text = null,
    string? Channel = null,
    string? ChannelType = null,
    string? Ts = null,
    string? ThreadTs = null,
    string? BotId = null,
    string? Subtype = null,
    string? Team = null)
{
    /// <summary>The user id, whether <c>user</c> is an id or a user object.</summary>
    public string? UserId => User switch
    {
        { ValueKind: JsonValueKind.String } u => u.GetString(),
        { ValueKind: JsonValueKind.Object } u when u.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => null,
    };

    /// <summary>
    /// A person's new message: plain, with a file attached and some text (its text is what counts; a file alone says
    /// nothing), or a thread reply also sent to the channel. Edits, deletions, joins and bot posts carry other subtypes.
    /// </summary>
    public bool IsNewMessage => Subtype switch
    {
        null or "thread_broadcast" => true,
        "file_share" => !string.IsNullOrWhiteSpace(Text),
        _ => false,
    };
}

public sealed record SlackAuthorization(string? UserId = null, string? TeamId = null, bool? IsBot = null);

public sealed record UrlVerificationResponse(string Challenge);
