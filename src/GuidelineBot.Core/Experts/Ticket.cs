using System.Text.Json.Serialization;

namespace GuidelineBot.Core.Experts;

/// <summary>
/// Who asked the experts and where the answer goes back to. <paramref name="ReplyAddress"/> is channel-encoded and opaque
/// to the core (<see cref="Conversation.ConversationContext.ReplyAddress"/>): a Slack thread, a Teams service URL and
/// conversation; null means the channel's default (a Slack DM, the web chat's inbox).
/// </summary>
public sealed record ExpertAsker(
    string Channel,
    string UserId,
    string DisplayName,
    string? TenantId,
    string ConversationId,
    bool IsDirect,
    string? ReplyAddress);

/// <summary>A person acting in an experts' channel: on which channel, their id there, and their name.</summary>
public sealed record ExpertRef(string Channel, string UserId, string DisplayName)
{
    /// <summary>Who the person is, whatever their name: the channel and their id there (channel names have no colon).</summary>
    public string Key => Channel + ":" + UserId;

    /// <summary>The same person (their name may have changed).</summary>
    public bool IsSamePerson(ExpertRef? other) => other is not null && other.Channel == Channel && other.UserId == UserId;
}

/// <summary>Where a ticket is posted in an experts' channel: the conversation and the post's id (Slack ts, Teams activity id).</summary>
public sealed record TicketPost(string Channel, string ConversationId, string MessageId);

/// <summary>One expert answer to a ticket; a ticket may get several (each is delivered once).</summary>
/// <param name="AddToKnowledge">The expert ticked "Add to knowledge": the answer is also a suggestion on the dashboard.</param>
/// <param name="DeliveredAt">When the asker got it (Slack/Teams post made, or the web chat showed it); null while pending.</param>
public sealed record TicketAnswer(
    string Id,
    string TicketId,
    ExpertRef Expert,
    string Text,
    bool AddToKnowledge,
    DateTimeOffset At,
    DateTimeOffset? DeliveredAt = null);

[JsonConverter(typeof(JsonStringEnumConverter<TicketStatus>))]
public enum TicketStatus
{
    Open,
    Assigned,
    Answered,
}

/// <summary>
/// A question the guidelines did not answer, sent to the experts: the question and the asker's line of context, the
/// asker and where they asked, the bot's best guess, when; then who took it, its answers and where it is posted.
/// </summary>
/// <param name="GuessSectionId">The section the bot found closest (declined, or answered and voted 👎), if any.</param>
/// <param name="GuessHeading">That section's heading as it was then, for the experts.</param>
/// <param name="GuessConfidence">The bot's confidence in that section (0–1).</param>
public sealed record Ticket(
    string Id,
    string Question,
    string? Context,
    ExpertAsker Asker,
    string? GuessSectionId,
    string? GuessHeading,
    double GuessConfidence,
    DateTimeOffset AskedAt)
{
    public ExpertRef? AssignedTo { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<TicketAnswer> Answers { get; init; } = [];

    public IReadOnlyList<TicketPost> Posts { get; init; } = [];

    /// <summary>When the unanswered ticket was re-announced (once at most).</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    public TicketStatus Status => Answers.Count > 0 ? TicketStatus.Answered : AssignedTo is not null ? TicketStatus.Assigned : TicketStatus.Open;

    /// <summary>A short reference people can read out ("#3f9a1c"): the end of the id, which is random.</summary>
    public string ShortId => Id.Length > 6 ? Id[^6..] : Id;
}
