namespace GuidelineBot.Core.Onboarding;

/// <summary>Whose onboarding: one per (channel, user). Two users never share state.</summary>
/// <param name="Channel">"slack" or "teams".</param>
/// <param name="UserId">The channel's user id (Slack <c>U…</c>/team-qualified, Teams <c>29:…</c> or AAD object id).</param>
public sealed record OnboardingKey(string Channel, string UserId)
{
    public override string ToString() => $"{Channel}:{UserId}";
}

/// <summary>Where a person is in the walk-through.</summary>
public enum OnboardingStep
{
    /// <summary>Reading section <see cref="OnboardingState.SectionIndex"/> of the current document.</summary>
    Reading,

    /// <summary>Answering check question <see cref="OnboardingState.CheckIndex"/> of the current document.</summary>
    Checking,

    /// <summary>Asked to acknowledge the current document.</summary>
    Acknowledging,

    /// <summary>Every document acknowledged; the summary was shown.</summary>
    Completed,
}

/// <summary>
/// The whole state of one person's onboarding, stored per (channel, user). Immutable: each step produces a new record.
/// </summary>
/// <param name="DocumentIndex">Position of the current document in the configured list (<see cref="DocumentId"/> wins if the list changed).</param>
/// <param name="DocumentHash">
/// The version (content hash) of the current document when the person began it: the version they acknowledge. Empty in a
/// state stored before versions were kept (the current version is then taken as read).
/// </param>
/// <param name="DocumentBegunAt">When the person began the current document (null in a state stored before it was kept).</param>
/// <param name="SectionIndex">0-based section of the current document being read.</param>
/// <param name="CheckIndex">0-based check question of the current document being answered.</param>
/// <param name="Acknowledged">
/// Ids of the documents acknowledged in this walk-through (since <see cref="StartedAt"/>; the store reads them from the
/// acknowledgements). The next document is the first of the catalog not in it, so a document added (or moved) while
/// someone is part-way through is not skipped. Compared item by item in the record's equality.
/// </param>
/// <param name="PausedAt">Set while paused; the step is kept, <c>resume</c> continues there.</param>
/// <param name="UpdatedAt">The last step taken (for "stuck since").</param>
/// <param name="Version">Optimistic concurrency: the stored version this record was read at (0 = not stored yet).</param>
public sealed record OnboardingState(
    OnboardingKey Key,
    string DisplayName,
    OnboardingStep Step,
    int DocumentIndex,
    string DocumentId,
    string DocumentHash,
    DateTimeOffset? DocumentBegunAt,
    int SectionIndex,
    int CheckIndex,
    IReadOnlyList<string> Acknowledged,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PausedAt,
    DateTimeOffset? CompletedAt,
    long Version)
{
    public bool IsPaused => PausedAt is not null;

    public bool IsCompleted => Step == OnboardingStep.Completed;

    /// <summary>
    /// This state with <see cref="Acknowledged"/> read from the acknowledgements, as a store derives it: the documents
    /// this person acknowledged since <see cref="StartedAt"/> (not in an earlier walk-through, not on another channel),
    /// each once, in ordinal order.
    /// </summary>
    public OnboardingState WithAcknowledgedFrom(IEnumerable<OnboardingAcknowledgement> acknowledgements) => this with
    {
        Acknowledged = acknowledgements
            .Where(a => a.Channel == Key.Channel && a.UserId == Key.UserId && a.AcknowledgedAt >= StartedAt)
            .Select(a => a.DocumentId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
    };

    /// <summary>Value equality, with <see cref="Acknowledged"/> compared item by item (a record compares a list by reference).</summary>
    public bool Equals(OnboardingState? other) =>
        other is not null
        && (Key, DisplayName, Step, DocumentIndex, DocumentId, DocumentHash, DocumentBegunAt, SectionIndex, CheckIndex, StartedAt, UpdatedAt, PausedAt,
            CompletedAt, Version)
        == (other.Key, other.DisplayName, other.Step, other.DocumentIndex, other.DocumentId, other.DocumentHash, other.DocumentBegunAt, other.SectionIndex,
            other.CheckIndex, other.StartedAt, other.UpdatedAt, other.PausedAt, other.CompletedAt, other.Version)
        && Acknowledged.SequenceEqual(other.Acknowledged, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Key, Step, DocumentId, SectionIndex, CheckIndex, UpdatedAt, Version, Acknowledged.Count);
}

/// <summary>
/// "I have read and understand …": who, which document and exactly which version (the file's SHA-256), when.
/// </summary>
public sealed record OnboardingAcknowledgement(
    string Channel,
    string UserId,
    string DisplayName,
    string DocumentId,
    string DocumentTitle,
    string ContentHash,
    DateTimeOffset AcknowledgedAt);

/// <summary>Onboarding state and acknowledgements: SQLite or PostgreSQL in GuidelineBot.Storage.</summary>
public interface IOnboardingStore
{
    /// <summary>The person's state, or null when they never started.</summary>
    Task<OnboardingState?> GetAsync(OnboardingKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="state"/> if the stored version is still <see cref="OnboardingState.Version"/> (0: none stored
    /// yet), together with <paramref name="acknowledgement"/> in the same committed transaction. Returns the saved state
    /// with its new version, or null when someone else saved first (nothing was written; reload and decide again).
    /// </summary>
    Task<OnboardingState?> TrySaveAsync(OnboardingState state, OnboardingAcknowledgement? acknowledgement, CancellationToken cancellationToken);

    /// <summary>Every person's state, for the report.</summary>
    Task<IReadOnlyList<OnboardingState>> ListStatesAsync(CancellationToken cancellationToken);

    /// <summary>Every acknowledgement ever recorded, oldest first.</summary>
    Task<IReadOnlyList<OnboardingAcknowledgement>> ListAcknowledgementsAsync(CancellationToken cancellationToken);
}
