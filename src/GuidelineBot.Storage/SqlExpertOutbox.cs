using GuidelineBot.Core.Experts;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="IExpertOutbox"/> on SQLite or PostgreSQL (table <c>expert_outbox</c>). A claim is one
/// <c>UPDATE … RETURNING</c> that leases the due rows it picks once (a materialized CTE, so never more than asked):
/// PostgreSQL picks them <c>FOR UPDATE SKIP LOCKED</c> and re-checks the lease, SQLite runs one writer at a time, so two claimers (threads or replicas) never get the same job.
/// Done jobs are purged after <c>Storage:RetentionDays</c> (<see cref="SqlStoreRetention"/>).
/// </summary>
public sealed class SqlExpertOutbox(StoreDatabase database) : IExpertOutbox
{
    /// <summary>The longest error text kept per job.</summary>
    private const int MaxErrorLength = 2000;

    private const string Claimable = "done_at IS NULL AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)";

    public async Task EnqueueAsync(ExpertJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrEmpty(job.Id);
        ArgumentException.ThrowIfNullOrEmpty(job.TicketId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO expert_outbox (id, kind, ticket_id, answer_id, channel, user_id, due_at, attempts)
            VALUES (@id, @kind, @ticket, @answer, @channel, @user, @due, @attempts)
            ON CONFLICT (id) DO NOTHING
            """;
        StoreDatabase.Add(insert, "id", job.Id);
        StoreDatabase.Add(insert, "kind", job.Kind.ToString());
        StoreDatabase.Add(insert, "ticket", job.TicketId);
        StoreDatabase.Add(insert, "answer", job.AnswerId);
        StoreDatabase.Add(insert, "channel", job.Channel);
        StoreDatabase.Add(insert, "user", job.UserId);
        database.AddTime(insert, "due", job.DueAt);
        StoreDatabase.Add(insert, "attempts", job.Attempts);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ExpertJob>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var skipLocked = database.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var claim = connection.CreateCommand();
        claim.CommandText = $"""
            WITH picked AS MATERIALIZED (
                SELECT id FROM expert_outbox WHERE {Claimable} ORDER BY due_at, id LIMIT @max {skipLocked})
            UPDATE expert_outbox SET lease_until = @until
            WHERE {Claimable} AND id IN (SELECT id FROM picked)
            RETURNING id, kind, ticket_id, answer_id, channel, due_at, attempts, user_id
            """;
        database.AddTime(claim, "now", now);
        database.AddTime(claim, "until", now + lease);
        StoreDatabase.Add(claim, "max", max);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<ExpertJob>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new ExpertJob(
                reader.GetString(0),
                Enum.Parse<ExpertJobKind>(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                database.ReadTime(reader, 5),
                Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture))
            {
                UserId = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return jobs.OrderBy(j => j.DueAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
    }

    public async Task CompleteAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE expert_outbox SET done_at = @at, lease_until = NULL WHERE id = @id AND done_at IS NULL";
        database.AddTime(update, "at", at);
        StoreDatabase.Add(update, "id", jobId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RetryAsync(string jobId, DateTimeOffset dueAt, string error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE expert_outbox SET attempts = attempts + 1, last_error = @error, lease_until = NULL, due_at = @due
            WHERE id = @id AND done_at IS NULL
            """;
        StoreDatabase.Add(update, "error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
        database.AddTime(update, "due", dueAt);
        StoreDatabase.Add(update, "id", jobId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ReviveAsync(string jobId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE expert_outbox SET done_at = NULL, attempts = 0, lease_until = NULL, due_at = @due WHERE id = @id AND done_at IS NOT NULL";
        database.AddTime(update, "due", dueAt);
        StoreDatabase.Add(update, "id", jobId);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
