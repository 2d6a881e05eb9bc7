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

    /// <summary>Opens the file, creating it when it is not there: until the first open has (the store's creation).</summary>
    private readonly string _createString;

    /// <summary>Opens the file only if it is there: a store deleted under the running server is then an outage, not a new empty file.</summary>
    private readonly string _connectionString;

    private volatile bool _created;

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
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        _createString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWrite;
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

        var created = _created;
        var connection = new SqliteConnection(created ? _connectionString : _createString) { DefaultTimeout = BusyTimeoutMilliseconds / 1000 };
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (created && !File.Exists(FilePath))
            {
                // A pooled connection still writes to the deleted file, which a restart would never see again.
                ClearPools();
                throw new IOException($"the store file {FilePath} is gone (deleted while the server ran): restore it, or restart the server to start a new, empty store");
            }

            if (IsReadOnly(connection))
            {
                // Opened read-only (the file or its folder is not writable): writes fail with SQLITE_READONLY, an outage;
                // once the file is writable again, a new connection opens it for writing, so none is kept.
                SqliteConnection.ClearPool(connection);
            }

            _created = true;
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

    /// <summary>
    /// Busy or locked past the busy timeout, a disk I/O error, a full disk, a file that cannot be opened, or one that
    /// cannot be written (read-only permissions or mount).
    /// </summary>
    private protected override bool IsDriverUnavailable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLITE_BUSY or SQLITE_LOCKED or SQLITE_IOERR or SQLITE_FULL or SQLITE_CANTOPEN or SQLITE_READONLY };

    internal override void EnsureWritable(DbConnection connection)
    {
        if (IsReadOnly((SqliteConnection)connection))
        {
            throw new IOException($"the store file {FilePath} cannot be written (read-only: check the permissions of the file and its folder, and how the volume is mounted)");
        }
    }

    /// <summary>Whether SQLite opened the file for reading only (the file or its folder not writable, a read-only mount).</summary>
    private static bool IsReadOnly(SqliteConnection connection) => sqlite3_db_readonly(connection.Handle, "main") == 1;

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
            ClearPools();
        }

        base.Dispose(disposing);
    }

    private void ClearPools()
    {
        foreach (var pooled in new[] { _createString, _connectionString })
        {
            using var connection = new SqliteConnection(pooled);
            SqliteConnection.ClearPool(connection);
        }
    }
}
