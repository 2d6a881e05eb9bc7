using GuidelineBot.Core.Storage;
using GuidelineBot.Storage;
using GuidelineBot.Storage.Migrations;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>
/// The store contract, run against every provider (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>).
/// Each test gets an empty store; <see cref="OpenAnotherAsync"/> is a second process on the same store.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private readonly List<StoreDatabase> _opened = [];

    protected static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 30, 15, 123, TimeSpan.Zero);

    private StoreDatabase? _database;
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _unavailable;

    /// <summary>The store under test. Throws here, inside the test, when the provider is unavailable (skip or fail).</summary>
    protected StoreDatabase Database
    {
        get
        {
            _unavailable?.Throw();
            return _database!;
        }
    }

    /// <summary>Creates a fresh, empty store for one test.</summary>
    protected abstract Task<StoreDatabase> CreateStoreAsync();

    /// <summary>Another <see cref="StoreDatabase"/> (own connections, own migration run) on the same store.</summary>
    protected abstract StoreDatabase OpenAnother();

    protected virtual Task DropStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        try
        {
            _database = Track(await CreateStoreAsync());
        }
        catch (Exception ex) when (ex is SkipException or InvalidOperationException)
        {
            _unavailable = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await DropStoreAsync();
    }

    protected StoreDatabase OpenAnotherAsync() => Track(OpenAnother());

    private StoreDatabase Track(StoreDatabase database)
    {
        _opened.Add(database);
        return database;
    }

    [SkippableFact]
    public async Task Feedback_round_trips_every_field_in_insertion_order()
    {
        var store = new SqlFeedbackStore(Database);
        var first = new FeedbackRecord("slack", "U1", "can I friend parents?", "staff-social-media-guidelines#friending", true, T0);
        var second = new FeedbackRecord("teams", "29:abc", "what about TikTok?", null, false, T0.AddMinutes(3));

        await store.AddAsync(first, CancellationToken.None);
        await store.AddAsync(second, CancellationToken.None);

        Assert.Equal([first, second], await store.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Feedback_written_by_one_process_is_read_by_another()
    {
        await new SqlFeedbackStore(Database).AddAsync(new FeedbackRecord("slack", "U1", "q", null, true, T0), CancellationToken.None);

        var listed = await new SqlFeedbackStore(OpenAnotherAsync()).ListAsync(CancellationToken.None);

        Assert.Equal("U1", Assert.Single(listed).UserId);
    }

    [SkippableFact]
    public async Task Once_first_claim_wins_and_later_claims_lose()
    {
        var once = new SqlOnceStore(Database);

        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0, TimeSpan.FromHours(2), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddSeconds(5), TimeSpan.FromHours(2), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddMinutes(90), TimeSpan.FromHours(2), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_claims_are_separate_per_scope_and_key()
    {
        var once = new SqlOnceStore(Database);

        Assert.True(await once.TryClaimAsync("slack-event", "X", T0, null, CancellationToken.None));
        Assert.True(await once.TryClaimAsync("teams-welcome", "X", T0, null, CancellationToken.None));
        Assert.True(await once.TryClaimAsync("slack-event", "Y", T0, null, CancellationToken.None));
        Assert.False(await once.TryClaimAsync("teams-welcome", "X", T0, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_concurrent_claims_from_two_processes_have_exactly_one_winner()
    {
        var stores = new[] { new SqlOnceStore(Database), new SqlOnceStore(OpenAnotherAsync()) };
        await Database.EnsureMigratedAsync(CancellationToken.None);

        for (var round = 0; round < 5; round++)
        {
            var key = $"onboard-U{round}";
            using var start = new ManualResetEventSlim();
            var claims = Enumerable.Range(0, 16)
                .Select(i => Task.Run(async () =>
                {
                    start.Wait();
                    return await stores[i % 2].TryClaimAsync("onboarding-start", key, T0, null, CancellationToken.None);
                }))
                .ToList();
            start.Set();
            var results = await Task.WhenAll(claims);

            Assert.Equal(1, results.Count(won => won));
        }
    }

    [SkippableFact]
    public async Task Once_expired_claim_can_be_claimed_again_but_a_permanent_one_cannot()
    {
        var once = new SqlOnceStore(Database);
        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0, TimeSpan.FromHours(1), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("welcome", "conv1", T0, null, CancellationToken.None));

        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddMinutes(59), TimeSpan.FromHours(1), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0.AddHours(1).AddSeconds(1), TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddHours(1).AddSeconds(2), TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("welcome", "conv1", T0.AddYears(3), null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_expired_claims_are_purged()
    {
        var once = new SqlOnceStore(Database);
        Assert.True(await once.TryClaimAsync("slack-event", "old", T0, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("welcome", "forever", T0, null, CancellationToken.None));
        Assert.Equal(2, await CountClaimsAsync());

        // A different instance (its own purge schedule) claiming a day later deletes the expired row, keeps the permanent one.
        var later = new SqlOnceStore(Database);
        Assert.True(await later.TryClaimAsync("slack-event", "new", T0.AddDays(1), TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Equal(2, await CountClaimsAsync()); // "forever" and "new"
        Assert.True(await later.TryClaimAsync("slack-event", "old", T0.AddDays(1), TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_rejects_empty_scope_or_key()
    {
        var once = new SqlOnceStore(Database);
        await Assert.ThrowsAsync<ArgumentException>(() => once.TryClaimAsync("", "k", T0, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => once.TryClaimAsync("s", "", T0, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Migrations_are_applied_once_and_a_restart_keeps_the_data()
    {
        await new SqlOnceStore(Database).TryClaimAsync("s", "k", T0, null, CancellationToken.None);
        var version = await MigrationRunner.CurrentVersionAsync(Database, CancellationToken.None);

        var restarted = OpenAnotherAsync();
        await restarted.EnsureMigratedAsync(CancellationToken.None);

        Assert.Equal(version, await MigrationRunner.CurrentVersionAsync(restarted, CancellationToken.None));
        Assert.Equal(restarted.Migrations.Max(m => m.Version), version);
        Assert.Equal(restarted.Migrations.Count, await CountAsync(restarted, "SELECT count(*) FROM schema_migrations"));
        Assert.False(await new SqlOnceStore(restarted).TryClaimAsync("s", "k", T0, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Migrations_refuse_a_store_from_a_newer_build()
    {
        await Database.EnsureMigratedAsync(CancellationToken.None);
        await ExecuteAsync(Database, "INSERT INTO schema_migrations (version, name) VALUES (9999, 'from the future')");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAnotherAsync().EnsureMigratedAsync(CancellationToken.None));
        Assert.Contains("9999", ex.Message);
    }

    private Task<long> CountClaimsAsync() => CountAsync(Database, "SELECT count(*) FROM once_claims");

    protected static async Task<long> CountAsync(StoreDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected static async Task ExecuteAsync(StoreDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The contract on SQLite: a fresh file per test in a temp folder that does not exist yet.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "nested", "store.db")}";

    protected override Task<StoreDatabase> CreateStoreAsync() => Task.FromResult<StoreDatabase>(new SqliteDatabase(ConnectionString));

    protected override StoreDatabase OpenAnother() => new SqliteDatabase(ConnectionString);

    protected override Task DropStoreAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task First_use_creates_the_folder_and_file_in_wal_mode()
    {
        var sqlite = (SqliteDatabase)Database;
        Assert.False(Directory.Exists(_folder));

        await Database.EnsureMigratedAsync(CancellationToken.None);

        Assert.True(File.Exists(sqlite.FilePath));
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1000);
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!); // FULL
    }

    [Fact]
    public void An_in_memory_database_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteDatabase("Data Source=:memory:"));
        Assert.Contains("Storage:ConnectionString", ex.Message);
    }
}
