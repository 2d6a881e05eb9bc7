using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="IQuestionLog"/> on SQLite or PostgreSQL (table <c>question_log</c>): the text is masked
/// (<see cref="QuestionMask"/>) before it is written; a repeated id is ignored, so a retried delivery logs once, also
/// across replicas. Written off the request path in batches by <see cref="QuestionLogWriter"/>. Purged after <c>Storage:RetentionDays</c> by <see cref="SqlStoreRetention"/>.
/// </summary>
public sealed class SqlQuestionLog(StoreDatabase database) : IQuestionLog
{
    public Task RecordAsync(QuestionRecord question, CancellationToken cancellationToken) => RecordManyAsync([question], cancellationToken);

    /// <summary>
    /// All in one transaction: one commit (one disk flush on SQLite) for the batch. A database that cannot be reached throws
    /// <see cref="StoreUnavailableException"/>, so that <see cref="QuestionLogWriter"/> keeps the batch for later.
    /// </summary>
    public Task RecordManyAsync(IReadOnlyList<QuestionRecord> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        foreach (var question in questions)
        {
            ArgumentNullException.ThrowIfNull(question);
            ArgumentException.ThrowIfNullOrEmpty(question.Id);
        }

        return database.WhileAvailableAsync(() => InsertAsync(questions, cancellationToken));
    }

    public Task RecordFeedbackAsync(string questionId, bool helpful, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(questionId);
        return database.WhileAvailableAsync(() => UpdateHelpfulAsync(questionId, helpful, cancellationToken));
    }

    private async Task InsertAsync(IReadOnlyList<QuestionRecord> questions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One command for the batch: its statement is parsed once (SQLite keeps it prepared while the text is the same).
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO question_log (id, asked_at, channel, user_hash, text, outcome, document_id, section_id, confidence, latency_ms, helpful)
            VALUES (@id, @at, @channel, @user, @text, @outcome, @document, @section, @confidence, @latency, @helpful)
            ON CONFLICT (id) DO NOTHING
            """;
        // The parameters too: made once, given each row's values (no new parameter objects per row).
        var id = StoreDatabase.Add(command, "id", null);
        var at = database.AddTime(command, "at", null);
        var channel = StoreDatabase.Add(command, "channel", null);
        var user = StoreDatabase.Add(command, "user", null);
        var text = StoreDatabase.Add(command, "text", null);
        var outcome = StoreDatabase.Add(command, "outcome", null);
        var document = StoreDatabase.Add(command, "document", null);
        var section = StoreDatabase.Add(command, "section", null);
        var confidence = StoreDatabase.Add(command, "confidence", null);
        var latency = StoreDatabase.Add(command, "latency", null);
        var helpful = StoreDatabase.Add(command, "helpful", null);
        foreach (var question in questions)
        {
            StoreDatabase.Set(id, question.Id);
            at.Value = database.TimeValue(question.At);
            StoreDatabase.Set(channel, question.Channel);
            StoreDatabase.Set(user, question.UserHash);
            StoreDatabase.Set(text, QuestionMask.Mask(question.Text));
            StoreDatabase.Set(outcome, QuestionTable.OutcomeName(question.Outcome));
            StoreDatabase.Set(document, question.DocumentId);
            StoreDatabase.Set(section, question.SectionId);
            StoreDatabase.Set(confidence, question.Confidence);
            StoreDatabase.Set(latency, question.LatencyMs);
            StoreDatabase.Set(helpful, question.Helpful);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task UpdateHelpfulAsync(string questionId, bool helpful, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE question_log SET helpful = @helpful WHERE id = @id";
        StoreDatabase.Add(command, "helpful", helpful);
        StoreDatabase.Add(command, "id", questionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, asked_at, channel, user_hash, text, outcome, document_id, section_id, confidence, latency_ms, helpful
            FROM question_log {(since is null ? "" : "WHERE asked_at >= @since")}
            ORDER BY asked_at DESC, id
            """;
        if (since is { } from)
        {
            database.AddTime(command, "since", from);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<QuestionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new QuestionRecord(
                reader.GetString(0),
                database.ReadTime(reader, 1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                ParseOutcome(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetDouble(8),
                reader.GetDouble(9),
                reader.IsDBNull(10) ? null : reader.GetBoolean(10)));
        }

        return records;
    }

    /// <summary>Outcomes are stored by name (<see cref="QuestionTable.OutcomeName"/>), so reordering the enum changes nothing.</summary>
    private static QuestionOutcome ParseOutcome(string value) => value switch
    {
        "answered" => QuestionOutcome.Answered,
        "declined" => QuestionOutcome.Declined,
        "picked" => QuestionOutcome.Picked,
        _ => QuestionOutcome.Other,
    };
}
