using System.Runtime.ExceptionServices;
using GuidelineBot.IntegrationTests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// An authenticated Teams bot server on a store the test chooses (several servers can share one: a restart, or two
/// replicas), with <c>Onboarding:AutoStart</c> as given and its log lines collected.
/// </summary>
public sealed class OnboardingBotFactory(FakeBotFramework fake, OnboardingServerStore store, bool autoStart = false, Action<IServiceCollection>? services = null)
    : TeamsBotFactory(fake, services: services)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:Provider", store.Provider);
        builder.UseSetting("Storage:ConnectionString", store.ConnectionString);
        builder.UseSetting("Onboarding:AutoStart", autoStart ? "true" : "false");
    }
}

/// <summary>The store the bot servers of one test share: a SQLite file or a fresh PostgreSQL schema.</summary>
public abstract class OnboardingServerStore : IAsyncDisposable
{
    public abstract string Provider { get; }

    public string ConnectionString { get; protected set; } = "";

    public abstract Task CreateAsync();

    /// <summary>Between two servers on one SQLite file: no pooled connection of the first survives.</summary>
    public virtual void ReleaseConnections()
    {
    }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteServerStore : OnboardingServerStore
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "teams-onb-" + Guid.NewGuid().ToString("N"));

    public override string Provider => "Sqlite";

    public override Task CreateAsync()
    {
        ConnectionString = $"Data Source={Path.Combine(_folder, "guidelinebot.db")}";
        return Task.CompletedTask;
    }

    public override void ReleaseConnections() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    public override ValueTask DisposeAsync()
    {
        ReleaseConnections();
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Still open somewhere: the temp folder is cleaned eventually.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh schema on the test PostgreSQL (<see cref="TestPostgres"/>: skipped on a dev machine without it, failed under CI).</summary>
public sealed class PostgresServerStore : OnboardingServerStore
{
    private string? _schema;

    public override string Provider => "Postgres";

    public override async Task CreateAsync() => (ConnectionString, _schema) = await TestPostgres.CreateSchemaAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await TestPostgres.DropSchemaAsync(_schema);
        }
    }
}

/// <summary>
/// Base of the Teams onboarding tests that run on each provider: a fake Microsoft side and a store per test. When the
/// provider is unavailable the first use of <see cref="Store"/> throws inside the test (skip on a dev machine, fail under CI).
/// </summary>
public abstract class OnboardingServerTestBase<TStore> : IAsyncLifetime where TStore : OnboardingServerStore, new()
{
    private readonly List<OnboardingBotFactory> _servers = [];
    private readonly TStore _store = new();
    private ExceptionDispatchInfo? _unavailable;

    protected FakeBotFramework Fake { get; private set; } = null!;

    protected TStore Store
    {
        get
        {
            _unavailable?.Throw();
            return _store;
        }
    }

    public async Task InitializeAsync()
    {
        Fake = await FakeBotFramework.StartAsync();
        try
        {
            await _store.CreateAsync();
        }
        catch (Exception ex) when (ex is SkipException or InvalidOperationException)
        {
            _unavailable = ExceptionDispatchInfo.Capture(ex);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await _store.DisposeAsync();
        await Fake.DisposeAsync();
    }

    /// <summary>Stops a server (a restart, or a replica going away); the store stays.</summary>
    protected async Task StopServerAsync(OnboardingBotFactory server)
    {
        _servers.Remove(server);
        await server.DisposeAsync();
        _store.ReleaseConnections();
    }

    /// <summary>A bot server on this test's store, started now; disposed with the test.</summary>
    protected OnboardingBotFactory StartServer(bool autoStart = false, Action<IServiceCollection>? services = null)
    {
        var server = new OnboardingBotFactory(Fake, Store, autoStart, services);
        _servers.Add(server);
        _ = server.Server;
        return server;
    }
}
