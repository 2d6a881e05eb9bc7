using System.Net;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Slack.Api;

/// <summary>
/// Where a <c>response_url</c> from a signed payload may point: <c>https://hooks.slack.com/</c>, and the hosts listed
/// in <c>Slack:ResponseUrlHosts</c> (<c>host</c> or <c>host:port</c>; https, or plain http for loopback entries only).
/// Anything else, and any URL with user info, is never posted to.
/// </summary>
public static class ResponseUrlPolicy
{
    public const string SlackHost = "hooks.slack.com";

    public static bool IsAllowed(Uri url, IEnumerable<string> configuredHosts)
    {
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0 || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        if (url.Scheme == Uri.UriSchemeHttps && url.Port == 443 && string.Equals(url.IdnHost, SlackHost, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var entry in configuredHosts)
        {
            if (!TryParseEntry(entry, out var host, out var port) || !string.Equals(url.IdnHost, host, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (url.Scheme == Uri.UriSchemeHttps && url.Port == (port ?? 443))
            {
                return true;
            }

            if (url.Scheme == Uri.UriSchemeHttp && IsLoopback(host) && url.Port == (port ?? 80))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An entry is a host name or IP (IPv6 in brackets), optionally with <c>:port</c>; no scheme, path or user info.</summary>
    public static bool IsValidEntry(string? entry) => TryParseEntry(entry, out _, out _);

    private static bool TryParseEntry(string? entry, out string host, out int? port)
    {
        host = "";
        port = null;
        if (string.IsNullOrWhiteSpace(entry) || entry.IndexOfAny(['/', '\\', '@', '?', '#', ' ']) >= 0)
        {
            return false;
        }

        var hostString = new HostString(entry.Trim());
        // Uri normalises the host the same way as the URLs it is compared with (lower case, IDN, IPv6 brackets).
        if (!Uri.TryCreate("https://" + hostString.Value + "/", UriKind.Absolute, out var parsed) || parsed.AbsolutePath != "/" ||
            hostString.Host.Length == 0 || hostString.Port is < 1 or > 65535)
        {
            return false;
        }

        host = parsed.IdnHost;
        port = hostString.Port;
        return true;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
