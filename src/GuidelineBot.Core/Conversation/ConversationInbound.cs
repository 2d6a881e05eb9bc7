using System.Text.Json.Serialization;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Core.Conversation;

/// <summary>
/// What a person did, as a channel parsed it from its protocol: typed text, a button, or the bot joining a
/// conversation / a person joining a team. <see cref="ConversationService.HandleAsync"/> decides what it means.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextInbound), "text")]
[JsonDerivedType(typeof(AskInbound), "ask")]
[JsonDerivedType(typeof(FeedbackInbound), "feedback")]
[JsonDerivedType(typeof(ShareInbound), "share")]
[JsonDerivedType(typeof(OnboardingActionInbound), "onboarding")]
[JsonDerivedType(typeof(WelcomeInbound), "welcome")]
[JsonDerivedType(typeof(MemberJoinedInbound), "memberJoined")]
[JsonDerivedType(typeof(AskExpertInbound), "askExpert")]
[JsonDerivedType(typeof(SendToExpertInbound), "sendToExpert")]
[JsonDerivedType(typeof(ExpertAnswerFormInbound), "expertAnswerForm")]
[JsonDerivedType(typeof(ExpertAssignInbound), "expertAssign")]
[JsonDerivedType(typeof(ExpertAnswerInbound), "expertAnswer")]
[JsonDerivedType(typeof(ExpertReplyInbound), "expertReply")]
[JsonDerivedType(typeof(ChatOpenedInbound), "chatOpened")]
public abstract record ConversationInbound
{
    /// <summary>The inbound for a pressed <see cref="OutboundAction"/>: its kind and value as the channel got them back.</summary>
    /// <param name="inputs">A form's field values by id (<see cref="InputBlock"/>, <see cref="ToggleBlock"/>), for a submit.</param>
    /// <returns>
    /// Null when the value cannot be read (an empty question, also one for the experts; a vote or share not about an
    /// answer; an unknown onboarding step).
    /// </returns>
    public static ConversationInbound? FromAction(ActionKind kind, string? value, IReadOnlyDictionary<string, string>? inputs = null) => kind switch
    {
        ActionKind.AskExpert => Asked(value) is { } asked ? new AskExpertInbound(asked) : null,
        ActionKind.SendToExpert => Asked(value) is { } sent ? new SendToExpertInbound(sent, Input(inputs, ExpertInputs.Context)) : null,
        ActionKind.ExpertAnswer => string.IsNullOrWhiteSpace(value) ? null : new ExpertAnswerFormInbound(value),
        ActionKind.ExpertAssign => ExpertAssignInbound.FromValue(value),
        ActionKind.SubmitExpertAnswer => string.IsNullOrWhiteSpace(value) ? null
            : new ExpertAnswerInbound(value, Input(inputs, ExpertInputs.Answer) ?? "", ExpertInputs.IsTicked(Input(inputs, ExpertInputs.AddToKnowledge))),
        ActionKind.Ask => AnswerRef.Decode(value) is { Question: { } asked } topic && !string.IsNullOrWhiteSpace(asked)
            ? new AskInbound(asked, topic.SectionId)
            : null,
        ActionKind.Helpful or ActionKind.NotHelpful => FeedbackInbound.For(AnswerRef.Decode(value), kind == ActionKind.Helpful),
        ActionKind.Share => AnswerRef.Decode(value) is { IsAnswer: true } shared ? new ShareInbound(shared) : null,
        ActionKind.Onboarding => OnboardingInput.TryParseButtonValue(value, out _) ? new OnboardingActionInbound(value!) : null,
        _ => null,
    };

    /// <summary>A question for the experts: any answer reference (a declined question has no section) with a question in it.</summary>
    private static AnswerRef? Asked(string? value) => AnswerRef.Decode(value) is { } asked && !string.IsNullOrWhiteSpace(asked.Question) ? asked : null;

