using System.Data.Common;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="IFeedbackStore"/> on SQLite or PostgreSQL: one row per 👍/👎, or per vote key (a unique index on
/// <c>(channel, vote_key)</c> makes double clicks and replays one row, also across replicas).
/// </summary>
public sealed class SqlFeedbackStore(StoreDatabase database) : IFeedbackStore
{
    public async Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feedback (channel, user_id, question, section_id, helpful, created_at)
            VALUES (@channel, @user, @question, @section, @helpful, @at)
            """;
        AddRecord(command, feedback);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> VoteAsync(FeedbackRecord feedback, string voteKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentException.ThrowIfNullOrEmpty(voteKey);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feedback (channel, user_id, question, section_id, helpful, created_at, vote_key)
            VALUES (@channel, @user, @question, @section, @helpful, @at, @vote)
            ON CONFLICT (channel, vote_key) WHERE vote_key IS NOT NULL DO UPDATE
                SET helpful = excluded.helpful, question = excluded.question, section_id = excluded.section_id,
                    created_at = excluded.created_at
                WHERE feedback.helpful <> excluded.helpful
            """;
        AddRecord(command, feedback);
        StoreDatabase.Add(command, "vote", voteKey);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Binds the record's columns (@channel, @user, @question, @section, @helpful, @at).</summary>
    private void AddRecord(DbCommand command, FeedbackRecord feedback)
    {
        StoreDatabase.Add(command, "channel", feedback.Channel);
        StoreDatabase.Add(command, "user", feedback.UserId);
        StoreDatabase.Add(command, "question", feedback.Question);
        StoreDatabase.Add(command, "section", feedback.SectionId);
        StoreDatabase.Add(command, "helpful", feedback.Helpful);
        database.AddTime(command, "at", feedback.At);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, user_id, question, section_id, helpful, created_at FROM feedback WHERE created_at >= @since ORDER BY id";
        database.AddTime(command, "since", since);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<FeedbackRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new FeedbackRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetBoolean(4),
                database.ReadTime(reader, 5)));
        }

        return records;
    }
}
