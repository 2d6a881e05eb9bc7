using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Hosting;
using GuidelineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidelineBot.IntegrationTests.Operations;

/// <summary><c>/healthz</c> (liveness) and <c>/readyz</c> (readiness: knowledge indexed, store reachable, not stopping).</summary>
public sealed class ProbeTests(GuidelineBotFactory factory) : IClassFixture<GuidelineBotFactory>
{
    [Fact]
    public async Task Healthz_is_200_once_the_index_is_loaded()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/healthz")]
    [InlineData("DELETE", "/healthz")]
    [InlineData("POST", "/readyz")]
    [InlineData("PROPFIND", "/healthz")]
    public async Task Probes_answer_reads_only(string method, string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_200_with_the_knowledge_content_hash_and_the_schema_version()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", body.GetProperty("status").GetString());

        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = RepoPaths.Knowledge });
        Assert.Equal(knowledge.Version, body.GetProperty("knowledgeHash").GetString());
        var schema = await factory.Services.GetRequiredService<StoreDatabase>().SchemaVersionAsync(default);
        Assert.True(schema >= 1);
        Assert.Equal(schema, body.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task Not_ready_until_the_index_is_built_then_ready_then_not_ready_from_the_moment_shutdown_starts()
    {
        await using var store = await SqliteStoreAsync();
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        var readiness = new Readiness(store, lifetime, TimeProvider.System, NullLogger<Readiness>.Instance);

        var starting = await readiness.CheckAsync(default);
        Assert.False(starting.Ready);
        Assert.Equal("starting", starting.Status.Status);

        readiness.MarkKnowledgeReady("abc123");
        var ready = await readiness.CheckAsync(default);
        Assert.True(ready.Ready);
        Assert.Equal("abc123", ready.Status.KnowledgeHash);

        lifetime.StopApplication();
        var stopping = await readiness.CheckAsync(default);
        Assert.False(stopping.Ready);
        Assert.Equal("stopping", stopping.Status.Status);
    }

    [Fact]
    public async Task Not_ready_while_the_store_is_unreachable()
    {
        // A PostgreSQL store on a loopback port where nothing listens.
        var port = Deploy.ImageRehearsal.FreePort();
        await using var store = StoreDatabase.Create(new StorageOptions
        {
            Provider = "Postgres",
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=none;Username=none;Password=none;Timeout=2",
        });
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        var readiness = new Readiness(store, lifetime, TimeProvider.System, NullLogger<Readiness>.Instance);
        readiness.MarkKnowledgeReady("abc123");

        var check = await readiness.CheckAsync(default);
        Assert.False(check.Ready);
        Assert.Equal("store unreachable", check.Status.Status);
    }

    [Fact]
    public async Task Not_ready_when_the_store_does_not_answer_within_its_timeout_on_the_servers_clock()
    {
        // A loopback port that accepts connections and never says a word: without the readiness timeout the check would
        // wait for the connection string's own 60 s. The timeout runs on the TimeProvider, so the fake clock ends it.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var store = StoreDatabase.Create(new StorageOptions
        {
            Provider = "Postgres",
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=none;Username=none;Password=none;Timeout=60",
        });
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var readiness = new Readiness(store, lifetime, clock, NullLogger<Readiness>.Instance);
        readiness.MarkKnowledgeReady("abc123");

        var check = readiness.CheckAsync(default);
        using var accepted = await silent.AcceptTcpClientAsync(CancellationToken.None);
        Assert.False(check.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(100, CancellationToken.None);
        Assert.False(check.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        // Well under the real 3 s: the timeout runs on the fake clock, not the real one.
        var result = await check.WaitAsync(TimeSpan.FromSeconds(1.5), CancellationToken.None);
        Assert.False(result.Ready);
        Assert.Equal("store unreachable", result.Status.Status);
    }

    [Fact]
    public void The_knowledge_hash_follows_the_documents_content()
    {
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = RepoPaths.Knowledge });
        var same = KnowledgeLoader.Load(new KnowledgeOptions { Path = RepoPaths.Knowledge });
        Assert.Equal(knowledge.Version, same.Version);

        var changed = new KnowledgeBase(
            [.. knowledge.Documents.Select((d, i) => i == 0 ? d with { ContentHash = new string('0', 64) } : d)], []);
        Assert.NotEqual(knowledge.Version, changed.Version);
        Assert.Matches("^[0-9a-f]{64}$", knowledge.Version);
    }

    private static async Task<StoreDatabase> SqliteStoreAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "readiness-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = StoreDatabase.Create(new StorageOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(folder, "store.db")}" });
        await store.EnsureMigratedAsync(default);
        return store;
    }
}