    private static string? Input(IReadOnlyDictionary<string, string>? inputs, string id) =>
        inputs is not null && inputs.TryGetValue(id, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

/// <summary>
/// Text the person typed (mention and markup already removed by the channel): a question, help, topics, small talk, or
/// onboarding (a trigger anywhere; anything while their onboarding is active in a direct conversation).
/// </summary>
public sealed record TextInbound(string Text) : ConversationInbound;

/// <summary>
/// A button that asks a question (related topic, example, suggestion). With <paramref name="SectionId"/> it names a
/// section (a topic), which is shown as it is; else, or when that section is gone, it is answered like a typed question.
/// </summary>
public sealed record AskInbound(string Question, string? SectionId = null) : ConversationInbound;

/// <summary>👍/👎 on an answer. One vote per answer and person; see <see cref="ConversationService"/>.</summary>
public sealed record FeedbackInbound(AnswerRef Answer, bool Helpful) : ConversationInbound
{
    /// <summary>The vote, or null when <paramref name="answer"/> is not about one of our answers (<see cref="AnswerRef.IsAnswer"/>).</summary>
    public static FeedbackInbound? For(AnswerRef? answer, bool helpful) => answer is { IsAnswer: true } ? new FeedbackInbound(answer, helpful) : null;
}

/// <summary>Show an answer to everyone in the conversation (Slack's "Share in channel").</summary>
public sealed record ShareInbound(AnswerRef Answer) : ConversationInbound;

/// <summary>An onboarding button; <paramref name="Value"/> is its <c>onboarding:…</c> value.</summary>
public sealed record OnboardingActionInbound(string Value) : ConversationInbound;

/// <summary>The bot was added to a conversation (Teams install): the welcome, once per conversation.</summary>
public sealed record WelcomeInbound : ConversationInbound;

/// <summary>
/// The person in the context just joined a team or workspace where the bot is installed: their onboarding starts when
/// <c>Onboarding:AutoStart</c> is on and they never had one (messages for their direct conversation).
/// </summary>
public sealed record MemberJoinedInbound : ConversationInbound;

/// <summary>"Ask an expert" was pressed on <paramref name="Question"/>: the confirmation form (with a line of context) comes back.</summary>
public sealed record AskExpertInbound(AnswerRef Question) : ConversationInbound;

/// <summary>The asker confirmed: a ticket is opened for <paramref name="Question"/> (one per asker and question while unanswered).</summary>
/// <param name="Context">The asker's optional line of context.</param>
public sealed record SendToExpertInbound(AnswerRef Question, string? Context) : ConversationInbound;

/// <summary>"Answer" on a ticket post, by the person in the context: the answer form (members of the experts' channel only).</summary>
public sealed record ExpertAnswerFormInbound(string TicketId) : ConversationInbound;

/// <summary>
/// "Assign to me" on a ticket post (members of the experts' channel only). <paramref name="ShownHolder"/> is who the post
/// showed holding the ticket (<see cref="ExpertRef.Key"/>), null when it showed it open: the claim is made from that state
/// only, so of two experts pressing at once one gets it and the other is told who has it; a press on a post that showed
/// someone else holding it takes the ticket over from them.
/// </summary>
public sealed record ExpertAssignInbound(string TicketId, string? ShownHolder = null) : ConversationInbound
{
    /// <summary>The button value for the ticket as it is now: its id, then who holds it, if anyone (ticket ids have no spaces).</summary>
    public static string ValueFor(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.AssignedTo is { } holder ? ticket.Id + " " + holder.Key : ticket.Id;
    }

    /// <summary>The press of a button made by <see cref="ValueFor"/> (a bare ticket id: a post that showed it open); null for an empty value.</summary>
    public static ExpertAssignInbound? FromValue(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new ExpertAssignInbound(trimmed) : new ExpertAssignInbound(trimmed[..space], trimmed[(space + 1)..]);
    }
}

/// <summary>An expert's answer through the form or card (members of the experts' channel only); delivered to the asker once.</summary>
public sealed record ExpertAnswerInbound(string TicketId, string Text, bool AddToKnowledge) : ConversationInbound;

/// <summary>
/// A reply in the thread of a post in the experts' channel (Slack: <c>thread_ts</c> is the post's ts; Teams: a reply that
/// mentions the bot): an answer when the post is a ticket's, from a member. The context's channel and
/// <paramref name="ConversationId"/> with <paramref name="PostMessageId"/> find the ticket. <paramref name="Kind"/> says
/// whether the channel read it as talk among the experts instead (<see cref="ExpertInputs.KindOf"/>).
/// </summary>
public sealed record ExpertReplyInbound(string ConversationId, string PostMessageId, string Text, ExpertReplyKind Kind = ExpertReplyKind.Answer)
    : ConversationInbound;

/// <summary>What an expert's thread reply is: an answer for the asker, or talk among the experts that stays in the thread.</summary>
public enum ExpertReplyKind
{
    Answer,

    /// <summary>It begins by addressing someone (<c>@Sam, do you know?</c>); its author, if an expert, is told it stayed.</summary>
    AddressedToSomeone,

    /// <summary>A reaction (<c>+1</c>, an emoji): it stays, silently.</summary>
    Reaction,
}

/// <summary>The person opened the chat (web): the expert answers waiting for them are delivered now, once.</summary>
public sealed record ChatOpenedInbound : ConversationInbound;
