using GuidelineBot.Hosting;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Operations;

/// <summary><see cref="ServerRun"/>: how a run ends becomes the exit code; a stop while starting is an ordinary stop.</summary>
public sealed class ServerRunTests
{
    [Fact]
    public async Task A_stop_while_a_hosted_service_is_starting_ends_the_run_with_exit_code_0()
    {
        var starting = new SlowStart();
        await using var app = App(services => services.AddSingleton<IHostedService>(starting));
        var run = app.RunUntilStoppedAsync();

        await starting.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        app.Lifetime.StopApplication();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(starting.Cancelled);
    }

    [Fact]
    public async Task A_hosted_service_that_fails_to_start_ends_the_run_with_exit_code_1_and_the_reason_in_the_log()
    {
        var logs = new TestLogs();
        await using var app = App(services => services.AddSingleton<IHostedService>(new FailingStart()).AddSingleton<ILoggerProvider>(logs));
        Assert.Equal(1, await app.RunUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        // The reason in one critical line, without a stack trace (the server filters the host's own line, which has one).
        var failed = Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Equal($"Hosting failed to start: {FailingStart.Message}", failed.Message);
        Assert.Null(failed.Exception);
    }

    [Theory]
    [InlineData("http://127.0.0.1:99999", null, "ASPNETCORE_URLS / --urls is 'http://127.0.0.1:99999'")]
    [InlineData("", "70000", "ASPNETCORE_HTTP_PORTS is '70000'")]
    // Only the setting at fault, not every one given (the image always sets ASPNETCORE_HTTP_PORTS=8080).
    [InlineData("", "5411", "Kestrel:Endpoints:Http:Url is 'http://127.0.0.1:70000'", "http://127.0.0.1:70000")]
    public async Task A_port_out_of_range_stops_the_start_in_one_line_that_names_the_setting(string urls, string? ports, string named, string? endpoint = null)
    {
        // Kestrel's own words, "Specified argument was out of the range of valid values. (Parameter 'port')", named none.
        var logs = new TestLogs();
        var settings = new Dictionary<string, string?> { ["urls"] = urls, ["http_ports"] = ports };
        if (endpoint is not null)
        {
            settings["Kestrel:Endpoints:Http:Url"] = endpoint;
        }

        await using var app = App(services => services.AddSingleton<ILoggerProvider>(logs), settings);

        Assert.Equal(1, await app.RunUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        var failed = Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Equal($"Hosting failed to start: a port to listen on is not between 0 and 65535 ({named})", failed.Message);
    }

    [Fact]
    public async Task A_setting_that_is_not_of_its_type_stops_the_start_in_one_line_that_names_it()
    {
        // A word where a number belongs: the configuration binder's exception was unhandled, its stack trace and an abort (134).
        var logs = new TestLogs();
        await using var app = App(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddOptions<OtherOptions>().BindConfiguration("Other").ValidateOnStart();
        }, new Dictionary<string, string?> { ["Other:Count"] = "lots" });

        Assert.False(app.HasValidOptions());
        var failed = Assert.Single(logs.Entries, e => e.Message.StartsWith("Hosting failed to start", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Critical, failed.Level);
        Assert.Contains("'lots' at 'Other:Count'", failed.Message, StringComparison.Ordinal);
        Assert.Null(failed.Exception);
    }

    [Fact]
    public async Task A_background_service_that_crashes_after_the_start_ends_the_run_with_exit_code_1()
    {
        // The host stops itself (BackgroundServiceExceptionBehavior.StopHost) and its run ends as if asked.
        await using var app = App(services => services.AddHostedService(_ => new CrashingWorker(TimeSpan.FromMilliseconds(200))));
        Assert.Equal(1, await app.RunUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_background_service_that_crashes_while_another_service_starts_is_not_taken_for_a_stop()
    {
        // Its crash stops the host, which cancels the service still starting: the same cancellation as a SIGTERM's.
        var starting = new SlowStart();
        await using var app = App(services => services.AddHostedService(_ => new CrashingWorker(TimeSpan.Zero)).AddSingleton<IHostedService>(starting));
        Assert.Equal(1, await app.RunUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(starting.Cancelled);
    }

    [Fact]
    public async Task Options_checked_at_start_are_checked_before_the_endpoints_are_mapped_and_logged_in_one_line()
    {
        // The endpoints read some of them: a failure while mapping was an unhandled exception and an abort (134).
        var logs = new TestLogs();
        await using var app = App(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddOptions<NeededOptions>().Validate(o => o.Value.Length > 0, NeededOptions.Failure + ".").ValidateOnStart();
            services.AddOptions<OtherOptions>().Validate(o => o.Count > 0, OtherOptions.Failure).ValidateOnStart();
        });

        Assert.False(app.HasValidOptions());
        var failed = Assert.Single(logs.Entries, e => e.Message.StartsWith("Hosting failed to start", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Critical, failed.Level);
        Assert.Null(failed.Exception);
        Assert.Equal($"Hosting failed to start: {NeededOptions.Failure}; {OtherOptions.Failure}", failed.Message);
    }

    [Fact]
    public async Task A_knowledge_folder_that_is_not_there_stops_the_start_in_one_line_that_names_it()
    {
        // It was a hosted service's failure: "Hosting failed to start" with the DirectoryNotFoundException's stack trace.
        var missing = Path.Combine(Path.GetTempPath(), "guidelinebot-no-knowledge-" + Guid.NewGuid().ToString("N"));
        await using var bot = new Web.WebBotFactory(settings: new Dictionary<string, string?> { ["Knowledge:Path"] = missing, ["Search:Reranker"] = "None" });

        Assert.ThrowsAny<Exception>(() => bot.Start());

        var failed = Assert.Single(bot.Logs.Entries, e => e.Message.StartsWith("Hosting failed to start: ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Critical, failed.Level);
        Assert.Equal($"Hosting failed to start: knowledge folder '{missing}' not found (looked in {missing}): set Knowledge:Path to the folder of guideline documents",
            failed.Message);
        Assert.Null(failed.Exception);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Exception is DirectoryNotFoundException);
    }

    [Fact]
    public async Task A_store_from_a_newer_build_stops_the_start_in_one_line_that_does_not_blame_the_connection()
    {
        // It ended "(check Storage:Provider and Storage:ConnectionString)", though the store had opened fine.
        var folder = Directory.CreateTempSubdirectory("guidelinebot-newer-store-");
        try
        {
            var file = Path.Combine(folder.FullName, "guidelinebot.db");
            var store = new SqliteDatabase($"Data Source={file}");
            await store.EnsureMigratedAsync(CancellationToken.None);
            await using (var connection = await store.OpenAsync(CancellationToken.None))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "INSERT INTO schema_migrations (version, name) VALUES (9999, 'from the future')";
                await command.ExecuteNonQueryAsync();
            }

            var failed = await FailedStartOnSqliteAsync(file);
            Assert.StartsWith($"Hosting failed to start: the store (SQLite {file}) has schema version 9999, newer than this build knows", failed.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Storage:ConnectionString", failed.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_stops_the_start_in_one_line_that_names_the_settings()
    {
        // It was the host's "Hosting failed to start" with the exception's stack trace, and no word of which setting.
        var folder = Directory.CreateTempSubdirectory("guidelinebot-not-a-store-");
        try
        {
            var notADatabase = Path.Combine(folder.FullName, "guidelinebot.db");
            await File.WriteAllTextAsync(notADatabase, "these are my notes, not a database");
            var failed = await FailedStartOnSqliteAsync(notADatabase);
            Assert.StartsWith($"Hosting failed to start: the store (SQLite {notADatabase}) cannot be opened: ", failed.Message, StringComparison.Ordinal);
            Assert.EndsWith("(check Storage:Provider and Storage:ConnectionString)", failed.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', failed.Message);
            Assert.Null(failed.Exception);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Valid_options_checked_at_start_let_the_server_start()
    {
        await using var app = App(services => services.AddOptions<NeededOptions>().Configure(o => o.Value = "set").Validate(o => o.Value.Length > 0).ValidateOnStart());
        Assert.True(app.HasValidOptions());
    }

    /// <summary>A server with only the store, on the SQLite file <paramref name="file"/>: its start fails, with this critical line.</summary>
    private static async Task<LogEntry> FailedStartOnSqliteAsync(string file)
    {
        var logs = new TestLogs();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={file}",
        });
        builder.Services.AddGuidelineStore(builder.Configuration).AddSingleton<ILoggerProvider>(logs);
        await using var app = builder.Build();

        Assert.Equal(1, await app.RunUntilStoppedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        return Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
    }

    private static WebApplication App(Action<IServiceCollection> services, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        services(builder.Services);
        return builder.Build();
    }

    private sealed class SlowStart : IHostedService
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CrashingWorker(TimeSpan after) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Delay(after, stoppingToken);
            throw new InvalidOperationException("the worker's loop failed");
        }
    }

    private sealed class NeededOptions
    {
        public const string Failure = "Needed:Value is missing";

        public string Value { get; set; } = "";
    }

    internal sealed class OtherOptions
    {
        public const string Failure = "Other:Count must be at least 1";

        public int Count { get; set; }
    }

    private sealed class FailingStart : IHostedService
    {
        public const string Message = "the store's schema is newer than this build";

        public Task StartAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
