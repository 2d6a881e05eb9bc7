using System.Text.Json;
using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Slack.Conversation;

/// <summary>
/// What a modal carries in its <c>private_metadata</c> (at most 3000 characters) so that its <c>view_submission</c> can be
/// taken like the button that opened it: the submit action's value, and where the person was — the channel, whether it
/// is their DM, the workspace, the reply address (a mention's thread) and the <c>response_url</c> of the click, through
/// which the outcome is told to them privately.
/// </summary>
public sealed record ModalMetadata(string Value, string? Channel, bool IsDirect, string? TeamId, string? ReplyAddress, string? ResponseUrl)
{
    public const int MaxLength = 3000;

    /// <summary>
    /// The JSON, within <see cref="MaxLength"/>: a question too long for it (<see cref="ActionKind.SendToExpert"/>'s
    /// value) is shortened, then the response_url dropped (the outcome then goes by <c>chat.postEphemeral</c>). Null when
    /// even that does not fit (ids far longer than Slack's), so the form is not opened.
    /// </summary>
    public string? Encode(ActionKind kind)
    {
        var metadata = this;
        var json = Json(metadata);
        if (json.Length > MaxLength && kind == ActionKind.SendToExpert && AnswerRef.Decode(Value) is { } question)
        {
            // The longest value that fits (JSON escaping makes the length of the JSON hard to predict): a binary search.
            var (fits, tooLong) = (0, Value.Length);
            while (tooLong - fits > 1)
            {
                var middle = (fits + tooLong) / 2;
                (fits, tooLong) = Json(this with { Value = question.Encode(middle) }).Length <= MaxLength ? (middle, tooLong) : (fits, middle);
            }

            metadata = this with { Value = question.Encode(fits) };
            json = Json(metadata);
        }

        if (json.Length > MaxLength && metadata.ResponseUrl is not null)
        {
            json = Json(metadata with { ResponseUrl = null });
        }

        return json.Length <= MaxLength ? json : null;
    }

    /// <returns>The metadata, or null when it is missing or not ours.</returns>
    public static ModalMetadata? Decode(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, SlackJsonContext.Default.ModalMetadata) is { Value.Length: > 0 } metadata ? metadata : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Json(ModalMetadata metadata) => JsonSerializer.Serialize(metadata, SlackJsonContext.Default.ModalMetadata);
}
