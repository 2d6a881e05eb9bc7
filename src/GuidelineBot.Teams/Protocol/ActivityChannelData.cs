using System.Text.Json;

namespace GuidelineBot.Teams.Protocol;

/// <summary>Reads Teams' <c>channelData</c>: <c>{"tenant":{"id"}, "team":{"id"}, "channel":{"id"}, …}</c>.</summary>
internal static class ActivityChannelData
{
    public const string Tenant = "tenant";
    public const string Team = "team";
    public const string Channel = "channel";

    /// <summary><c>channelData.{property}.id</c>, or null when absent or empty.</summary>
    public static string? Id(Activity activity, string property) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.Object
        && p.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : null;
}
