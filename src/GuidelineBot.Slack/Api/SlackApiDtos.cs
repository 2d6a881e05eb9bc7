using System.Text.Json;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Api;

/// <summary><c>chat.postMessage</c> request body.</summary>
public sealed record ChatPostMessageRequest(string Channel, string Text, IReadOnlyList<Block> Blocks, string? ThreadTs = null);

/// <summary><c>chat.postEphemeral</c> request body.</summary>
public sealed record ChatPostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block> Blocks, string? ThreadTs = null);

/// <summary><c>chat.update</c> request body: the message (channel + ts) and its new content.</summary>
public sealed record ChatUpdateRequest(string Channel, string Ts, string Text, IReadOnlyList<Block> Blocks);

/// <summary><c>views.open</c> request body.</summary>
public sealed record ViewsOpenRequest(string TriggerId, ModalView View);

/// <summary>One page of a channel's members (user ids) and the cursor of the next, null on the last page.</summary>
public sealed record MembersPage(IReadOnlyList<string> Members, string? NextCursor);

/// <summary>Paging information of list methods.</summary>
public sealed record ResponseMetadata(string? NextCursor = null);

/// <summary>Body of a slash-command response or a <c>response_url</c> post.</summary>
/// <param name="ResponseType"><c>ephemeral</c> or <c>in_channel</c>.</param>
public sealed record CommandResponse(
    string ResponseType,
    string Text,
    IReadOnlyList<Block>? Blocks = null,
    bool? ReplaceOriginal = null,
    bool? DeleteOriginal = null)
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    public static CommandResponse From(SlackMessage message, string responseType, bool? replaceOriginal = null) =>
        new(responseType, message.Text, message.Blocks, replaceOriginal);
}

/// <summary><c>conversations.open</c> request body: the user to open (or find) the app's DM with.</summary>
public sealed record ConversationsOpenRequest(string Users);

/// <summary>Common part of every Web API answer: <c>{"ok":false,"error":"…"}</c> is a failure even with HTTP 200.</summary>
/// <param name="Channel">
/// An object <c>{"id":…}</c> from <c>conversations.open</c>, a plain id string from <c>chat.postMessage</c>: kept raw.
/// </param>
/// <param name="User">The user object from <c>users.info</c> (other methods may send a plain string): kept raw.</param>
/// <param name="Members">The user ids of <c>conversations.members</c>, paged by <paramref name="ResponseMetadata"/>.</param>
public sealed record SlackApiResponse(bool Ok, string? Error = null, string? Warning = null, string? UserId = null, string? Ts = null,
    JsonElement? Channel = null, JsonElement? User = null, IReadOnlyList<string>? Members = null, ResponseMetadata? ResponseMetadata = null)
{
    /// <summary>The channel id, whether <c>channel</c> is an object with an <c>id</c> or an id string.</summary>
    public string? ChannelId => Channel switch
    {
        { ValueKind: JsonValueKind.String } c => c.GetString(),
        { ValueKind: JsonValueKind.Object } c when c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => null,
    };
}

/// <summary>What <c>users.info</c> tells about a person: the name to greet and record them by, and whether it is a bot or app.</summary>
public sealed record SlackUserInfo(string Name, bool IsBot)
{
    /// <summary>Reads a Slack user object (<c>team_join</c>'s <c>event.user</c>, <c>users.info</c>'s <c>user</c>).</summary>
    public static SlackUserInfo? From(JsonElement? user)
    {
        if (user is not { ValueKind: JsonValueKind.Object } u)
        {
            return null;
        }

        var name = Text(u, "real_name") ?? Profile(u, "real_name") ?? Profile(u, "display_name") ?? Text(u, "name") ?? "";
        return new SlackUserInfo(name, Flag(u, "is_bot") || Flag(u, "is_app_user") || Flag(u, "deleted"));
    }

    private static bool Flag(JsonElement user, string name) =>
        user.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string? Profile(JsonElement user, string name) =>
        user.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object ? Text(profile, name) : null;
}
