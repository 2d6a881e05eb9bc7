using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Web.SignIn;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Web.Chat;

/// <summary>
/// Who is chatting: a signed-in user's stable id (<c>oid</c>, else <c>sub</c>); in local mode a random id the page keeps
/// in a cookie, so onboarding and votes stay one person's across reloads.
/// </summary>
internal static class WebUser
{
    public const string LocalCookie = "guidelinebot.webuser";

    /// <summary>The id, or null before the page has set the local cookie.</summary>
    public static string? Id(HttpContext http) =>
        WebClaims.UserId(http.User) is { } signedIn
            ? signedIn
            : http.Request.Cookies[LocalCookie] is { Length: 32 } local && local.All(char.IsAsciiHexDigitLower) ? "local-" + local : null;

    public static string DisplayName(HttpContext http) => WebClaims.DisplayName(http.User);

    /// <summary>The person chatting, or null before the page has set the local cookie.</summary>
    public static ChatUser? Of(HttpContext http) => Id(http) is { } id ? new ChatUser(id, DisplayName(http)) : null;

    /// <summary>
    /// For the page: the person's id, giving a local visitor their id cookie when they have none (signed-in users need
    /// none).
    /// </summary>
    public static string EnsureLocalId(HttpContext http)
    {
        if (Id(http) is { } id)
        {
            return id;
        }

        var local = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(LocalCookie, local, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        return "local-" + local;
    }

    /// <summary>
    /// Where the page keeps this person's conversation in the browser tab (<c>sessionStorage</c>), so that a reload shows
    /// it again: a name derived from the id (not the id itself), another for each person, so that someone else signing in
    /// on the same tab does not see it.
    /// </summary>
    public static string HistoryKey(string id) =>
        "guidelinebot.chat." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];
}
