using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary><see cref="ISettingStore"/> on SQLite or PostgreSQL (table <c>settings</c>): one row per key, replaced by an upsert.</summary>
public sealed class SqlSettingStore(StoreDatabase database) : ISettingStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM settings WHERE key = @key";
        StoreDatabase.Add(select, "key", key);
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string key, string value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @at)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """;
        StoreDatabase.Add(upsert, "key", key);
        StoreDatabase.Add(upsert, "value", value);
        database.AddTime(upsert, "at", at);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
