using System.Globalization;
using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Onboarding;

/// <summary>
/// What a person did, translated by a channel from typed text (<see cref="FromText"/>) or a button
/// (<see cref="TryParseButtonValue"/>). Buttons carry the step they were shown for (<c>At</c>), so a stale or
/// double click cannot skip ahead.
/// </summary>
public abstract partial record OnboardingInput
{
    private const string Prefix = "onboarding:";

    /// <summary>"onboard", "start onboarding", the Start button, or an auto-start.</summary>
    public sealed record Start : OnboardingInput;

    /// <summary>"resume", "continue", the Continue/Resume buttons: show the current step again.</summary>
    public sealed record Resume : OnboardingInput;

    /// <summary>The Next button (or "next"): the following section.</summary>
    public sealed record Next(string? At = null) : OnboardingInput;

    /// <summary>The Pause button (or "pause").</summary>
    public sealed record Pause : OnboardingInput;

    /// <summary>"I have a question": without text asks for it; with text answers it from the guidelines.</summary>
    public sealed record AskQuestion(string? Text = null) : OnboardingInput;

    /// <summary>A check-question choice, 1-based.</summary>
    public sealed record Answer(int Choice, string? At = null) : OnboardingInput;

    /// <summary>"I have read and understand …".</summary>
    public sealed record Acknowledge(string? At = null) : OnboardingInput;

    /// <summary>Anything else typed: a choice when a check question is open, otherwise a question answered from the index.</summary>
    public sealed record FreeText(string Text) : OnboardingInput;

    /// <summary>The value to put on a button (≤ 60 chars, ASCII), or null for inputs that are typed.</summary>
    public string? ToButtonValue() => this switch
    {
        Start => Prefix + "start",
        Resume => Prefix + "resume",
        Next n => Prefix + "next" + Suffix(n.At),
        Pause => Prefix + "pause",
        AskQuestion { Text: null } => Prefix + "question",
        Answer a => Prefix + "answer:" + a.Choice.ToString(CultureInfo.InvariantCulture) + Suffix(a.At),
        Acknowledge a => Prefix + "ack" + Suffix(a.At),
        _ => null,
    };

    /// <summary>True when <paramref name="value"/> is an onboarding button value (they all start with <c>onboarding:</c>).</summary>
    public static bool TryParseButtonValue(string? value, out OnboardingInput input)
    {
        input = new Resume();
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value[Prefix.Length..].Split(':');
        var at = parts.Length > 1 ? parts[^1] : null;
        switch (parts[0])
        {
            case "start" when parts.Length == 1:
                input = new Start();
                return true;
            case "resume" when parts.Length == 1:
                input = new Resume();
                return true;
            case "pause" when parts.Length == 1:
                input = new Pause();
                return true;
            case "question" when parts.Length == 1:
                input = new AskQuestion();
                return true;
            case "next" when parts.Length <= 2:
                input = new Next(at);
                return true;
            case "ack" when parts.Length <= 2:
                input = new Acknowledge(at);
                return true;
            case "answer" when parts.Length is 2 or 3 &&
                               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var choice) && choice > 0:
                input = new Answer(choice, parts.Length == 3 ? at : null);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Typed text to an input: <c>onboard</c> / <c>start onboarding</c> → Start, <c>resume</c> / <c>continue</c> → Resume,
    /// <c>next</c>, <c>pause</c>, "I have read and understand…" → Acknowledge; anything else → <see cref="FreeText"/>.
    /// </summary>
    public static OnboardingInput FromText(string? text)
    {
        var s = Normalize(text);
        if (StartRegex().IsMatch(s))
        {
            return new Start();
        }

        if (ResumeRegex().IsMatch(s))
        {
            return new Resume();
        }

        if (s is "next" or "next please" or "next section")
        {
            return new Next();
        }

        if (PauseRegex().IsMatch(s))
        {
            return new Pause();
        }

        if (s.StartsWith("i have read and understand", StringComparison.Ordinal) || s is "i acknowledge" or "acknowledge")
        {
            return new Acknowledge();
        }

        return s is "i have a question" or "question" ? new AskQuestion() : new FreeText(text?.Trim() ?? "");
    }

    /// <summary>
    /// "yes", "I agree", "understood", "I've read it" …: typed at the acknowledgement step, the person acknowledges the
    /// document (elsewhere such a word is no step of the walk-through).
    /// </summary>
    public static bool IsAffirmation(string? text) => AffirmationRegex().IsMatch(Normalize(text));

    /// <summary>True for the words that start or resume onboarding from anywhere (<c>onboard</c>, <c>start onboarding</c>, <c>resume</c>).</summary>
    public static bool IsTrigger(string? text) => MayBeTrigger(text) && FromText(text) is Start or Resume;

    /// <summary>
    /// Cheap pre-check for <see cref="IsTrigger"/> (every slash command passes here): each start/resume phrase contains
    /// one of these words, and normalising only lower-cases and turns non-word characters into spaces.
    /// </summary>
    private static bool MayBeTrigger(string? text) =>
        text is not null && (text.Contains("onboard", StringComparison.OrdinalIgnoreCase) || text.Contains("resume", StringComparison.OrdinalIgnoreCase) ||
                             text.Contains("continue", StringComparison.OrdinalIgnoreCase) || text.Contains("carry", StringComparison.OrdinalIgnoreCase));

    internal static string Normalize(string? text) =>
        SpacesRegex().Replace(NonWordRegex().Replace((text ?? "").ToLowerInvariant(), " "), " ").Trim();

    private static string Suffix(string? at) => at is null ? "" : ":" + at;

    [GeneratedRegex(@"^(please )?(onboard( me)?|onboarding|start onboarding|begin onboarding|start( the)? onboarding|restart onboarding)$")]
    private static partial Regex StartRegex();

    [GeneratedRegex(@"^(resume|resume onboarding|continue|continue onboarding|yes continue|carry on)$")]
    private static partial Regex ResumeRegex();

    [GeneratedRegex(@"^((pause|stop|cancel|quit|exit)( onboarding)?|later|not now)$")]
    private static partial Regex PauseRegex();

    [GeneratedRegex(@"^((yes|yep|yeah|ok|okay|sure|agreed|i agree|i do|confirmed|i confirm|understood|i understand|got it|i ve read it|i have read it|i read it)( (i|i ve|i have) (agree|understand|understood|read it|read and understood it))?( thanks| thank you)?)$")]
    private static partial Regex AffirmationRegex();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWordRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();
}
