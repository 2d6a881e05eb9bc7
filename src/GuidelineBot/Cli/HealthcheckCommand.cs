using System.CommandLine;
using GuidelineBot.Hosting;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>healthcheck [--ready] [--url URL]</c>: asks the running server on this machine for <c>/healthz</c> (or
/// <c>/readyz</c>) and exits 0 when it answers 200, 1 otherwise. The container's HEALTHCHECK (no curl in the image).
/// </summary>
internal static class HealthcheckCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Command Create(CliContext cli)
    {
        var (output, errors) = (cli.Output, cli.Errors);
        var ready = new Option<bool>("--ready") { Description = "Check readiness (/readyz) instead of liveness (/healthz)." };
        var url = new Option<string?>("--url") { Description = "The server's base address (default: from ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS, on 127.0.0.1)." };
        var command = new Command("healthcheck", "Exit 0 when the local server answers its health probe.") { ready, url };
        command.SetAction(async (parse, ct) =>
        {
            var baseUrl = parse.GetValue(url) ?? DefaultBaseUrl(Environment.GetEnvironmentVariable);
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
            {
                await errors.WriteLineAsync($"error: --url must be an http(s) address, not '{baseUrl}'");
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
    /// Where the server listens, as seen from inside its machine: the first ASPNETCORE_URLS entry (a wildcard host
    /// becomes 127.0.0.1), else the first ASPNETCORE_HTTP_PORTS port, else the local default (port 3978).
    /// </summary>
    internal static string DefaultBaseUrl(Func<string, string?> environment)
    {
        // (A value of separators only, ";", names nothing: the next source decides.)
        if (environment("ASPNETCORE_URLS")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..])
        {
            var schemeEnd = first.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd > 0)
            {
                var rest = first[(schemeEnd + 3)..];
                var portStart = rest.LastIndexOf(':');
                var port = portStart >= 0 && !rest.EndsWith(']') ? rest[portStart..].TrimEnd('/') : "";
                return $"{first[..schemeEnd]}://127.0.0.1{port}/";
            }
        }

        if (environment("ASPNETCORE_HTTP_PORTS")?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var firstPort, ..])
        {
            return $"http://127.0.0.1:{firstPort}/";
        }

        return $"http://127.0.0.1:{new Uri(LocalDefaults.DefaultUrl).Port}/";
    }
}
