using System.Data.Common;
using GuidelineBot.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace GuidelineBot.Storage;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>: for several bot replicas sharing one store.</summary>
public sealed class PostgresDatabase : StoreDatabase
{
    /// <summary>Advisory lock key held while migrating, so replicas starting together migrate one after the other.</summary>
    private const long MigrationLockKey = 0x4775_6964_6542_6F74; // "GuideBot"

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}" +
                       (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    /// <summary>
    /// A connection that failed or timed out (Npgsql's transient errors that are not the server's), or the server saying it
    /// cannot work now: connection errors (class 08), insufficient resources (53: disk full, out of memory, too many
    /// connections), system errors (58), a shutdown or a start under way (57P01–57P03). Not a deadlock or a
    /// serialization failure, which Npgsql also calls transient: there the work lost and the server is fine.
    /// </summary>
    private protected override bool IsDriverUnavailable(Exception exception) => exception switch
    {
        PostgresException server => server.SqlState[..2] is "08" or "53" or "58" ||
                                    server.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException connection => connection.IsTransient,
        _ => false,
    };

    public override string Describe() => _description;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    internal override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    internal override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        Add(command, "key", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal override DbParameter AddTime(DbCommand command, string name, DateTimeOffset? value)
    {
        var parameter = new NpgsqlParameter(ParameterName(name), NpgsqlDbType.TimestampTz) { Value = TimeValue(value) };
        command.Parameters.Add(parameter);
        return parameter;
    }

    internal override object TimeValue(DateTimeOffset? value) => value is { } v ? v.ToUniversalTime() : DBNull.Value;

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }
}
