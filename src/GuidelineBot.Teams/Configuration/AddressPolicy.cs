namespace GuidelineBot.Teams.Configuration;

/// <summary>Which addresses the bot may call: HTTPS anywhere, plain HTTP only on loopback (tests, local tools).</summary>
public static class AddressPolicy
{
    public static bool IsHttpsOrLoopback(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && IsHttpsOrLoopback(uri);

    public static bool IsHttpsOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    public static bool IsLoopback(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.IsLoopback;

    /// <summary>May a reply go to this service URL? Local mode: loopback only; authenticated: HTTPS or loopback.</summary>
    public static bool IsAllowedServiceUrl(string? serviceUrl, bool localMode) =>
        localMode ? IsLoopback(serviceUrl) : IsHttpsOrLoopback(serviceUrl);
}
