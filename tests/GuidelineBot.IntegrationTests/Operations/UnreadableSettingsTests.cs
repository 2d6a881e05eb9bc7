using GuidelineBot.IntegrationTests.Deploy;

namespace GuidelineBot.IntegrationTests.Operations;

/// <summary>
/// The server started as a process (this build's GuidelineBot.dll) with settings it cannot use: it ends with exit code 1
/// and one line that says where, as with any other setting, not an unhandled exception's stack and an abort (134).
/// </summary>
public sealed class UnreadableSettingsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "settings-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_appsettings_json_that_is_not_json_ends_the_start_in_one_line_naming_the_file_and_the_place()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), "{ \"Storage\": { \"ConnectionString\": \"Data Source=data/x.db\", } ,,, ");

        var run = await StartAsync(new Dictionary<string, string?>());

        Assert.True(run.ExitCode == 1, DeployTools.Describe(run));
        var line = Assert.Single((run.Output + run.Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Hosting failed to start: Failed to load configuration from file", line, StringComparison.Ordinal);
        Assert.Contains("appsettings.json", line, StringComparison.Ordinal);
        // Where it breaks, counted as an editor counts (System.Text.Json's own words count lines and bytes from 0).
        Assert.Contains("line 1, byte 64", line, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", line, StringComparison.Ordinal);

        // A command gives the same place (it printed only "Failed to load configuration from file '…'").
        var ask = await DeployTools.RunAsync("dotnet", [typeof(Program).Assembly.Location, "ask", "can I friend parents"], _folder,
            new Dictionary<string, string?> { ["Knowledge__Path"] = Path.Combine(RepoPaths.Root, "knowledge") }, TimeSpan.FromMinutes(2));
        Assert.True(ask.ExitCode == 1, DeployTools.Describe(ask));
        var error = Assert.Single((ask.Output + ask.Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: Failed to load configuration from file", error, StringComparison.Ordinal);
        Assert.Contains("line 1, byte 64", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web__Enabled", "maybe")]
    [InlineData("Web__MessagesPerMinute", "lots")]
    public async Task A_web_setting_that_is_not_of_its_type_ends_the_start_in_one_line_that_names_it(string key, string value)
    {
        // Read while the services were registered, it threw before the check on start could name it.
        Directory.CreateDirectory(_folder);
        File.Copy(Path.Combine(RepoPaths.Root, "appsettings.json"), Path.Combine(_folder, "appsettings.json"));

        var run = await StartAsync(new Dictionary<string, string?>
        {
            [key] = value,
            ["Knowledge__Path"] = Path.Combine(RepoPaths.Root, "knowledge"),
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(_folder, "bot.db")}",
            ["Search__Reranker"] = "None",
        });

        Assert.True(run.ExitCode == 1, DeployTools.Describe(run));
        // Production logs JSON, where ' is \u0027.
        Assert.Contains($"'{value}' at '{key.Replace("__", ":", StringComparison.Ordinal)}'", (run.Output + run.Errors).Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output + run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    [InlineData("http://127.0.0.1:9/")] // (an address there was probed, as if it were the port's)
    public async Task Healthcheck_with_a_port_variable_that_holds_no_port_says_it_needs_a_port(string ports)
    {
        // It said "ASPNETCORE_HTTP_PORTS must be an http(s) address, not 'http://127.0.0.1:abc/'", an address no one wrote.
        Directory.CreateDirectory(_folder);
        var run = await DeployTools.RunAsync("dotnet", [typeof(Program).Assembly.Location, "healthcheck"], _folder,
            new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = ports, ["ASPNETCORE_URLS"] = "" }, TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 2, DeployTools.Describe(run));
        Assert.Equal($"error: ASPNETCORE_HTTP_PORTS must be a port number (1-65535), not '{ports}'", (run.Output + run.Errors).Trim());
    }

    private Task<(int ExitCode, string Output, string Errors)> StartAsync(Dictionary<string, string?> environment)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        return DeployTools.RunAsync("dotnet", [typeof(Program).Assembly.Location], _folder, environment, TimeSpan.FromMinutes(2));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
