using System.Net;

namespace GuidelineBot.Http;

/// <summary>The addresses a server listens on (known once it has started), for the "loopback only" decisions.</summary>
public static class ServerAddresses
{
    /// <summary>The addresses that are not loopback (empty = loopback only).</summary>
    public static IReadOnlyList<string> Exposed(IEnumerable<string>? addresses) => (addresses ?? []).Where(a => !IsLoopback(a)).ToList();

    /// <summary>Kestrel reports <c>http://127.0.0.1:3978</c>, <c>http://localhost:3978</c>, <c>http://[::]:80</c>, <c>http://+:80</c>, ….</summary>
    public static bool IsLoopback(string address) =>
        Uri.TryCreate(address.Replace("://+", "://wildcard.invalid", StringComparison.Ordinal).Replace("://*", "://wildcard.invalid", StringComparison.Ordinal),
            UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>
    /// A request's Host names this machine: <c>localhost</c> (also with a trailing dot), a name under <c>.localhost</c>
    /// (RFC 6761) or a loopback address. Local mode requires it: a page of another site that DNS rebinding points at
    /// 127.0.0.1 sends its own name.
    /// </summary>
    public static bool IsLoopbackHost(string host)
    {
        var name = host.EndsWith('.') ? host[..^1] : host;
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ||
               (IPAddress.TryParse(name.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
