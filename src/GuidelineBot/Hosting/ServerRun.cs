using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>Runs the server until it is stopped, and turns how it ended into the process's exit code.</summary>
public static partial class ServerRun
{
    /// <summary>
    /// Runs <paramref name="app"/> until it stops. 0 when it stopped as asked. 1 when it could not start (the store
    /// unreachable, the port taken, options validated at start), logged as one critical line "Hosting failed to start:
    /// why", instead of an unhandled exception, its stack trace on stderr and an abort (exit code 134); and 1 when a
    /// background service crashed (logged by the host, as critical), which stops the host but let it end as if
    /// asked. A stop (SIGTERM) that arrives while the server is still starting, say a pod removed during a rollout,
    /// cancels the hosted service that is starting; the host logs that as a failed start too and throws the
    /// cancellation (dotnet/runtime#111013), but it is an ordinary stop: 0. Options are checked before this, by
    /// <see cref="HasValidOptions"/> (every validated option in the app is checked at start, those the hosted services are
    /// created with among them).
    /// </summary>
    public static async Task<int> RunUntilStoppedAsync(this WebApplication app)
    {
        // Taken before the run: the run disposes the host's services when it ends.
        var started = app.Lifetime.ApplicationStarted;
        var stopping = app.Lifetime.ApplicationStopping;
        var workers = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToArray();
        // Read now: the run disposes the configuration with the host.
        var addresses = ListeningSettings(app.Configuration);
        try
        {
            await app.RunAsync();
        }
        catch (OperationCanceledException) when (!started.IsCancellationRequested && stopping.IsCancellationRequested && !Crashed(workers))
        {
            // Stopped while starting.
        }
        catch (Exception ex) when (!started.IsCancellationRequested)
        {
            // One line, no stack trace (the host's own line, with the exception's stack, is filtered out: AddObservability):
            // the exception's message, or an aggregate's each, its line breaks as spaces.
            var messages = (ex is AggregateException aggregate ? aggregate.InnerExceptions : [ex]).Select(e => Explain(e, addresses));
            LogFailedStart(app, messages.Select(OneLine));
            return 1;
        }

        return Crashed(workers) ? 1 : 0;
    }

    private static bool Crashed(BackgroundService[] workers) => workers.Any(w => w.ExecuteTask is { IsFaulted: true });

    /// <summary>
    /// Validates the options checked at start (<c>ValidateOnStart</c>) before the endpoints are mapped, which read some of
    /// them. False when one fails, logged as one critical line naming every failure (and a hint when the folder has no
    /// appsettings.json), so the process can end with exit code 1: a failure while mapping was an unhandled exception,
    /// its stack trace and an abort (134), and one in the run was the host's line with the exception's stack trace.
    /// </summary>
    public static bool HasValidOptions(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            LogInvalid(app, ex.Failures);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            LogInvalid(app, ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }
        catch (InvalidOperationException ex) when (IsUnconvertibleSetting(ex))
        {
            // "Failed to convert configuration value 'abc' at 'Search:HeadingBoost' to type 'System.Single'."
            LogInvalid(app, [ex.Message]);
        }

        return false;
    }

    /// <summary>The configuration binder's failure: a setting's value is not of its type (a word for a number, an unknown choice).</summary>
    private static bool IsUnconvertibleSetting(InvalidOperationException ex) =>
        ex.InnerException is FormatException or ArgumentException or OverflowException or NotSupportedException;

    /// <summary>The one critical line of a failed start: its reasons, without their closing full stops.</summary>
    private static void LogFailedStart(WebApplication app, IEnumerable<string> reasons) =>
        app.Logger.LogCritical("Hosting failed to start: {Reasons}", Reasons(reasons));

    /// <summary>Reasons as a failed start's one line gives them: without their closing full stops, joined by "; ".</summary>
    private static string Reasons(IEnumerable<string> reasons) => string.Join("; ", reasons.Select(r => r.TrimEnd('.', ' ')));

    /// <summary>
    /// Why the settings could not be read (before there is a host to log it), as that line gives it: the exception's
    /// message and its causes', each once ("Failed to load configuration from file '…/appsettings.json'; Could not parse
    /// the JSON file; … line 1, byte 64"; the command line's error gives the same).
    /// </summary>
    public static string Reasons(Exception unreadable)
    {
        var messages = new List<string>();
        for (Exception? e = unreadable; e is not null; e = e.InnerException)
        {
            messages.Add(OneLine(e is JsonException json ? WithPlace(json) : e.Message));
        }

        return Reasons(messages.Select(m => m.TrimEnd('.', ' ')).Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// A JSON reader's message with its place as an editor shows it, "line 3, byte 14", where System.Text.Json's
    /// "LineNumber: 2 | BytePositionInLine: 13" counts both from 0.
    /// </summary>
    private static string WithPlace(JsonException json) => json is { LineNumber: { } line, BytePositionInLine: { } position }
        ? PlacePattern().Replace(json.Message, $"line {line + 1}, byte {position + 1}")
        : json.Message;

    [GeneratedRegex(@"LineNumber: \d+ \| BytePositionInLine: \d+")]
    private static partial Regex PlacePattern();

    /// <summary>The settings Kestrel takes its addresses from, each with what it holds (only those given).</summary>
    private static List<(string Name, string Value)> ListeningSettings(IConfiguration configuration)
    {
        var settings = new List<(string, string)>();
        foreach (var (key, name) in new[] { ("urls", "ASPNETCORE_URLS / --urls"), ("http_ports", "ASPNETCORE_HTTP_PORTS"), ("https_ports", "ASPNETCORE_HTTPS_PORTS") })
        {
            if (configuration[key] is { Length: > 0 } value)
            {
                settings.Add((name, value));
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                settings.Add(($"Kestrel:Endpoints:{endpoint.Key}:Url", url));
            }
        }

        return settings;
    }

    /// <summary>
    /// Why Kestrel could not listen, where its own words name no setting: a port out of range ("Specified argument was out
    /// of the range of valid values. (Parameter 'port')") names the settings that hold one (all of them given, when none
    /// can be told apart).
    /// </summary>
    private static string Explain(Exception e, List<(string Name, string Value)> addresses)
    {
        if (e is not ArgumentOutOfRangeException { ParamName: "port" })
        {
            return e.Message;
        }

        var wrong = addresses.Where(a => PortPattern().Matches(a.Value).Any(m => !int.TryParse(m.Groups["port"].Value, out var port) || port > 65535)).ToList();
        var named = (wrong.Count > 0 ? wrong : addresses).Select(a => $"{a.Name} is '{a.Value}'").ToList();
        return $"a port to listen on is not between 0 and 65535 ({(named.Count > 0 ? string.Join(", ", named) : "see Kestrel:Endpoints")})";
    }

    /// <summary>A port in an address (":70000" before the end, a slash or a separator) or a bare port in a list of ports.</summary>
    [GeneratedRegex(@"(?:^|[;,]|:)\s*(?<port>\d+)\s*(?=$|[/;,])")]
    private static partial Regex PortPattern();

    /// <summary>A message's line breaks as spaces.</summary>
    private static string OneLine(string message) => string.Join(' ', message.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void LogInvalid(WebApplication app, IEnumerable<string> failures)
    {
        LogFailedStart(app, failures);
        if (!File.Exists(Path.Combine(app.Environment.ContentRootPath, "appsettings.json")))
        {
            app.Logger.LogCritical(
                "There is no appsettings.json in {ContentRoot}: start the server from the folder that holds it (or name it with --contentRoot), or give every setting as an environment variable",
                app.Environment.ContentRootPath);
        }
    }
}
