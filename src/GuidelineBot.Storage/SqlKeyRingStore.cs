using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary><see cref="IKeyRingStore"/> on SQLite or PostgreSQL (table <c>key_ring</c>): one row per element, by name.</summary>
public sealed class SqlKeyRingStore(StoreDatabase database) : IKeyRingStore
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT xml FROM key_ring ORDER BY added_at, name";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var elements = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    public async Task AddAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO key_ring (name, xml, added_at) VALUES (@name, @xml, @at)
            ON CONFLICT (name) DO UPDATE SET xml = excluded.xml, added_at = excluded.added_at
            """;
        StoreDatabase.Add(upsert, "name", name);
        StoreDatabase.Add(upsert, "xml", xml);
        database.AddTime(upsert, "at", at);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
