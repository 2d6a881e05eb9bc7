using GuidelineBot.IntegrationTests.Storage;

namespace GuidelineBot.IntegrationTests.Slack.Onboarding;

/// <summary>A store for whole servers: the configuration that points a server (or several, or a CLI run) at it.</summary>
public interface IServerStore : IAsyncDisposable
{
    /// <summary>Creates the store (PostgreSQL: a fresh schema; throws SkipException on a dev machine without one, fails under CI).</summary>
    Task<Dictionary<string, string?>> SettingsAsync();
}

/// <summary>A SQLite file in a fresh temp folder, shared by every server given its settings.</summary>
public sealed class SqliteServerStore : IServerStore
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "slack-onboarding-" + Guid.NewGuid().ToString("N"));

    public Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "guidelinebot.db")}",
    });

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh schema on the test PostgreSQL (<see cref="TestPostgres"/>), dropped afterwards.</summary>
public sealed class PostgresServerStore : IServerStore
{
    private string? _schema;

    public async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var (connectionString, schema) = await TestPostgres.CreateSchemaAsync();
        _schema = schema;
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropSchemaAsync(_schema);
        }
    }
}
