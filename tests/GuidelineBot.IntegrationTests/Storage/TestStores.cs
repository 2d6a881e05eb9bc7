using System.Runtime.ExceptionServices;
using GuidelineBot.Storage;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>One empty store for one test, on one provider; <see cref="OpenAnother"/> is a second process on it.</summary>
public interface ITestStore : IAsyncDisposable
{
    Task<StoreDatabase> CreateAsync();

    StoreDatabase OpenAnother();
}

/// <summary>A fresh SQLite file in a temp folder that does not exist yet (created on first use).</summary>
public sealed class SqliteTestStore : ITestStore
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(Folder, "nested", "store.db")}";

    public Task<StoreDatabase> CreateAsync() => Task.FromResult(OpenAnother());

    public StoreDatabase OpenAnother() => new SqliteDatabase(ConnectionString);

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh schema on the test PostgreSQL (<see cref="TestPostgres"/>), dropped afterwards.</summary>
public sealed class PostgresTestStore : ITestStore
{
    private string? _connectionString;
    private string? _schema;

    public async Task<StoreDatabase> CreateAsync()
    {
        (_connectionString, _schema) = await TestPostgres.CreateSchemaAsync();
        return OpenAnother();
    }

    public StoreDatabase OpenAnother() => new PostgresDatabase(_connectionString ?? throw new InvalidOperationException("CreateAsync first"));

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await TestPostgres.DropSchemaAsync(_schema);
        }
    }
}

/// <summary>
/// Base for tests that run on every provider: a fresh store per test. When the provider is unavailable the first use
/// of <see cref="Database"/> throws inside the test: skipped on a developer machine, failed under CI (use [SkippableFact]).
/// </summary>
public abstract class ProviderTestBase<TStore> : IAsyncLifetime where TStore : ITestStore, new()
{
    private readonly List<StoreDatabase> _opened = [];
    private StoreDatabase? _database;
    private ExceptionDispatchInfo? _unavailable;

    protected TStore Store { get; } = new();

    protected StoreDatabase Database
    {
        get
        {
            _unavailable?.Throw();
            return _database!;
        }
    }

    public async Task InitializeAsync()
    {
        try
        {
            _database = Track(await Store.CreateAsync());
        }
        catch (Exception ex) when (ex is SkipException or InvalidOperationException)
        {
            _unavailable = ExceptionDispatchInfo.Capture(ex);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await Store.DisposeAsync();
    }

    /// <summary>Another process on the same store: its own connections, its own migration run.</summary>
    protected StoreDatabase OpenAnother()
    {
        _ = Database;
        return Track(Store.OpenAnother());
    }

    private StoreDatabase Track(StoreDatabase database)
    {
        _opened.Add(database);
        return database;
    }

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
