namespace GuidelineBot.Core.Experts;

/// <summary>
/// Tickets, their posts and answers, across restarts and replicas (SQLite or PostgreSQL). Every write that must happen
/// once is atomic in the database: opening a ticket per asker and question, adding an answer, claiming a reminder or a
/// web delivery.
/// </summary>
public interface ITicketStore
{
    /// <summary>
    /// Opens <paramref name="ticket"/>, unless the same asker already has an unanswered ticket with the same
    /// <paramref name="dedupeKey"/> (the asker and the normalised question): then that ticket is returned.
    /// </summary>
    /// <returns>The ticket in the store and whether it was created now.</returns>
    Task<(Ticket Ticket, bool Created)> OpenAsync(Ticket ticket, string dedupeKey, CancellationToken cancellationToken);

    /// <summary>The ticket with its posts and answers, or null.</summary>
    Task<Ticket?> GetAsync(string ticketId, CancellationToken cancellationToken);

    /// <summary>The ticket one of whose posts is <paramref name="messageId"/> in that channel and conversation, or null.</summary>
    Task<Ticket?> FindByPostAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken);

    /// <summary>Records where the ticket was posted (idempotent).</summary>
    Task AddPostAsync(string ticketId, TicketPost post, CancellationToken cancellationToken);

    /// <summary>
    /// Assigns the ticket to <paramref name="expert"/> if <paramref name="from"/> holds it now (null: nobody does; a holder
    /// is matched by channel and id, not name). One conditional update in the database: of claims made from the same
    /// holder at the same moment, on any replica, exactly one succeeds.
    /// </summary>
    /// <returns>
    /// True when this call gave the ticket to <paramref name="expert"/>; false when its holder is not <paramref name="from"/>
    /// (someone claimed it first), <paramref name="from"/> is the expert (nothing to change) or the ticket does not exist.
    /// </returns>
    Task<bool> AssignAsync(string ticketId, ExpertRef expert, ExpertRef? from, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an answer once per <paramref name="dedupeKey"/> (the ticket, the expert and the normalised text): a retried
    /// event, a resubmitted form or a double click adds nothing.
    /// </summary>
    /// <returns>True when added; false for a duplicate.</returns>
    Task<bool> AddAnswerAsync(TicketAnswer answer, string dedupeKey, CancellationToken cancellationToken);

    /// <summary>Marks an answer delivered to the asker.</summary>
    Task MarkDeliveredAsync(string answerId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the answers not yet delivered to this asker on <paramref name="channel"/> (the web chat shows them when
    /// opened): each is returned to one caller only, and marked delivered at <paramref name="now"/>.
    /// </summary>
    Task<IReadOnlyList<(Ticket Ticket, TicketAnswer Answer)>> TakeUndeliveredAsync(string channel, string? tenantId, string userId,
        DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the unanswered tickets asked before <paramref name="askedBefore"/> and never reminded: marks them reminded
    /// at <paramref name="now"/> and returns them, each to one caller only (one reminder across replicas).
    /// </summary>
    Task<IReadOnlyList<Ticket>> ClaimRemindersAsync(DateTimeOffset askedBefore, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Tickets asked since <paramref name="since"/>, newest first, with their answers (for the dashboard).</summary>
    Task<IReadOnlyList<Ticket>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Every ticket without an answer, however old, oldest first.</summary>
    Task<IReadOnlyList<Ticket>> ListUnansweredAsync(CancellationToken cancellationToken);
}
