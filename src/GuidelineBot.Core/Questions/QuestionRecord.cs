namespace GuidelineBot.Core.Questions;

/// <summary>How a logged question went.</summary>
public enum QuestionOutcome
{
    /// <summary>A guideline section answered it.</summary>
    Answered,

    /// <summary>The guidelines do not cover it: the bot said so (the "no hits" the dashboard groups).</summary>
    Declined,

    /// <summary>Help, topics, small talk or an onboarding turn: not a question about the guidelines.</summary>
    Other,

    /// <summary>
    /// A section the person opened from a button (a topic, "did you mean", "Show the whole section"): shown whole, not
    /// found by a search, so it is no answer and counts with <see cref="Other"/> in the daily figures.
    /// </summary>
    Picked,
}

/// <summary>
/// One question asked on any channel, as the question log keeps it: people can be counted but not identified
/// (<paramref name="UserHash"/>, from <see cref="Logging.LogText.Pseudonym"/>), and the log masks <paramref name="Text"/>
/// (emails, phone numbers, long digit runs) before it stores it: callers pass the text as asked.
/// </summary>
/// <param name="Id">Unique per question; answers carry it so feedback on them reaches this record.</param>
/// <param name="Channel">"slack", "teams" or "web".</param>
/// <param name="SectionId">The answering section (<see cref="Knowledge.GuidelineSection.Id"/>), when answered.</param>
/// <param name="Helpful">The feedback it got: null until someone votes.</param>
public sealed record QuestionRecord(
    string Id,
    DateTimeOffset At,
    string Channel,
    string UserHash,
    string Text,
    QuestionOutcome Outcome,
    string? DocumentId,
    string? SectionId,
    double Confidence,
    double LatencyMs,
    bool? Helpful = null);

/// <summary>The question log: every question from every channel, purged after <c>Storage:RetentionDays</c>.</summary>
public interface IQuestionLog
{
    /// <summary>Adds a question; a repeat of the same <see cref="QuestionRecord.Id"/> changes nothing.</summary>
    Task RecordAsync(QuestionRecord question, CancellationToken cancellationToken);

    /// <summary>Adds questions in order, as one write where the store can (one transaction); repeats change nothing.</summary>
    async Task RecordManyAsync(IReadOnlyList<QuestionRecord> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        foreach (var question in questions)
        {
            await RecordAsync(question, cancellationToken);
        }
    }

    /// <summary>Sets the feedback of a logged question (the latest vote wins); unknown ids are ignored.</summary>
    Task RecordFeedbackAsync(string questionId, bool helpful, CancellationToken cancellationToken);

    /// <summary>Questions at or after <paramref name="since"/> (all when null), newest first.</summary>
    Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
