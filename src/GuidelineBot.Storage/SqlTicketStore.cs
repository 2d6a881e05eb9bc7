using System.Data.Common;
using GuidelineBot.Core.Experts;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="ITicketStore"/> on SQLite or PostgreSQL. Every "once" is one statement the database decides: a ticket's
/// <c>open_key</c> (its dedupe key, cleared by the first answer) is unique, so one asker and question has one unanswered
/// ticket; an answer is unique per <c>(ticket_id, dedupe_key)</c>; reminders and web deliveries are claimed with
/// <c>UPDATE … WHERE reminded_at/delivered_at IS NULL … RETURNING</c>, which PostgreSQL re-checks after a concurrent
/// update, so each goes to one caller across replicas. Tickets and answers are records: retention keeps them.
/// </summary>
public sealed class SqlTicketStore(StoreDatabase database) : ITicketStore
{
    private const string TicketColumns = """
        t.id, t.question, t.context, t.asker_channel, t.asker_user_id, t.asker_name, t.asker_tenant_id, t.asker_conversation_id,
        t.asker_is_direct, t.asker_reply_address, t.guess_section_id, t.guess_heading, t.guess_confidence, t.asked_at,
        t.assigned_channel, t.assigned_user_id, t.assigned_name, t.assigned_at, t.reminded_at
        """;

    /// <summary>OpenAsync retries when the ticket it collided with was answered in between (then a new one may open).</summary>
    private const int OpenAttempts = 5;

    public async Task<(Ticket Ticket, bool Created)> OpenAsync(Ticket ticket, string dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentException.ThrowIfNullOrEmpty(ticket.Id);
        ArgumentException.ThrowIfNullOrEmpty(dedupeKey);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        for (var attempt = 0; attempt < OpenAttempts; attempt++)
        {
            if (await InsertAsync(connection, ticket, dedupeKey, cancellationToken))
            {
                return (await LoadOneAsync(connection, ticket.Id, cancellationToken) ?? ticket, true);
            }

            var open = await LoadAsync(connection, "t.open_key = @key", "t.asked_at", c => StoreDatabase.Add(c, "key", dedupeKey), cancellationToken);
            if (open.Count > 0)
            {
                return (open[0], false);
            }

            // The same ticket id again (a retried open of a ticket since answered) returns that ticket.
            if (await LoadOneAsync(connection, ticket.Id, cancellationToken) is { } same)
            {
                return (same, false);
            }
        }

        throw new InvalidOperationException($"Could not open a ticket for '{dedupeKey}': it kept colliding with tickets answered meanwhile.");
    }

