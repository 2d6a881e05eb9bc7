namespace GuidelineBot.Core.Conversation;

/// <summary>
/// Which answer a button is about: the logged question's id (feedback reaches the question log through it), the section
/// that answered and the question as asked, so the answer can be shown again without server-side state.
/// </summary>
/// <param name="QuestionId">The question log id; null on buttons from before the log existed.</param>
public sealed record AnswerRef(string? QuestionId, string? SectionId, string Question)
{
    /// <summary>
    /// The answering section's <see cref="Knowledge.GuidelineSection.HeadingCheck"/> when the button was made (answers' buttons carry it): section
    /// ids are positions, so after an edit another section may have that id, and a vote or a share is then not about it.
    /// Null on topic buttons (they carry the heading itself) and on buttons from before it existed.
    /// </summary>
    public string? SectionCheck { get; init; }

    /// <summary>The longest button value (Slack allows 2000 characters): <see cref="Encode"/> fits every reference in it.</summary>
    public const int MaxEncodedLength = 2000;

    private const char Separator = '\n';

    /// <summary>
    /// An answer's buttons carry its section and its question, and fit a button value: a vote or a share about anything
    /// else (a hand-made value) is not about one of our answers.
    /// </summary>
    public bool IsAnswer =>
        !string.IsNullOrWhiteSpace(SectionId) && !string.IsNullOrWhiteSpace(Question)
        && SectionId.Length + (QuestionId?.Length ?? 0) + (SectionCheck is null ? 0 : SectionCheck.Length + 1) + Question.Length + 2 <= MaxEncodedLength;

    /// <summary>
    /// One string for a button value: <c>sectionId \n questionId \n question</c> (<c>sectionId \n questionId \n
    /// sectionCheck \n question</c> when it has a <see cref="SectionCheck"/>), the question cut to fit
    /// <paramref name="maxLength"/> (Slack allows 2000) at a word boundary, with "…" to show it was cut (a question sent
    /// to the experts shows it). Questions never contain line breaks (the core cleans them).
    /// </summary>
    public string Encode(int maxLength = MaxEncodedLength)
    {
        var prefix = (SectionId ?? "") + Separator + (QuestionId ?? "") + Separator + (SectionCheck is null ? "" : SectionCheck + Separator);
        var room = maxLength - prefix.Length;
        return prefix + (Question.Length <= room ? Question : room < 2 ? "" : MessageText.Shorten(Question, room));
    }

    /// <summary>
    /// Reads <see cref="Encode"/>'s string (questions never contain line breaks, so the number of lines tells the forms
    /// apart); also the older <c>sectionId \n question</c> and a bare question. Null for an empty value.
    /// </summary>
    public static AnswerRef? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(Separator, 4);
        return parts.Length switch
        {
            4 => new AnswerRef(NullIfEmpty(parts[1]), NullIfEmpty(parts[0]), parts[3]) { SectionCheck = NullIfEmpty(parts[2]) },
            3 => new AnswerRef(NullIfEmpty(parts[1]), NullIfEmpty(parts[0]), parts[2]),
            2 => new AnswerRef(null, NullIfEmpty(parts[0]), parts[1]),
            _ => new AnswerRef(null, null, value),
        };
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
