using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace GuidelineBot.Slack;

/// <summary>Reads Slack's <c>application/x-www-form-urlencoded</c> bodies from the verified raw bytes.</summary>
internal static class SlackForm
{
    /// <returns>
    /// The fields (names compared ignoring case, like <see cref="FormReader"/>'s), or null when the body is not a form.
    /// The form grammar is the query string's, so <see cref="QueryHelpers.ParseQuery"/> reads it: span-based, a fifth of
    /// <see cref="FormReader"/>'s cost (which was ≈7 % of a cached slash command's CPU). It never throws: a malformed
    /// escape stays as written. The body's size is bounded before it gets here.
    /// </returns>
    public static Dictionary<string, StringValues>? Parse(HttpRequest request, byte[] body) =>
        request.HasFormContentType ? QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)) : null;

    public static string? Get(this Dictionary<string, StringValues> form, string key) =>
        form.TryGetValue(key, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
}
