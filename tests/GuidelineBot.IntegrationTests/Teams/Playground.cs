using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// Where the Microsoft 365 Agents Playground and Chromium are (installed by tests/scripts/playground-start.sh), and a
/// running Playground process on a free loopback port.
/// </summary>
public sealed class Playground : IAsyncDisposable
{
    public const string CliVariable = "AGENTS_PLAYGROUND_CLI";
    public const string ChromiumVariable = "CHROMIUM_PATH";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private Playground(Process process, StringBuilder output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Playground's <c>cli.js</c>: $AGENTS_PLAYGROUND_CLI, else the copy the start script puts in tests/.tools.</summary>
    public static string? CliPath =>
        Environment.GetEnvironmentVariable(CliVariable) is { Length: > 0 } path && File.Exists(path)
            ? path
            : File.Exists(ToolsCli) ? ToolsCli : null;

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path && File.Exists(path)
            ? path
            : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    /// <summary>Why the end-to-end tests cannot run here, or null when they can.</summary>
    public static string? MissingTools =>
        (CliPath is null ? $"the Agents Playground (set {CliVariable} or run tests/scripts/playground-start.sh) " : "") +
        (ChromiumPath is null ? "Chromium (/usr/bin/chromium, apt-get install chromium)" : "") is { Length: > 0 } missing
            ? "Missing: " + missing.Trim()
            : null;

    private static string ToolsCli => Path.Combine(RepoPaths.Root, "tests", ".tools", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    /// <param name="port">The Playground's port: the bot allows its origin in <c>Bot:LocalServiceUrls</c>.</param>
    public static async Task<Playground> StartAsync(string botEndpoint, int port)
    {
        var cli = CliPath ?? throw new InvalidOperationException(MissingTools);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "-e", botEndpoint, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var playground = new Playground(process, output, port);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(playground.BaseUrl + "/_internal/v1/config")).IsSuccessStatusCode)
                {
                    return playground;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        var log = playground.Output;
        await playground.DisposeAsync();
        throw new InvalidOperationException("The Agents Playground did not start within 60 s:\n" + log);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>
/// A test that needs the Agents Playground and Chromium. Skipped where they are missing, except in CI (CI=true), where it
/// runs and fails with what is missing: CI installs them through tests/scripts/playground-start.sh.
/// </summary>
public sealed class PlaygroundFactAttribute : FactAttribute
{
    public PlaygroundFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi && Playground.MissingTools is { } missing)
        {
            Skip = missing + " (these tests run in CI and through tests/run.sh).";
        }
    }
}
