using System.Text.Json;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Experts;

/// <summary>
/// Where a later answer reaches a Teams asker (<c>ConversationContext.ReplyAddress</c>, kept with the ticket): the service
/// URL and conversation of the question (a channel thread's id includes <c>;messageid=</c>, so the answer lands in that
/// thread), and the tenant. Encoded as a small JSON object; the connector's address policy still applies when it is used.
/// </summary>
internal sealed record TeamsReplyAddress(string ServiceUrl, string ConversationId, string? TenantId)
{
    public string Encode() => JsonSerializer.Serialize(this, TeamsJsonContext.Default.TeamsReplyAddress);

    /// <summary>The address, or null when <paramref name="encoded"/> is missing or not one of ours.</summary>
    public static TeamsReplyAddress? Decode(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded) || !encoded.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(encoded, TeamsJsonContext.Default.TeamsReplyAddress) is { ServiceUrl.Length: > 0, ConversationId.Length: > 0 } address
                ? address
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
