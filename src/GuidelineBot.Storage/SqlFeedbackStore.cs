using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary><see cref="IFeedbackStore"/> on SQLite or PostgreSQL: one row per 👍/👎.</summary>
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
        StoreDatabase.Add(command, "channel", feedback.Channel);
        StoreDatabase.Add(command, "user", feedback.UserId);
        StoreDatabase.Add(command, "question", feedback.Question);
        StoreDatabase.Add(command, "section", feedback.SectionId);
        StoreDatabase.Add(command, "helpful", feedback.Helpful);
        database.AddTime(command, "at", feedback.At);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, user_id, question, section_id, helpful, created_at FROM feedback ORDER BY id";
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
