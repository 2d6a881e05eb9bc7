using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Core.Onboarding;

/// <summary>A button a channel renders; <see cref="Value"/> goes back through <see cref="OnboardingInput.TryParseButtonValue"/>.</summary>
/// <param name="Primary">Highlight it (Slack <c>style: primary</c>, Adaptive Card <c>positive</c>).</param>
public sealed record OnboardingButton(string Label, string Value, bool Primary = false)
{
    internal static OnboardingButton For(string label, OnboardingInput input, bool primary = false) =>
        new(label, input.ToButtonValue() ?? throw new InvalidOperationException($"{input} has no button value"), primary);
}

/// <summary>
/// What the engine says, one message each. The conversation core turns each into an <see cref="OnboardingMessage"/>
/// (its wording is in <see cref="MessageContent"/>), which channels render.
/// </summary>
public abstract record OnboardingOutput
{
    /// <summary>The buttons to show under this message, in order.</summary>
    public virtual IReadOnlyList<OnboardingButton> Buttons => [];
}

/// <summary>Start of a document's walk-through: what it is, how many topics, about how long.</summary>
/// <param name="DocumentNumber">1-based among <paramref name="DocumentCount"/> documents in this onboarding.</param>
public sealed record OnboardingGreeting(
    string DisplayName,
    string DocumentId,
    string DocumentTitle,
    int TopicCount,
    int CheckQuestionCount,
    int Minutes,
    int DocumentNumber,
    int DocumentCount) : OnboardingOutput;

/// <summary>One section: heading, guideline text and citation, with Next / I have a question / Pause.</summary>
/// <param name="Number">1-based position among <paramref name="Total"/> sections of the document.</param>
/// <param name="At">The step token the buttons carry.</param>
public sealed record OnboardingSection(GuidelineSection Section, int Number, int Total, string At) : OnboardingOutput
{
    public override IReadOnlyList<OnboardingButton> Buttons =>
    [
        OnboardingButton.For("Next", new OnboardingInput.Next(At), primary: true),
        OnboardingButton.For("I have a question", new OnboardingInput.AskQuestion()),
        OnboardingButton.For("Pause", new OnboardingInput.Pause()),
    ];
}

/// <summary>A check question with one button per choice.</summary>
public sealed record OnboardingCheckQuestion(string DocumentTitle, string Prompt, IReadOnlyList<string> Choices, int Number, int Total, string At)
    : OnboardingOutput
{
    public override IReadOnlyList<OnboardingButton> Buttons =>
        Choices.Select((c, i) => OnboardingButton.For(c, new OnboardingInput.Answer(i + 1, At))).ToArray();
}

/// <summary>
/// The result of a check answer. Wrong: the guideline text that answers it (the same question is asked again next).
/// Right: a short confirmation (<see cref="Section"/> is still given for channels that want to show it).
/// </summary>
public sealed record OnboardingCheckFeedback(bool Correct, string Chosen, GuidelineSection Section, string? Explanation) : OnboardingOutput
{
    public string GuidelineText => Section.Quoted;
}

/// <summary>
/// The explicit acknowledgement: the prompt names the document in full ("I have read and understand the Title"), its one
/// button says "I have read and understand it" (a title would be cut on a button: Slack's 75 characters, Teams' width).
/// </summary>
public sealed record OnboardingAcknowledgePrompt(string DocumentId, string DocumentTitle, string At) : OnboardingOutput
{
    public const string ButtonLabel = "I have read and understand it";

    public override IReadOnlyList<OnboardingButton> Buttons => [OnboardingButton.For(ButtonLabel, new OnboardingInput.Acknowledge(At), primary: true)];
}

/// <summary>Shown only after the acknowledgement is committed to the store.</summary>
public sealed record OnboardingAcknowledgementRecorded(OnboardingAcknowledgement Acknowledgement) : OnboardingOutput;

/// <summary>The end: what was covered and where to ask later.</summary>
public sealed record OnboardingSummary(IReadOnlyList<string> DocumentTitles, IReadOnlyList<GuidelineSection> Examples, string Contact)
    : OnboardingOutput
{
    /// <summary>
    /// Every document of the knowledge: an example whose heading another document has too ("Who do I ask?") names its
    /// document on its button, as help's examples do.
    /// </summary>
    public IReadOnlyList<GuidelineDocument> Documents { get; init; } = [];
}

/// <summary>Paused; <c>resume</c> (or the button) continues at the same step.</summary>
public sealed record OnboardingPaused(string Where) : OnboardingOutput
{
    public override IReadOnlyList<OnboardingButton> Buttons => [OnboardingButton.For("Resume", new OnboardingInput.Resume(), primary: true)];
}

/// <summary>"I have a question" without text: invites the person to type it.</summary>
public sealed record OnboardingQuestionPrompt : OnboardingOutput;

/// <summary>A free question answered from the guidelines, then "Continue onboarding?".</summary>
/// <param name="Reply">Render it like any answer (AnswerReply, NoAnswerReply, …).</param>
/// <param name="OfferContinue">False when the person has no onboarding in progress (no buttons then).</param>
public sealed record OnboardingAnsweredQuestion(Reply Reply, bool OfferContinue) : OnboardingOutput
{
    public const string ContinuePrompt = "Continue onboarding?";

    public override IReadOnlyList<OnboardingButton> Buttons => OfferContinue
        ? [OnboardingButton.For("Continue onboarding", new OnboardingInput.Resume(), primary: true), OnboardingButton.For("Pause", new OnboardingInput.Pause())]
        : [];
}

/// <summary>A short status line (resumed, nothing to resume, stale button, already done, …).</summary>
public sealed record OnboardingNotice(OnboardingNoticeKind Kind, RichText Text) : OnboardingOutput
{
    public OnboardingNotice(OnboardingNoticeKind kind, string text)
        : this(kind, RichText.Plain(text))
    {
    }

    public override IReadOnlyList<OnboardingButton> Buttons => Kind switch
    {
        OnboardingNoticeKind.NotStarted => [OnboardingButton.For("Start onboarding", new OnboardingInput.Start(), primary: true)],
        OnboardingNoticeKind.AlreadyCompleted => [OnboardingButton.For("Start again", new OnboardingInput.Start())],
        _ => [],
    };
}

public enum OnboardingNoticeKind
{
    /// <summary>Continuing where the person left off (after resume, or start while in progress).</summary>
    Resumed,

    /// <summary>Resume/next with no onboarding in progress.</summary>
    NotStarted,

    /// <summary>Everything was already acknowledged.</summary>
    AlreadyCompleted,

    /// <summary>A button from an earlier step (or a double click): ignored, the current step follows.</summary>
    StaleAction,

    /// <summary>No guideline documents are configured for onboarding.</summary>
    NothingToOnboard,

    /// <summary>Starting over after a completed onboarding.</summary>
    Restarted,

    /// <summary>
    /// The document being gone through changed (it starts again, so the version acknowledged is the version read) or was
    /// withdrawn (on to the next one).
    /// </summary>
    DocumentChanged,

    /// <summary>Another replica kept changing the same state; try again.</summary>
    Busy,

    /// <summary>Typed text under an open check question matched none of its choices (and was no question the guidelines answer).</summary>
    NotAChoice,
}
