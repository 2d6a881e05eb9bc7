using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="IStoreRetention"/> on SQLite or PostgreSQL: one <c>DELETE</c> per rule. A table that keeps records only
/// for <c>Storage:RetentionDays</c> is one more line in <see cref="Rules"/>. Acknowledgements, onboarding state, experts'
/// tickets, answers and suggestions, and permanent once-claims (no expiry: "welcome once", "auto-start once") are not listed, so they are kept; done outbox jobs go.
/// </summary>
public sealed class SqlStoreRetention(StoreDatabase database) : IStoreRetention
{
    /// <summary>Table and condition; <c>@cutoff</c> = now − retention, <c>@now</c> = now.</summary>
    private static readonly IReadOnlyList<(string Table, string Condition)> Rules =
    [
        ("feedback", "created_at < @cutoff"),
        ("question_log", "asked_at < @cutoff"),
        ("once_claims", "expires_at IS NOT NULL AND (expires_at < @now OR claimed_at < @cutoff)"),
        ("expert_outbox", "done_at < @cutoff"),
    ];

    public async Task<IReadOnlyDictionary<string, int>> PurgeAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (table, condition) in Rules)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table} WHERE {condition}";
            database.AddTime(command, "cutoff", cutoff);
            database.AddTime(command, "now", now);
            deleted[table] = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return deleted;
    }
}
