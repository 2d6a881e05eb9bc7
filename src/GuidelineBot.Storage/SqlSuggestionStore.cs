using System.Data.Common;
using System.Globalization;
using GuidelineBot.Core.Experts;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="ISuggestionStore"/> on SQLite or PostgreSQL (table <c>knowledge_suggestions</c>): one suggestion per answer
/// (unique <c>answer_id</c>). Every decision bumps the row's <c>revision</c>, so the sum of revisions (with the row and
/// approved counts) is a version that changes on any approval, edit or withdrawal, whatever the clocks say. Suggestions
/// are records: retention keeps them.
/// </summary>
public sealed class SqlSuggestionStore(StoreDatabase database) : ISuggestionStore
{
    private const string Columns =
        "id, ticket_id, answer_id, question, answer, expert_channel, expert_user_id, expert_name, suggested_at, status, decided_at, decided_by";

    public async Task AddAsync(KnowledgeSuggestion suggestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentException.ThrowIfNullOrEmpty(suggestion.Id);
        ArgumentException.ThrowIfNullOrEmpty(suggestion.AnswerId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO knowledge_suggestions ({Columns})
            VALUES (@id, @ticket, @answer_id, @question, @answer, @channel, @user, @name, @suggested, @status, @decided_at, @decided_by)
            ON CONFLICT DO NOTHING
            """;
        StoreDatabase.Add(insert, "id", suggestion.Id);
        StoreDatabase.Add(insert, "ticket", suggestion.TicketId);
        StoreDatabase.Add(insert, "answer_id", suggestion.AnswerId);
        StoreDatabase.Add(insert, "question", suggestion.Question);
        StoreDatabase.Add(insert, "answer", suggestion.Answer);
        SqlTicketStore.AddExpert(insert, suggestion.Expert);
        database.AddTime(insert, "suggested", suggestion.SuggestedAt);
        StoreDatabase.Add(insert, "status", suggestion.Status.ToString());
        database.AddTime(insert, "decided_at", suggestion.DecidedAt);
        StoreDatabase.Add(insert, "decided_by", suggestion.DecidedBy);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<KnowledgeSuggestion?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var found = await SelectAsync("WHERE id = @id", c => StoreDatabase.Add(c, "id", id), cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public Task<IReadOnlyList<KnowledgeSuggestion>> ListAsync(SuggestionStatus? status, CancellationToken cancellationToken) =>
        status is { } only
            ? SelectAsync("WHERE status = @status", c => StoreDatabase.Add(c, "status", only.ToString()), cancellationToken)
            : SelectAsync("", _ => { }, cancellationToken);

    public async Task<bool> DecideAsync(string id, SuggestionStatus from, string question, string answer, SuggestionStatus status, string decidedBy, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        ArgumentException.ThrowIfNullOrEmpty(decidedBy);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE knowledge_suggestions
            SET question = @question, answer = @answer, status = @status, decided_by = @by, decided_at = @at, revision = revision + 1
            WHERE id = @id AND status = @from
            """;
        StoreDatabase.Add(update, "question", question);
        StoreDatabase.Add(update, "answer", answer);
        StoreDatabase.Add(update, "status", status.ToString());
        StoreDatabase.Add(update, "by", decidedBy);
        database.AddTime(update, "at", at);
        StoreDatabase.Add(update, "id", id);
        StoreDatabase.Add(update, "from", from.ToString());
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<string> ApprovedVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT COUNT(*), COALESCE(SUM(revision), 0), COALESCE(SUM(CASE WHEN status = @approved THEN 1 ELSE 0 END), 0)
            FROM knowledge_suggestions
            """;
        StoreDatabase.Add(select, "approved", nameof(SuggestionStatus.Approved));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return string.Join('.', Enumerable.Range(0, 3).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)));
    }

    private async Task<IReadOnlyList<KnowledgeSuggestion>> SelectAsync(string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM knowledge_suggestions {where} ORDER BY suggested_at DESC, id";
        bind(select);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var suggestions = new List<KnowledgeSuggestion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            suggestions.Add(new KnowledgeSuggestion(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                SqlTicketStore.ReadExpert(reader, 5)!,
                database.ReadTime(reader, 8),
                Enum.Parse<SuggestionStatus>(reader.GetString(9)),
                reader.IsDBNull(10) ? null : database.ReadTime(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return suggestions;
    }
}
