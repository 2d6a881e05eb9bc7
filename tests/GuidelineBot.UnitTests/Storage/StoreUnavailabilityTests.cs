using System.Net.Sockets;
using GuidelineBot.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GuidelineBot.UnitTests.Storage;

/// <summary>Each database says which of its errors mean "not now" (worth trying again later) and which refuse the work.</summary>
public sealed class StoreUnavailabilityTests
{
    public static TheoryData<Exception, bool> Sqlite => new()
    {
        { new SqliteException("database is locked", 5), true },
        { new SqliteException("database table is locked", 6), true },
        { new SqliteException("disk I/O error", 10), true },
        { new SqliteException("database or disk is full", 13), true },
        { new SqliteException("unable to open database file", 14), true },
        { new SqliteException("UNIQUE constraint failed", 19), false },
        { new SqliteException("no such table", 1), false },
        { new TimeoutException(), true },
        { new InvalidOperationException("a bug"), false },
    };

    public static TheoryData<Exception, bool> Postgres => new()
    {
        { new NpgsqlException("Exception while reading from stream", new TimeoutException()), true },
        { new NpgsqlException("Failed to connect", new SocketException(111)), true },
        { new PostgresException("the database system is shutting down", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow), true },
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), true },
        { new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections), true },
        { new PostgresException("could not write to file", "ERROR", "ERROR", PostgresErrorCodes.DiskFull), true },
        { new PostgresException("connection failure", "FATAL", "FATAL", PostgresErrorCodes.ConnectionFailure), true },
        { new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected), false },
        { new PostgresException("object in use", "ERROR", "ERROR", PostgresErrorCodes.ObjectInUse), false },
        { new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure), false },
        { new PostgresException("value too long", "ERROR", "ERROR", PostgresErrorCodes.StringDataRightTruncation), false },
        { new IOException("connection reset"), true },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Sqlite))]
    public void Sqlite_errors(Exception failure, bool unavailable)
    {
        using var database = new SqliteDatabase("Data Source=" + Path.Combine(Path.GetTempPath(), "unavailability-test.db"));
        Assert.Equal(unavailable, database.IsUnavailable(failure));
    }

    [Theory]
    [MemberData(nameof(Postgres))]
    public void Postgres_errors(Exception failure, bool unavailable)
    {
        using var database = new PostgresDatabase("Host=127.0.0.1;Port=9;Database=unused;Username=unused");
        Assert.Equal(unavailable, database.IsUnavailable(failure));
    }
}
