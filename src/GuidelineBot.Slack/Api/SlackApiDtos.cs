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

/// <summary>Common part of every Web API answer: <c>{"ok":false,"error":"…"}</c> is a failure even with HTTP 200.</summary>
public sealed record SlackApiResponse(bool Ok, string? Error = null, string? Warning = null, string? UserId = null, string? Ts = null);