    private async Task<bool> InsertAsync(DbConnection connection, Ticket ticket, string dedupeKey, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO tickets (id, question, context, asker_channel, asker_user_id, asker_name, asker_tenant_id, asker_conversation_id,
                asker_is_direct, asker_reply_address, guess_section_id, guess_heading, guess_confidence, asked_at,
                assigned_channel, assigned_user_id, assigned_name, assigned_at, reminded_at, dedupe_key, open_key)
            VALUES (@id, @question, @context, @channel, @user, @name, @tenant, @conversation, @direct, @reply, @section, @heading,
                @confidence, @asked, @assigned_channel, @assigned_user, @assigned_name, @assigned_at, @reminded, @key, @key)
            ON CONFLICT DO NOTHING
            """;
        var asker = ticket.Asker;
        StoreDatabase.Add(insert, "id", ticket.Id);
        StoreDatabase.Add(insert, "question", ticket.Question);
        StoreDatabase.Add(insert, "context", ticket.Context);
        StoreDatabase.Add(insert, "channel", asker.Channel);
        StoreDatabase.Add(insert, "user", asker.UserId);
        StoreDatabase.Add(insert, "name", asker.DisplayName);
        StoreDatabase.Add(insert, "tenant", asker.TenantId);
        StoreDatabase.Add(insert, "conversation", asker.ConversationId);
        StoreDatabase.Add(insert, "direct", asker.IsDirect);
        StoreDatabase.Add(insert, "reply", asker.ReplyAddress);
        StoreDatabase.Add(insert, "section", ticket.GuessSectionId);
        StoreDatabase.Add(insert, "heading", ticket.GuessHeading);
        StoreDatabase.Add(insert, "confidence", ticket.GuessConfidence);
        database.AddTime(insert, "asked", ticket.AskedAt);
        StoreDatabase.Add(insert, "assigned_channel", ticket.AssignedTo?.Channel);
        StoreDatabase.Add(insert, "assigned_user", ticket.AssignedTo?.UserId);
        StoreDatabase.Add(insert, "assigned_name", ticket.AssignedTo?.DisplayName);
        database.AddTime(insert, "assigned_at", ticket.AssignedAt);
        database.AddTime(insert, "reminded", ticket.RemindedAt);
        StoreDatabase.Add(insert, "key", dedupeKey);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<Ticket?> GetAsync(string ticketId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticketId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        return await LoadOneAsync(connection, ticketId, cancellationToken);
    }

    public async Task<Ticket?> FindByPostAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        var found = await LoadAsync(connection,
            "t.id IN (SELECT ticket_id FROM ticket_posts WHERE channel = @channel AND conversation_id = @conversation AND message_id = @message)",
            "t.asked_at",
            c =>
            {
                StoreDatabase.Add(c, "channel", channel);
                StoreDatabase.Add(c, "conversation", conversationId);
                StoreDatabase.Add(c, "message", messageId);
            },
            cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public async Task AddPostAsync(string ticketId, TicketPost post, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticketId);
        ArgumentNullException.ThrowIfNull(post);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO ticket_posts (ticket_id, channel, conversation_id, message_id)
            VALUES (@ticket, @channel, @conversation, @message)
            ON CONFLICT (channel, conversation_id, message_id) DO NOTHING
            """;
        StoreDatabase.Add(insert, "ticket", ticketId);
        StoreDatabase.Add(insert, "channel", post.Channel);
        StoreDatabase.Add(insert, "conversation", post.ConversationId);
        StoreDatabase.Add(insert, "message", post.MessageId);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> AssignAsync(string ticketId, ExpertRef expert, ExpertRef? from, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticketId);
        ArgumentNullException.ThrowIfNull(expert);
        if (expert.IsSamePerson(from))
        {
            return false;
        }

        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        // Compare-and-set on the holder, decided by the database: PostgreSQL re-checks the WHERE on the row a concurrent
        // claim just changed, SQLite runs one writer at a time, so the second of two claims from one holder changes nothing.
        update.CommandText = $"""
            UPDATE tickets SET assigned_channel = @channel, assigned_user_id = @user, assigned_name = @name, assigned_at = @at
            WHERE id = @id AND {(from is null ? "assigned_user_id IS NULL" : "assigned_channel = @from_channel AND assigned_user_id = @from_user")}
            """;
        StoreDatabase.Add(update, "id", ticketId);
        AddExpert(update, expert);
        database.AddTime(update, "at", at);
        if (from is not null)
        {
            StoreDatabase.Add(update, "from_channel", from.Channel);
            StoreDatabase.Add(update, "from_user", from.UserId);
        }

        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> AddAnswerAsync(TicketAnswer answer, string dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrEmpty(answer.Id);
        ArgumentException.ThrowIfNullOrEmpty(dedupeKey);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            // Selected from the ticket, so an answer to no ticket adds nothing.
            insert.CommandText = """
                INSERT INTO ticket_answers (id, ticket_id, expert_channel, expert_user_id, expert_name, text, add_to_knowledge,
                    answered_at, delivered_at, dedupe_key)
                SELECT @id, t.id, @channel, @user, @name, @text, @knowledge, @at, @delivered, @key FROM tickets t WHERE t.id = @ticket
                ON CONFLICT DO NOTHING
                """;
            StoreDatabase.Add(insert, "id", answer.Id);
            StoreDatabase.Add(insert, "ticket", answer.TicketId);
            AddExpert(insert, answer.Expert);
            StoreDatabase.Add(insert, "text", answer.Text);
            StoreDatabase.Add(insert, "knowledge", answer.AddToKnowledge);
            database.AddTime(insert, "at", answer.At);
            database.AddTime(insert, "delivered", answer.DeliveredAt);
            StoreDatabase.Add(insert, "key", dedupeKey);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        await using (var answered = connection.CreateCommand())
        {
            answered.Transaction = transaction;
            answered.CommandText = "UPDATE tickets SET open_key = NULL, answered_at = COALESCE(answered_at, @at) WHERE id = @ticket";
            database.AddTime(answered, "at", answer.At);
            StoreDatabase.Add(answered, "ticket", answer.TicketId);
            await answered.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task MarkDeliveredAsync(string answerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(answerId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE ticket_answers SET delivered_at = @at WHERE id = @id AND delivered_at IS NULL";
        database.AddTime(update, "at", at);
        StoreDatabase.Add(update, "id", answerId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(Ticket Ticket, TicketAnswer Answer)>> TakeUndeliveredAsync(string channel, string? tenantId, string userId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        var taken = new List<string>();
        await using (var claim = connection.CreateCommand())
        {
            claim.CommandText = $"""
                UPDATE ticket_answers SET delivered_at = @now
                WHERE delivered_at IS NULL AND ticket_id IN (
                    SELECT id FROM tickets WHERE asker_channel = @channel AND asker_user_id = @user
                        AND {(tenantId is null ? "asker_tenant_id IS NULL" : "asker_tenant_id = @tenant")})
                RETURNING id
                """;
            database.AddTime(claim, "now", now);
            StoreDatabase.Add(claim, "channel", channel);
            StoreDatabase.Add(claim, "user", userId);
            if (tenantId is not null)
            {
                StoreDatabase.Add(claim, "tenant", tenantId);
            }

            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                taken.Add(reader.GetString(0));
            }
        }

        if (taken.Count == 0)
        {
            return [];
        }

        var ids = new HashSet<string>(taken, StringComparer.Ordinal);
        var tickets = await LoadAsync(connection, $"t.id IN (SELECT ticket_id FROM ticket_answers WHERE id IN ({Parameters("a", taken.Count)}))",
            "t.asked_at", c => AddAll(c, "a", taken), cancellationToken);
        return tickets
            .SelectMany(ticket => ticket.Answers.Where(a => ids.Contains(a.Id)).Select(answer => (ticket, answer)))
            .OrderBy(pair => pair.answer.At)
            .ThenBy(pair => pair.answer.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<Ticket>> ClaimRemindersAsync(DateTimeOffset askedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        var claimed = new List<string>();
        await using (var claim = connection.CreateCommand())
        {
            claim.CommandText = """
                UPDATE tickets SET reminded_at = @now
                WHERE reminded_at IS NULL AND answered_at IS NULL AND asked_at < @before
                RETURNING id
                """;
            database.AddTime(claim, "now", now);
            database.AddTime(claim, "before", askedBefore);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(reader.GetString(0));
            }
        }

        return claimed.Count == 0
            ? []
            : await LoadAsync(connection, $"t.id IN ({Parameters("t", claimed.Count)})", "t.asked_at, t.id", c => AddAll(c, "t", claimed), cancellationToken);
    }

    public async Task<IReadOnlyList<Ticket>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        return await LoadAsync(connection, "t.asked_at >= @since", "t.asked_at DESC, t.id", c => database.AddTime(c, "since", since), cancellationToken);
    }

    public async Task<IReadOnlyList<Ticket>> ListUnansweredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        return await LoadAsync(connection, "t.answered_at IS NULL", "t.asked_at, t.id", _ => { }, cancellationToken);
    }

    private async Task<Ticket?> LoadOneAsync(DbConnection connection, string ticketId, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(connection, "t.id = @id", "t.id", c => StoreDatabase.Add(c, "id", ticketId), cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>The tickets matching <paramref name="where"/> (over alias <c>t</c>), with their answers and posts.</summary>
    private async Task<IReadOnlyList<Ticket>> LoadAsync(DbConnection connection, string where, string orderBy, Action<DbCommand> bind,
        CancellationToken cancellationToken)
    {
        var tickets = new List<Ticket>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT {TicketColumns} FROM tickets t WHERE {where} ORDER BY {orderBy}";
            bind(select);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tickets.Add(ReadTicket(reader));
            }
        }

        if (tickets.Count == 0)
        {
            return tickets;
        }

        var answers = new Dictionary<string, List<TicketAnswer>>(StringComparer.Ordinal);
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"""
                SELECT id, ticket_id, expert_channel, expert_user_id, expert_name, text, add_to_knowledge, answered_at, delivered_at
                FROM ticket_answers WHERE ticket_id IN (SELECT t.id FROM tickets t WHERE {where}) ORDER BY answered_at, id
                """;
            bind(select);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var answer = new TicketAnswer(reader.GetString(0), reader.GetString(1), ReadExpert(reader, 2)!, reader.GetString(5),
                    reader.GetBoolean(6), database.ReadTime(reader, 7), reader.IsDBNull(8) ? null : database.ReadTime(reader, 8));
                ListFor(answers, answer.TicketId).Add(answer);
            }
        }

        var posts = new Dictionary<string, List<TicketPost>>(StringComparer.Ordinal);
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"""
                SELECT ticket_id, channel, conversation_id, message_id
                FROM ticket_posts WHERE ticket_id IN (SELECT t.id FROM tickets t WHERE {where}) ORDER BY id
                """;
            bind(select);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ListFor(posts, reader.GetString(0)).Add(new TicketPost(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        return tickets
            .Select(t => t with
            {
                Answers = answers.TryGetValue(t.Id, out var a) ? a : [],
                Posts = posts.TryGetValue(t.Id, out var p) ? p : [],
            })
            .ToList();
    }

    private static List<T> ListFor<T>(Dictionary<string, List<T>> lists, string key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        return list;
    }

    private Ticket ReadTicket(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        NullableString(reader, 2),
        new ExpertAsker(reader.GetString(3), reader.GetString(4), reader.GetString(5), NullableString(reader, 6), reader.GetString(7),
            reader.GetBoolean(8), NullableString(reader, 9)),
        NullableString(reader, 10),
        NullableString(reader, 11),
        reader.GetDouble(12),
        database.ReadTime(reader, 13))
    {
        AssignedTo = ReadExpert(reader, 14),
        AssignedAt = reader.IsDBNull(17) ? null : database.ReadTime(reader, 17),
        RemindedAt = reader.IsDBNull(18) ? null : database.ReadTime(reader, 18),
    };

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Binds an <see cref="ExpertRef"/> as @channel, @user and @name (read back by <see cref="ReadExpert"/>).</summary>
    internal static void AddExpert(DbCommand command, ExpertRef expert)
    {
        StoreDatabase.Add(command, "channel", expert.Channel);
        StoreDatabase.Add(command, "user", expert.UserId);
        StoreDatabase.Add(command, "name", expert.DisplayName);
    }

    /// <summary>An <see cref="ExpertRef"/> stored as three columns (channel, user id, name) from <paramref name="ordinal"/>; null when unset.</summary>
    internal static ExpertRef? ReadExpert(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new ExpertRef(reader.GetString(ordinal), reader.GetString(ordinal + 1), reader.GetString(ordinal + 2));

    private static string Parameters(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@{prefix}{i}"));

    private static void AddAll(DbCommand command, string prefix, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            StoreDatabase.Add(command, $"{prefix}{i}", values[i]);
        }
    }
}
