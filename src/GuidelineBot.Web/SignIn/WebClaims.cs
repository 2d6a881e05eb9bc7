using System.Security.Claims;

namespace GuidelineBot.Web.SignIn;

/// <summary>The OpenID Connect claims the browser pages read (names as in the token: inbound claim mapping is off).</summary>
internal static class WebClaims
{
    /// <summary>Microsoft Entra ID's object id: the person's id across the tenant's apps.</summary>
    public const string ObjectId = "oid";

    public const string Subject = "sub";
    public const string Name = "name";
    public const string PreferredUserName = "preferred_username";
    public const string Roles = "roles";
    public const string Groups = "groups";

    /// <summary>The stable id of a signed-in user (<c>oid</c>, else <c>sub</c>), or null.</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(ObjectId)?.Value ?? user.FindFirst(Subject)?.Value : null;

    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirst(Name)?.Value ?? user.FindFirst(PreferredUserName)?.Value ?? "";
}
