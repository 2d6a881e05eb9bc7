using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace GuidelineBot.Slack;

/// <summary>Reads Slack's <c>application/x-www-form-urlencoded</c> bodies from the verified raw bytes.</summary>
internal static class SlackForm
{
    /// <returns>The fields, or null when the body is not a readable form.</returns>
    public static Dictionary<string, StringValues>? Parse(HttpRequest request, byte[] body)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            using var reader = new FormReader(Encoding.UTF8.GetString(body));
            return reader.ReadForm();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static string? Get(this Dictionary<string, StringValues> form, string key) =>
        form.TryGetValue(key, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
}
