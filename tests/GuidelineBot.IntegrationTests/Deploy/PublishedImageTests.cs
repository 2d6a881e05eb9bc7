using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.Testing;

namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>
/// No Docker engine here: the Dockerfile is played by <see cref="ImageRehearsal"/> (its exact <c>dotnet publish</c>
/// arguments, its COPY layout, its ENV and ENTRYPOINT), then the output is started the way a deployment starts the
/// image: Production, Slack-only settings, listening on every interface. Requests go to 127.0.0.1 only.
/// </summary>
public sealed class PublishedImageTests
{
    [SkippableFact]
    public async Task The_image_started_in_Production_with_Slack_only_settings_is_ready_answers_a_signed_slash_command_and_logs_JSON_with_trace_ids()
    {
        _ = DeployTools.Node; // the same tool check as the other deployment tests (skip on a dev machine without them)
        await using var image = new ImageRehearsal();
        await image.BuildAsync();
        Assert.Contains("publish", image.PublishArguments);
        Assert.Contains("Release", image.PublishArguments);

        var port = ImageRehearsal.FreePort();
        var root = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{port}", // not loopback, like a container
            ["Slack__SigningSecret"] = SlackBotFactory.SigningSecret,
            ["Slack__BotToken"] = SlackBotFactory.BotToken,
            ["Slack__ApiBaseUrl"] = $"http://127.0.0.1:{ImageRehearsal.FreePort()}/api/", // nothing listens: no call leaves the machine
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information", // request lines, inside the request's trace
        };

        using var server = image.Start(settings);
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        server.OutputDataReceived += (_, e) => { if (e.Data is { } line) { stdout.Enqueue(line); } };
        server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { stderr.Enqueue(line); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(root), Timeout = TimeSpan.FromSeconds(30) };
            var ready = await WaitForReadyAsync(http, server, stdout, stderr);
            Assert.Matches("^[0-9a-f]{64}$", ready.GetProperty("knowledgeHash").GetString());
            Assert.True(ready.GetProperty("schemaVersion").GetInt32() >= 1);

            // A signed slash command.
            using var command = SlackRequests.Signed("/slack/commands", SlackRequests.Command("can I friend parents?", "http://127.0.0.1:9/unused"),
                SlackRequests.FormType, DateTimeOffset.UtcNow);
            using var answer = await http.SendAsync(command);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var body = await answer.Content.ReadAsStringAsync();
            Assert.Contains("friend", body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Staff Social Media Guidelines", body, StringComparison.Ordinal);

            // Unsigned: refused, as anywhere.
            using var forged = await http.SendAsync(SlackRequests.Unsigned("/slack/commands", SlackRequests.Command("hi", "http://127.0.0.1:9/x"), SlackRequests.FormType));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

            // The container's HEALTHCHECK: the same executable, no --url (it reads ASPNETCORE_URLS like the server).
            var healthcheck = await HealthcheckAsync(image, settings);
            Assert.True(healthcheck.ExitCode == 0, DeployTools.Describe(healthcheck));

            // Production logs: one JSON object per line; the request's lines (start and finish) carry one trace id.
            static string? TraceId(JsonElement line) =>
                line.TryGetProperty("Scopes", out var scopes)
                    ? scopes.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty("TraceId", out _))
                        .Select(x => x.GetProperty("TraceId").GetString()).FirstOrDefault()
                    : null;
            static bool IsCommandLine(string l) => l.Contains("/slack/commands", StringComparison.Ordinal) && l.Contains("Request finished", StringComparison.Ordinal);
            await Eventually.WaitUntilAsync(() => stdout.Any(IsCommandLine), "the request's log lines", TimeSpan.FromSeconds(60));
            var lines = stdout.Where(l => l.Length > 0).ToList();
            Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
            var requestLines = lines.Where(l => l.Contains("/slack/commands", StringComparison.Ordinal) && l.Contains("\"Category\":\"Microsoft.AspNetCore.Hosting.Diagnostics\"", StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.True(requestLines.Count >= 2, string.Join('\n', lines)); // "Request starting" and "Request finished" of each command
            var traceIds = requestLines.Select(TraceId).ToList();
            Assert.All(traceIds, t => Assert.Matches("^[0-9a-f]{32}$", t));
        }
        finally
        {
            await StopAsync(server);
        }

        var afterStop = await HealthcheckAsync(image, settings);
        Assert.Equal(1, afterStop.ExitCode);
    }

    private static Task<(int ExitCode, string Output, string Errors)> HealthcheckAsync(ImageRehearsal image, IReadOnlyDictionary<string, string> settings) =>
        DeployTools.RunAsync("dotnet", ["GuidelineBot.dll", "healthcheck"], image.AppFolder,
            image.Runtime.Env.Concat(settings).ToDictionary(p => p.Key, p => (string?)p.Value), TimeSpan.FromMinutes(2));

    private static async Task<JsonElement> WaitForReadyAsync(HttpClient http, Process server, ConcurrentQueue<string> stdout, ConcurrentQueue<string> stderr)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, $"the server exited ({(server.HasExited ? server.ExitCode : 0)}):\n{string.Join('\n', stdout)}\n{string.Join('\n', stderr)}");
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        Assert.Fail("/readyz never answered 200:\n" + string.Join('\n', stdout) + "\n" + string.Join('\n', stderr));
        return default;
    }

    /// <summary>SIGTERM, as a container runtime stops it; killed if it does not stop.</summary>
    private static async Task StopAsync(Process server)
    {
        if (server.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await server.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            server.Kill(entireProcessTree: true);
        }
    }
}
