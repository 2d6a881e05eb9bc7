using GuidelineBot.Core.Storage;
using GuidelineBot.Storage;
using Microsoft.Data.Sqlite;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>
/// A SQLite store that disappears or cannot be written under the running server is an outage (the question log keeps
/// its queue, a person gets the apology, <c>/readyz</c> says so), never writes that are answered and then lost.
/// </summary>
public sealed class SqliteOutageTests : IAsyncDisposable
{
    private readonly SqliteTestStore _test = new();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return _test.DisposeAsync();
    }

    [Fact]
    public async Task A_store_file_deleted_under_the_running_server_is_an_outage_not_a_new_empty_store()
    {
        // Pooled connections wrote on into the deleted file ("Recorded"), and new ones created an empty file without tables.
        await using var database = await _test.CreateAsync();
        var once = new SqlOnceStore(database);
        Assert.True(await once.TryClaimAsync("test", "before", DateTimeOffset.UtcNow, null, CancellationToken.None));
        var file = Assert.Single(Directory.GetFiles(_test.Folder, "store.db", SearchOption.AllDirectories));

        foreach (var part in Directory.GetFiles(Path.GetDirectoryName(file)!, "store.db*"))
        {
            File.Delete(part);
        }

        var write = await Record.ExceptionAsync(() => once.TryClaimAsync("test", "after", DateTimeOffset.UtcNow, null, CancellationToken.None));
        Assert.NotNull(write);
        Assert.True(database.IsUnavailable(write), write.ToString());
        Assert.Contains("is gone (deleted while the server ran)", write.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));

        // The question log's writes say so as an outage, so it keeps them for when the store is back.
        var log = await Record.ExceptionAsync(() => new SqlQuestionLog(database).RecordFeedbackAsync("q1", true, CancellationToken.None));
        Assert.IsType<StoreUnavailableException>(log);
        await Assert.ThrowsAnyAsync<Exception>(() => database.SchemaVersionAsync(CancellationToken.None));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_store_opened_read_only_counts_as_unwritable_and_its_refusals_as_an_outage()
    {
        // A read-only file (permissions or mount) opens for reading only; every write then failed with SQLite error 8,
        // which the question log took for a bad record and dropped, while /readyz said ready.
        await using var database = await _test.CreateAsync();
        Assert.Equal(await database.SchemaVersionAsync(CancellationToken.None), await database.SchemaVersionAsync(CancellationToken.None));
        var file = Assert.Single(Directory.GetFiles(_test.Folder, "store.db", SearchOption.AllDirectories));

        await using var readOnly = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await readOnly.OpenAsync();
        var unwritable = Assert.Throws<IOException>(() => database.EnsureWritable(readOnly));
        Assert.Contains("cannot be written (read-only", unwritable.Message, StringComparison.Ordinal);

        await using var command = readOnly.CreateCommand();
        command.CommandText = "INSERT INTO once_claims (scope, claim_key, claimed_at) VALUES ('a', 'b', 'c')";
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(SQLitePCL.raw.SQLITE_READONLY, refused.SqliteErrorCode);
        Assert.True(database.IsUnavailable(refused));
    }
}
