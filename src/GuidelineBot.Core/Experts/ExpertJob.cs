using System.Text.Json.Serialization;

namespace GuidelineBot.Core.Experts;

[JsonConverter(typeof(JsonStringEnumConverter<ExpertJobKind>))]
public enum ExpertJobKind
{
    /// <summary>Post the ticket to the experts' channel <see cref="ExpertJob.Channel"/>.</summary>
    PostTicket,

    /// <summary>Update the ticket's posts in place (assigned, answered).</summary>
    UpdatePosts,

    /// <summary>Re-announce the unanswered ticket in the experts' channel <see cref="ExpertJob.Channel"/>.</summary>
    Remind,

    /// <summary>Deliver answer <see cref="ExpertJob.AnswerId"/> to the asker where they asked.</summary>
    Deliver,

    /// <summary>
    /// Tell <see cref="ExpertJob.UserId"/>, privately in the experts' channel <see cref="ExpertJob.Channel"/>, that the
    /// ticket they held was taken over, and by whom.
    /// </summary>
    TellTakenOver,
}

/// <summary>
/// An outbound post waiting in the store (the outbox): made at once when possible, tried again later from the store
/// when it fails, never lost. <paramref name="Id"/> makes enqueuing idempotent.
/// </summary>
public sealed record ExpertJob(
    string Id,
    ExpertJobKind Kind,
    string TicketId,
    string? AnswerId,
    string? Channel,
    DateTimeOffset DueAt,
    int Attempts = 0)
{
    /// <summary>The person the job is for, on <see cref="Channel"/> (<see cref="ExpertJobKind.TellTakenOver"/>), else null.</summary>
    public string? UserId { get; init; }
}

/// <summary>The outbox of posts to make for tickets; claimed with a lease so two replicas never make the same post at once.</summary>
public interface IExpertOutbox
{
    /// <summary>Adds the job; a job with the same id already there (done or not) is left as it is.</summary>
    Task EnqueueAsync(ExpertJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> jobs due by <paramref name="now"/>, not done, and not leased by another caller; each is
    /// leased until <paramref name="now"/> + <paramref name="lease"/>.
    /// </summary>
    Task<IReadOnlyList<ExpertJob>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>The job is done; it is never claimed again.</summary>
    Task CompleteAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The job failed: counts the attempt, records the error, frees the lease and makes it due at <paramref name="dueAt"/>.</summary>
    Task RetryAsync(string jobId, DateTimeOffset dueAt, string error, CancellationToken cancellationToken);

    /// <summary>
    /// A done job (one given up after its last attempt: the caller knows it did not succeed) is due again at
    /// <paramref name="dueAt"/>, its attempts counted afresh; false when the job is not done (still being tried) or not there.
    /// </summary>
    Task<bool> ReviveAsync(string jobId, DateTimeOffset dueAt, CancellationToken cancellationToken);
}
