using System.Text.Json.Serialization;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Experts;
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
[JsonDerivedType(typeof(AskExpertFormMessage), "askExpertForm")]
[JsonDerivedType(typeof(ExpertAnswerFormMessage), "expertAnswerForm")]
[JsonDerivedType(typeof(ExpertTicketOpenedMessage), "ticketOpened")]
[JsonDerivedType(typeof(ExpertTicketMessage), "ticket")]
[JsonDerivedType(typeof(ExpertAnswerMessage), "expertAnswer")]
[JsonDerivedType(typeof(ExpertTicketTakenOverMessage), "ticketTakenOver")]
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

    public AnswerRef Ref => new(QuestionId, Reply.Section.Id, Reply.Question) { SectionCheck = Reply.Section.HeadingCheck };

    public override IReadOnlyList<ContentBlock> Content => MessageContent.Answer(this);

    public override string Summary => MessageText.Summary(Reply.Section.Heading, Reply.Text);

    /// <summary>The "Share in channel" button, for channels whose answers start private (Slack's slash command).</summary>
    [JsonIgnore]
    public OutboundAction ShareAction => new(MessageContent.ShareLabel, ActionKind.Share, Ref.Encode(), Primary: true);
}

/// <summary>The guidelines do not cover the question: says so, names the contact, offers the closest topics.</summary>
public sealed record NoAnswerMessage([property: JsonIgnore] NoAnswerReply Reply, string? QuestionId) : OutboundMessage
{
    /// <summary>Set when an experts' channel is configured: the question "Ask an expert" sends (the button is shown).</summary>
    public AnswerRef? ExpertOffer { get; init; }

    public override IReadOnlyList<ContentBlock> Content => MessageContent.NoAnswer(Reply, ExpertOffer);
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
    /// <summary>On a 👎 when an experts' channel is configured: the question "Ask an expert" sends (the button is shown).</summary>
    public AnswerRef? ExpertOffer { get; init; }

    /// <summary>Shown apart from the answer voted on (the voter's private chat), so it names that answer's section.</summary>
    public bool Apart { get; init; }

    public override IReadOnlyList<ContentBlock> Content => MessageContent.FeedbackThanks(this);
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

    /// <summary>
    /// Onboarding was asked for outside a direct conversation, but the direct conversation could not be opened (Slack's
    /// <c>conversations.open</c> failed): its progress is kept, and the person is told how to continue.
    /// </summary>
    DirectChatUnavailable,

    /// <summary>Onboarding could not be started (e.g. its messages could not be queued).</summary>
    OnboardingFailed,

    /// <summary>Something failed on the bot's side; the person may try again.</summary>
    Failed,

    /// <summary>Someone who is not a member of the experts' channel tried to answer or assign a ticket; nothing changed.</summary>
    NotAnExpert,

    /// <summary>The ticket a button or reply refers to does not exist (any more).</summary>
    TicketNotFound,

    /// <summary>The ticket is now assigned to the person (<see cref="NoticeMessage.Name"/> is the asker's name).</summary>
    TicketAssigned,

    /// <summary>
    /// The person pressed "Assign to me" on a ticket someone else took meanwhile (<see cref="NoticeMessage.Name"/>): it
    /// stays with them; a second press on the updated post takes it over.
    /// </summary>
    TicketHeldByOther,

    /// <summary>
    /// The person took the ticket over from the expert who had it (<see cref="NoticeMessage.Name"/>), who is told privately.
    /// </summary>
    TicketTakenOver,

    /// <summary>The ticket is now assigned to the person, and it already has an answer (<see cref="NoticeMessage.Name"/>: the asker).</summary>
    AnsweredTicketAssigned,

    /// <summary>The expert's answer is on its way to the asker (<see cref="NoticeMessage.Name"/>).</summary>
    ExpertAnswerSent,

    /// <summary>The same answer was already given (a retry or a double click): sent once.</summary>
    ExpertAnswerDuplicate,

    /// <summary>An answer came back without words (empty, or marks alone).</summary>
    ExpertAnswerEmpty,

    /// <summary>"Ask an expert" was pressed but no experts' channel is configured (any more); <see cref="NoticeMessage.Name"/> is the contact to ask instead.</summary>
    ExpertsUnavailable,

    /// <summary>A 👍/👎 on a section the guidelines no longer have (or never had): not counted.</summary>
    VoteOnAnAnswerGone,

    /// <summary>"Share" pressed again on an answer shared a moment before (a double click): it is posted once.</summary>
    AlreadyShared,

