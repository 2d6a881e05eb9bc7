using System.Text.Json;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Api;

/// <summary><c>chat.postMessage</c> request body.</summary>
public sealed record ChatPostMessageRequest(string Channel, string Text, IReadOnlyList<Block> Blocks, string? ThreadTs = null);

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
public sealed record SlackApiResponse(bool Ok, string? Error = null, string? Warning = null, string? UserId = null, string? Ts = null,
    JsonElement? Channel = null)
{
    /// <summary>The channel id, whether <c>channel</c> is an object with an <c>id</c> or an id string.</summary>
    public string? ChannelId => Channel switch
    {
        { ValueKind: JsonValueKind.String } c => c.GetString(),
        { ValueKind: JsonValueKind.Object } c when c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => null,
    };
}
