using System.Data.Common;
using System.Globalization;
using GuidelineBot.Storage.Migrations;
using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace GuidelineBot.Storage;

/// <summary>
/// The embedded default: one SQLite file (created with its folder on first run), WAL journal so readers never block the
/// writer, a busy timeout so concurrent writers wait instead of failing, and <c>synchronous=FULL</c> so a committed
/// transaction survives a crash or power loss.
/// </summary>
public sealed class SqliteDatabase : StoreDatabase
{
    private const int BusyTimeoutMilliseconds = 10_000;
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private readonly string _connectionString;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new InvalidOperationException("Storage:ConnectionString must name a SQLite file (Data Source=path): an in-memory database would lose every record.");
        }

        builder.Pooling = true;
        FilePath = Path.GetFullPath(builder.DataSource);
        builder.DataSource = FilePath;
        _connectionString = builder.ToString();
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    public override string Describe() => $"SQLite {FilePath}";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString) { DefaultTimeout = BusyTimeoutMilliseconds / 1000 };
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    internal override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The journal mode is stored in the file: set once, every later connection uses WAL.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite at {FilePath} refused WAL journal mode (got '{mode}').");
        }
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the write lock up front: two migrators cannot interleave.
    internal override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Busy or locked past the busy timeout, a disk I/O error, a full disk, or a file that cannot be opened.</summary>
    private protected override bool IsDriverUnavailable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLITE_BUSY or SQLITE_LOCKED or SQLITE_IOERR or SQLITE_FULL or SQLITE_CANTOPEN };

    // Fixed-width UTC text: sorts and compares like the instant it stands for.
    internal override DbParameter AddTime(DbCommand command, string name, DateTimeOffset? value) => Add(command, name, TimeValue(value));

    internal override object TimeValue(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) : DBNull.Value;

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Pooled connections keep the file (and its -wal/-shm) open; release them with the database.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        base.Dispose(disposing);
    }
}
