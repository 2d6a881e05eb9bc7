using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GuidelineBot.Slack;

/// <summary>
/// Slack's <c>application/x-www-form-urlencoded</c> body, read from the verified raw bytes. The grammar is the query
/// string's, so <see cref="QueryStringEnumerable"/> reads it: a field is found by walking the pairs and only its value
/// is decoded. Reading the whole form into a dictionary first (with <see cref="FormReader"/>, or with
/// <see cref="QueryHelpers.ParseQuery"/>) decoded and allocated all fifteen-odd fields of a slash command: 5–7 % of a
/// cached answer's CPU. Never throws: a malformed escape stays as written. The body's size is bounded before it gets here.
/// </summary>
internal sealed class SlackForm
{
    private readonly string _body;

    private SlackForm(string body) => _body = body;

    /// <returns>The form, or null when the body is not one.</returns>
    public static SlackForm? Parse(HttpRequest request, byte[] body) =>
        request.HasFormContentType ? new SlackForm(Encoding.UTF8.GetString(body)) : null;

    /// <summary>The first value of field <paramref name="key"/> (name compared ignoring case), or null when it is absent or empty.</summary>
    public string? Get(string key)
    {
        foreach (var pair in new QueryStringEnumerable(_body))
        {
            if (pair.DecodeName().Span.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                var value = pair.DecodeValue();
                return value.IsEmpty ? null : value.ToString();
            }
        }

        return null;
    }
}
