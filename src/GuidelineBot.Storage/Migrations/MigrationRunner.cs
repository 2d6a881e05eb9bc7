using System.Data.Common;

namespace GuidelineBot.Storage.Migrations;

/// <summary>
/// Applies the provider's migrations that <c>schema_migrations</c> does not list yet, in version order, in one
/// transaction that holds the migration lock, so replicas (or test processes) starting together cannot both apply one.
/// </summary>
internal static class MigrationRunner
{
    public static async Task RunAsync(StoreDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.PrepareAsync(connection, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await database.LockForMigrationAsync(connection, transaction, cancellationToken);

        await ExecuteAsync(connection, transaction, database.Provider == StorageProvider.Postgres
            ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
            cancellationToken);

        var applied = new HashSet<int>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var known = database.Migrations.Select(m => m.Version).ToHashSet();
        var unknown = applied.Where(v => !known.Contains(v)).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new NewerSchemaException(
                $"the store ({database.Describe()}) has schema version {unknown[^1]}, newer than this build knows ({known.Max()}): run a GuidelineBot build that knows it, or restore the store from before that version");
        }

        foreach (var migration in database.Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)";
            StoreDatabase.Add(insert, "version", migration.Version);
            StoreDatabase.Add(insert, "name", migration.Name);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The highest applied version (0 for an empty database).</summary>
    public static async Task<int> CurrentVersionAsync(StoreDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        database.EnsureWritable(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
