using System.Data.Common;
using GuidelineBot.Core.Storage;
using GuidelineBot.Storage.Migrations;

namespace GuidelineBot.Storage;

/// <summary>
/// One database (SQLite file or PostgreSQL): opens connections, knows its provider's SQL differences and runs the
/// schema migrations. One instance per process (a DI singleton); the stores share it.
/// </summary>
public abstract class StoreDatabase : IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private Task? _migrated;

    public abstract StorageProvider Provider { get; }

    /// <summary>A human-readable location for logs (file path or host/database), never the password.</summary>
    public abstract string Describe();

    /// <summary>Opens a connection ready for use (SQLite: busy timeout and durable commits set).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    internal abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Serializes migrators across processes inside <paramref name="transaction"/> (PostgreSQL advisory lock).</summary>
    internal abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Runs once before migrations, outside any transaction (SQLite: switch to WAL).</summary>
    internal virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds a UTC timestamp parameter in the provider's column type.</summary>
    internal abstract DbParameter AddTime(DbCommand command, string name, DateTimeOffset? value);

    /// <summary>A timestamp as the value of a parameter <see cref="AddTime"/> made (for a command run once per row).</summary>
    internal abstract object TimeValue(DateTimeOffset? value);

    /// <summary>
    /// True when <paramref name="exception"/> says the database could not be reached or did not answer (a timeout, a broken
    /// connection, or the driver's own word for it), so the same work can succeed later; false when the work itself was
    /// refused (a constraint, a bad value, a bug).
    /// </summary>
    public bool IsUnavailable(Exception exception) =>
        exception is TimeoutException or IOException or System.Net.Sockets.SocketException || IsDriverUnavailable(exception);

    /// <summary>The driver's errors that mean "not now" (see <see cref="IsUnavailable"/>).</summary>
    private protected abstract bool IsDriverUnavailable(Exception exception);

    /// <summary>
    /// <paramref name="work"/>, with an error that means the database is unavailable (<see cref="IsUnavailable"/>) thrown as
    /// a <see cref="StoreUnavailableException"/>, which callers outside Storage can tell apart.
    /// </summary>
    internal async Task WhileAvailableAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && IsUnavailable(ex))
        {
            throw new StoreUnavailableException($"{Describe()} is unavailable: {ex.Message}", ex);
        }
    }

    internal abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Runs the migrations once per instance (later calls share the first run; a failed run is retried).</summary>
    public Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_migrated is null || _migrated.IsFaulted || _migrated.IsCanceled)
            {
                _migrated = MigrationRunner.RunAsync(this, cancellationToken);
            }

            return _migrated;
        }
    }

    /// <summary>
    /// Throws an <see cref="IOException"/> when the store is reachable but cannot be written (a SQLite file opened
    /// read-only), which the server counts as unreachable: at start, and on <c>/readyz</c>.
    /// </summary>
    internal virtual void EnsureWritable(DbConnection connection)
    {
    }

    /// <summary>
    /// The highest applied schema version; opening the connection proves the store is reachable, and
    /// <see cref="EnsureWritable"/> that it can be written.
    /// </summary>
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken) => MigrationRunner.CurrentVersionAsync(this, cancellationToken);

    /// <summary>Opens a connection after making sure the schema is current.</summary>
    internal async Task<DbConnection> OpenMigratedAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        return await OpenAsync(cancellationToken);
    }

    /// <summary>
    /// A parameter's name with its prefix, <c>@<paramref name="name"/></c>: Microsoft.Data.Sqlite looks a bare name up
    /// under all three prefixes, on every execution (≈3 % of a cached slash command's CPU went to the question log's
    /// lookups); Npgsql accepts either.
    /// </summary>
    internal static string ParameterName(string name) => "@" + name;

    /// <summary>Adds parameter <see cref="ParameterName"/>(<paramref name="name"/>).</summary>
    internal static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = ParameterName(name);
        Set(parameter, value);
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// Gives a parameter <see cref="Add"/> made its next value (null: SQL NULL). A string loses any U+0000 it holds:
    /// PostgreSQL's text cannot store that character (the whole write would fail), and both providers drop it, so a
    /// value reads back, and matches, the same on either.
    /// </summary>
    internal static void Set(DbParameter parameter, object? value) =>
        parameter.Value = value is string text && text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : value ?? DBNull.Value;

    public static StoreDatabase Create(StorageOptions options) => options.ProviderKind switch
    {
        StorageProvider.Sqlite => new SqliteDatabase(options.ConnectionString),
        StorageProvider.Postgres => new PostgresDatabase(options.ConnectionString),
        _ => throw new InvalidOperationException(StorageOptions.UnknownProviderMessage(options.Provider)),
    };

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases pooled connections (SQLite file handles, the PostgreSQL data source).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
