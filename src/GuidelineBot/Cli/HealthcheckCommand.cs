using System.Globalization;
using System.CommandLine;
using System.Net;
using GuidelineBot.Hosting;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>healthcheck [--ready] [--url URL]</c>: asks the running server on this machine for <c>/healthz</c> (or
/// <c>/readyz</c>) and exits 0 when it answers 200, 1 otherwise. The container's HEALTHCHECK (no curl in the image).
/// </summary>
internal static class HealthcheckCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private const string PortsVariable = "ASPNETCORE_HTTP_PORTS";

    public static Command Create(CliContext cli)
    {
        var (output, errors) = (cli.Output, cli.Errors);
        var ready = new Option<bool>("--ready") { Description = "Check readiness (/readyz) instead of liveness (/healthz)." };
        var url = new Option<string?>("--url") { Description = "The server's base address (default: from ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS, on 127.0.0.1)." };
        var command = new Command("healthcheck", "Exit 0 when the local server answers its health probe.") { ready, url };
        command.SetAction(async (parse, ct) =>
        {
            var (baseUrl, source) = parse.GetValue(url) is { } given ? (given, "--url") : DefaultBaseUrl(Environment.GetEnvironmentVariable);
            if (source == PortsVariable && baseUrl.Length == 0)
            {
                await errors.WriteLineAsync($"error: {source} must be a port number (1-65535), not '{FirstPort(Environment.GetEnvironmentVariable)}'");
                return 2;
            }

            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
            {
                await errors.WriteLineAsync($"error: {source} must be an http(s) address, not '{baseUrl}'");
                return 2;
            }

            var probe = new Uri(root, parse.GetValue(ready) ? ProbeEndpoints.ReadinessPath : ProbeEndpoints.LivenessPath);
            using var http = new HttpClient { Timeout = Timeout };
            try
            {
                using var response = await http.GetAsync(probe, ct);
                if (response.IsSuccessStatusCode)
                {
                    await output.WriteLineAsync($"{probe}: {(int)response.StatusCode}");
                    return 0;
                }

                await errors.WriteLineAsync($"unhealthy: {probe} answered {(int)response.StatusCode}");
                return 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await errors.WriteLineAsync($"unhealthy: {probe}: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// Where the server listens, as seen from inside its machine, and which variable said so: the first ASPNETCORE_URLS
    /// entry, else the first ASPNETCORE_HTTP_PORTS port (on 127.0.0.1), else the local default (port 3978). A host
    /// Kestrel binds on every address (a wildcard, a name, localhost) becomes 127.0.0.1; an IP address, such as an
    /// IPv6-only <c>[::1]</c>, is probed where it is.
    /// </summary>
    internal static (string Url, string Source) DefaultBaseUrl(Func<string, string?> environment)
    {
        // (A value of separators only, ";", names nothing: the next source decides.)
        if (environment("ASPNETCORE_URLS")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..])
        {
            return (LocalAddress(first), "ASPNETCORE_URLS");
        }

        if (FirstPort(environment) is { } firstPort)
        {
            // A port that is no number (or out of range, or an address put there) comes back empty, for the caller to refuse.
            return (int.TryParse(firstPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
                ? $"http://127.0.0.1:{port}/"
                : "", PortsVariable);
        }

        return ($"http://127.0.0.1:{new Uri(LocalDefaults.DefaultUrl).Port}/", "the default address");
    }

    /// <summary>The first entry of ASPNETCORE_HTTP_PORTS (a list separated by ; or ,), or null.</summary>
    private static string? FirstPort(Func<string, string?> environment) =>
        environment(PortsVariable)?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..] ? first : null;

    /// <summary>
    /// A Kestrel address (<c>scheme://host:port/path</c>, where the host may be <c>*</c> or <c>+</c>) as a base
    /// address to probe; an entry that is no such address comes back as it is, for the caller to refuse.
    /// </summary>
    private static string LocalAddress(string entry)
    {
        var schemeEnd = entry.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return entry;
        }

        var authority = entry[(schemeEnd + 3)..].Split('/')[0];
        var portStart = authority.LastIndexOf(':');
        var (host, port) = portStart > authority.LastIndexOf(']') ? (authority[..portStart], authority[portStart..]) : (authority, "");
        var probed = IPAddress.TryParse(host.Trim('[', ']'), out var address) && !address.Equals(IPAddress.Any)
            && !address.Equals(IPAddress.IPv6Any) ? host : "127.0.0.1";
        return $"{entry[..schemeEnd]}://{probed}{port}/";
    }
}
