using System.Diagnostics.CodeAnalysis;

namespace GuidelineBot.Teams.Configuration;

/// <summary>
/// Which addresses the bot may call: HTTPS anywhere, plain HTTP only on loopback (tests, local tools). A service URL is
/// a base address: absolute http(s), no user info, no query, no fragment; in local mode its origin must be one of
/// <c>Bot:LocalServiceUrls</c>.
/// </summary>
public static class AddressPolicy
{
    public static bool IsHttpsOrLoopback(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && IsHttpsOrLoopback(uri);

    public static bool IsHttpsOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    /// <summary>An http(s) origin on loopback with nothing after it (a <c>Bot:LocalServiceUrls</c> entry).</summary>
    public static bool IsLoopbackOrigin(string? address) =>
        TryParseServiceUrl(address, out var uri) && uri.IsLoopback && uri.AbsolutePath == "/";

    /// <summary>Absolute http(s) with no user info, query or fragment: the only shape a service URL may have.</summary>
    public static bool TryParseServiceUrl(string? serviceUrl, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrEmpty(serviceUrl) || serviceUrl.IndexOfAny(['?', '#', '@', '\\']) >= 0
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || parsed.UserInfo.Length > 0 || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>May a reply go to this service URL? Local mode: an allowed loopback origin; authenticated: HTTPS or loopback.</summary>
    public static bool IsAllowedServiceUrl(string? serviceUrl, BotOptions options)
    {
        if (!TryParseServiceUrl(serviceUrl, out var uri))
        {
            return false;
        }

        return options.IsLocalMode
            ? uri.IsLoopback && options.AllowedLocalServiceUrls.Any(origin => SameOrigin(uri, origin))
            : IsHttpsOrLoopback(uri);
    }

    private static bool SameOrigin(Uri uri, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var allowed)
        && Uri.Compare(uri, allowed, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
}
