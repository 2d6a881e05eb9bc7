using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Core.Answers;

/// <summary>What the bot says to a message; the conversation core turns it into an outbound message that channels render.</summary>
public abstract record Reply(string Question);

/// <summary>The guidelines answer the question.</summary>
/// <param name="Text">The guideline text, verbatim: the whole section when short, else the matching passages.</param>
/// <param name="Related">Up to three other sections worth a look.</param>
public sealed record AnswerReply(
    string Question,
    GuidelineSection Section,
    string Text,
    double Score,
    IReadOnlyList<GuidelineSection> Related) : Reply(Question)
{
    public string Citation => Section.Citation;

    /// <summary>The text is the matching part of a longer section, not all of it.</summary>
    public bool IsPartial => Text.Length < Section.Quoted.Length;

    /// <summary>A close call: another section almost as likely to answer ("did you mean"); it is also first in <see cref="Related"/>.</summary>
    public GuidelineSection? Alternative { get; init; }

    /// <summary>
    /// The person picked the section (a topic button, "did you mean", "Show the whole section"): no search answered a
    /// question, so the question log and the metrics count it apart from answers.
    /// </summary>
    public bool Picked { get; init; }
}

/// <summary>The guidelines do not cover the question: say so, offer the closest topics and who to ask.</summary>
/// <param name="Score">The best confidence found, below the threshold.</param>
public sealed record NoAnswerReply(string Question, IReadOnlyList<GuidelineSection> Suggestions, string Contact, double Score = 0) : Reply(Question)
{
    public string Text =>
        "I couldn't find this in the guidelines, so I won't guess on policy. " +
        $"Please ask {Contact}." +
        (Suggestions.Count > 0 ? " Did you mean one of these topics?" : "");
}

/// <summary>"help" or empty input: what the bot does, example questions and the topics (wording: <c>MessageContent.Help</c>).</summary>
/// <param name="Examples">Sections to offer as example questions: their buttons show the section (its heading is the question).</param>
public sealed record HelpReply(string Question, IReadOnlyList<GuidelineSection> Examples, IReadOnlyList<GuidelineDocument> Documents) : Reply(Question);

/// <summary>"topics": every document and its sections.</summary>
public sealed record TopicsReply(string Question, IReadOnlyList<GuidelineDocument> Documents) : Reply(Question);

public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Goodbye,
}

/// <summary>A short friendly reply to "hi", "thanks", "bye".</summary>
public sealed record SmallTalkReply(string Question, SmallTalkKind Kind, string Text) : Reply(Question);
