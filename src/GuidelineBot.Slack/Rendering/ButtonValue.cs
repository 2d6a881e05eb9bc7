namespace GuidelineBot.Slack.Rendering;

/// <summary>Action ids of the buttons GuidelineBot renders, and what their values carry.</summary>
public static class ActionIds
{
    public const string Share = "share";
    public const string Helpful = "feedback_helpful";
    public const string NotHelpful = "feedback_not_helpful";

    /// <summary>Prefix of "ask this" buttons (suggested topics, example questions); suffixed with an index to stay unique.</summary>
    public const string AskPrefix = "ask_";
}

/// <summary>
/// The value of an answer's buttons: the answered section id and the question, so Share and feedback can re-create the
/// answer without server-side state. Kept within Slack's 2000-character limit.
/// </summary>
public sealed record AnswerButtonValue(string? SectionId, string Question)
{
    private const char Separator = '\n';

    public string Encode()
    {
        var prefix = (SectionId ?? "") + Separator;
        var room = Mrkdwn.MaxButtonValue - prefix.Length;
        var question = Question.Length > room ? Question[..Math.Max(0, room)] : Question;
        return prefix + question;
    }

    public static AnswerButtonValue? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var at = value.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0
            ? new AnswerButtonValue(null, value)
            : new AnswerButtonValue(at == 0 ? null : value[..at], value[(at + 1)..]);
    }
}