    /// <summary>"Share" pressed on an answer the guidelines no longer give (its section gone or moved, or the question now answered otherwise): not shared.</summary>
    ShareOfAnAnswerGone,

    /// <summary>An expert's reply in a ticket's thread began by addressing someone: it stayed among the experts.</summary>
    ExpertDiscussionKept,
}

/// <summary>A short status line from the bot itself.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Name">Who the line names, if anyone: the person it is about, or the contact to ask instead.</param>
public sealed record NoticeMessage(NoticeKind Kind, string Name = "") : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => [new ParagraphBlock(MessageContent.Notice(Kind, Name))];
}

/// <summary>
/// A form: fields (<see cref="InputBlock"/>, <see cref="ToggleBlock"/>) and a submit button whose kind and value, with
/// the field values, come back through <see cref="ConversationInbound.FromAction"/>. Slack shows it as a modal
/// (<see cref="Title"/> as its title, the <see cref="HeadingBlock"/> left out, <see cref="Submit"/> as its submit button);
/// Teams and the web chat show it in the conversation.
/// </summary>
public abstract record FormMessage : OutboundMessage
{
    /// <summary>A short title (Slack modals allow 24 characters).</summary>
    public abstract string Title { get; }

    /// <summary>The submit button; it is also the last <see cref="ActionsBlock"/> of <see cref="OutboundMessage.Content"/>.</summary>
    [JsonIgnore]
    public abstract OutboundAction Submit { get; }
}

/// <summary>"Ask an expert": the confirmation, with an optional line of context for the experts.</summary>
public sealed record AskExpertFormMessage(AnswerRef Question) : FormMessage
{
    public override string Title => MessageContent.AskExpertTitle;

    public override OutboundAction Submit => new(MessageContent.SendToExpertsLabel, ActionKind.SendToExpert, Question.Encode(), Primary: true);

    public override IReadOnlyList<ContentBlock> Content => MessageContent.AskExpertForm(this);
}

/// <summary>An expert's answer form for <paramref name="Ticket"/>: the answer and "Add to knowledge".</summary>
public sealed record ExpertAnswerFormMessage([property: JsonIgnore] Ticket Ticket) : FormMessage
{
    public override string Title => MessageContent.AnswerFormTitle;

    public override OutboundAction Submit => new(MessageContent.SubmitAnswerLabel, ActionKind.SubmitExpertAnswer, Ticket.Id, Primary: true);

    public override IReadOnlyList<ContentBlock> Content => MessageContent.ExpertAnswerForm(this);
}

/// <summary>To the asker: the question went to the experts (<paramref name="Created"/>), or they already have it from them.</summary>
public sealed record ExpertTicketOpenedMessage([property: JsonIgnore] Ticket Ticket, bool Created) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => MessageContent.TicketOpened(this);
}

/// <summary>
/// A ticket as posted in the experts' channel <paramref name="ForChannel"/>: the question, context, asker, the bot's best
/// guess, when; who it is assigned to and its answers; <b>Answer</b> and <b>Assign to me</b>. A channel that shows forms
/// in the conversation (Teams) shows <see cref="AnswerForm"/>'s fields and submit in place of the Answer button.
/// </summary>
/// <param name="Reminder">The re-announcement of a ticket unanswered for <c>Experts:ReminderHours</c>.</param>
/// <param name="Now">When the post is made or updated (ages are counted to it).</param>
public sealed record ExpertTicketMessage([property: JsonIgnore] Ticket Ticket, string ForChannel, bool Reminder, DateTimeOffset Now) : OutboundMessage
{
    [JsonIgnore]
    public ExpertAnswerFormMessage AnswerForm => new(Ticket);

    public override IReadOnlyList<ContentBlock> Content => MessageContent.Ticket(this);
}

/// <summary>To the asker, where they asked: an expert's answer, naming the expert.</summary>
public sealed record ExpertAnswerMessage([property: JsonIgnore] Ticket Ticket, [property: JsonIgnore] TicketAnswer Answer) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => MessageContent.ExpertAnswer(this);

    public override string Summary => MessageText.Summary(MessageContent.ExpertAnsweredTitle, Answer.Text);
}

/// <summary>
/// To the expert who held <paramref name="Ticket"/>, privately, in the experts' channel <paramref name="ForChannel"/>:
/// someone took it over (<see cref="Ticket.AssignedTo"/>).
/// </summary>
public sealed record ExpertTicketTakenOverMessage([property: JsonIgnore] Ticket Ticket, string ForChannel) : OutboundMessage
{
    public override IReadOnlyList<ContentBlock> Content => MessageContent.TicketTakenOver(this);
}
