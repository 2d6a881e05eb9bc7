using System.Text.Json.Serialization;

namespace GuidelineBot.Core.Experts;

[JsonConverter(typeof(JsonStringEnumConverter<SuggestionStatus>))]
public enum SuggestionStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>Approved, then taken out of the knowledge again by an admin.</summary>
    Withdrawn,
}

/// <summary>
/// An expert answer ticked "Add to knowledge": a question and answer an admin can edit, approve or reject on the
/// dashboard. Approved ones are the "Expert answers" document every replica serves, the expert as its owner and the
/// approval date as last reviewed.
/// </summary>
public sealed record KnowledgeSuggestion(
    string Id,
    string TicketId,
    string AnswerId,
    string Question,
    string Answer,
    ExpertRef Expert,
    DateTimeOffset SuggestedAt,
    SuggestionStatus Status = SuggestionStatus.Pending,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null);

public interface ISuggestionStore
{
    /// <summary>Adds the suggestion once per answer (<see cref="KnowledgeSuggestion.AnswerId"/>).</summary>
    Task AddAsync(KnowledgeSuggestion suggestion, CancellationToken cancellationToken);

    Task<KnowledgeSuggestion?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every suggestion, or those with <paramref name="status"/>; newest first.</summary>
    Task<IReadOnlyList<KnowledgeSuggestion>> ListAsync(SuggestionStatus? status, CancellationToken cancellationToken);

    /// <summary>
    /// An admin's decision, with the question and answer as edited: approve, reject, or withdraw an approved one. Made
    /// only while the suggestion's status is still <paramref name="from"/>, in one statement, so of two admins deciding at
    /// the same instant one is told the other was first.
    /// </summary>
    /// <returns>False when there is no such suggestion, or its status is no longer <paramref name="from"/>.</returns>
    Task<bool> DecideAsync(string id, SuggestionStatus from, string question, string answer, SuggestionStatus status, string decidedBy, DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>
    /// A short value that changes whenever the approved answers change (any replica's approval): the knowledge reloads
    /// when it differs from the one its snapshot was built with.
    /// </summary>
    Task<string> ApprovedVersionAsync(CancellationToken cancellationToken);
}
