using System.Security.Cryptography;
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

    /// <summary>For the page: gives a local visitor their id cookie when they have none (signed-in users need none).</summary>
    public static void EnsureLocalId(HttpContext http)
    {
        if (Id(http) is not null)
        {
            return;
        }

        http.Response.Cookies.Append(LocalCookie, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }
}
