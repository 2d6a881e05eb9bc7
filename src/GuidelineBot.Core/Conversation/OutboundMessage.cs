using System.Text.Json.Serialization;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Core.Conversation;

/// <summary>
/// One message the bot sends, channel-neutral. <see cref="Content"/> is the whole body, structured, with every word
/// the person reads (written once, in <see cref="MessageContent"/>); a channel that renders the content blocks renders
/// every message. The typed records also carry what they are about, for channels that lay some out specially.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AnswerMessage), "answer")]
[JsonDerivedType(typeof(NoAnswerMessage), "noAnswer")]
[JsonDerivedType(typeof(HelpMessage), "help")]
[JsonDerivedType(typeof(TopicsMessage), "topics")]
[JsonDerivedType(typeof(SmallTalkMessage), "smallTalk")]
[JsonDerivedType(typeof(FeedbackThanksMessage), "feedbackThanks")]
[JsonDerivedType(typeof(OnboardingMessage), "onboarding")]
[JsonDerivedType(typeof(NoticeMessage), "notice")]
public abstract record OutboundMessage
{
    /// <summary>The body in reading order, buttons included (<see cref="ActionsBlock"/>).</summary>
    public abstract IReadOnlyList<ContentBlock> Content { get; }

    /// <summary>One line for notifications and previews (Teams <c>summary</c>), at most <see cref="MessageText.MaxSummaryLength"/> characters.</summary>
    public virtual string Summary => MessageText.Summary(Content);

    /// <summary>The message for a reply of the answer engine; <paramref name="questionId"/> goes on an answer's buttons.</summary>
    /// <param name="command">The channel's slash command, mentioned in help.</param>
    public static OutboundMessage From(Reply reply, string? questionId = null, string? command = null) => reply switch
    {
        AnswerReply a => new AnswerMessage(a, questionId),
        NoAnswerReply n => new NoAnswerMessage(n, questionId),
        HelpReply h => new HelpMessage(h, Command: command),
        TopicsReply t => new TopicsMessage(t),
        SmallTalkReply s => new SmallTalkMessage(s),
        _ => throw new ArgumentException($"Unknown reply {reply.GetType().Name}", nameof(reply)),
    };

    /// <summary>Every button of the message, in order.</summary>
    [JsonIgnore]
    public IEnumerable<OutboundAction> Actions => Content.OfType<ActionsBlock>().SelectMany(b => b.Actions);
}

/// <summary>
/// A guideline answer: heading, the guideline text verbatim, the citation, "did you mean", 👍/👎 and related topics.
/// <paramref name="QuestionId"/> is the question log's id; the feedback buttons carry it (<see cref="Ref"/>).
/// </summary>
public sealed record AnswerMessage([property: JsonIgnore] AnswerReply Reply, string? QuestionId) : OutboundMessage
{
    /// <summary>The vote already given on this answer (the 👍/👎 buttons give way to a thank-you), or null.</summary>
    public bool? Feedback { get; init; }

    /// <summary>Shown to everyone by this person (Slack "Share in channel"): no buttons, "Shared by …" under it.</summary>
    public string? SharedBy { get; init; }

    public AnswerRef Ref => new(QuestionId, Reply.Section.Id, Reply.Question);

    public override IReadOnlyList<ContentBlock> Content => MessageContent.Answer(this);

    public override string Summary => MessageText.Summary(Reply.Section.Heading, Reply.Text);

    /// <summary>The "Share in channel" button, for channels whose answers start private (Slack's slash command).</summary>
    [JsonIgnore]
    public OutboundAction ShareAction => new(MessageContent.ShareLabel, ActionKind.Share, Ref.Encode(), Primary: true);
}

/// <summary>The guidelines do not cover the question: says so, names the contact, offers the closest topics.</summary>
public sealed record NoAnswerMessage([property: JsonIgnore] NoAnswerReply Reply, string? QuestionId) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => MessageContent.NoAnswer(Reply);
}

/// <summary>What the bot does, example questions, the documents; <paramref name="IsWelcome"/> when sent on install.</summary>
/// <param name="Command">The channel's slash command, when it has one (help then says how to use it).</param>
public sealed record HelpMessage([property: JsonIgnore] HelpReply Reply, bool IsWelcome = false, string? Command = null) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => MessageContent.Help(this);
}

/// <summary>Every document and its sections.</summary>
public sealed record TopicsMessage([property: JsonIgnore] TopicsReply Reply) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => MessageContent.Topics(Reply);
}

/// <summary>A short friendly reply to "hi", "thanks", "bye".</summary>
public sealed record SmallTalkMessage([property: JsonIgnore] SmallTalkReply Reply) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => [new ParagraphBlock(RichText.Plain(Reply.Text))];
}

/// <summary>
/// A vote was received. <paramref name="Answer"/> is the answer shown again with the thank-you in place of its buttons
/// (channels that can update the original message show that), null when it can no longer be rebuilt (the guidelines
/// changed); this message's own content is the thank-you alone.
/// </summary>
/// <param name="Counted">False for a repeat of the same vote (nothing changed).</param>
public sealed record FeedbackThanksMessage(bool Helpful, bool Counted, AnswerMessage? Answer) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => [new ParagraphBlock(RichText.Plain(MessageContent.FeedbackThanks(Helpful)))];
}

/// <summary>
/// One onboarding step (<see cref="OnboardingOutput"/>: greeting, section, check question, acknowledgement, …). An
/// answered free question arrives as its answer message followed by this message for <see cref="OnboardingAnsweredQuestion"/>
/// ("Continue onboarding?").
/// </summary>
public sealed record OnboardingMessage([property: JsonIgnore] OnboardingOutput Output) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => MessageContent.Onboarding(Output);
}

/// <summary>What a notice is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeKind>))]
public enum NoticeKind
{
    /// <summary>Onboarding was asked for outside a direct conversation and continues in one.</summary>
    MovedToDirectChat,

    /// <summary>Onboarding could not be started (e.g. its messages could not be queued).</summary>
    OnboardingFailed,

    /// <summary>Something failed on the bot's side; the person may try again.</summary>
    Failed,
}

/// <summary>A short status line from the bot itself.</summary>
public sealed record NoticeMessage(NoticeKind Kind, string DisplayName = "") : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => [new ParagraphBlock(MessageContent.Notice(Kind, DisplayName))];
}
