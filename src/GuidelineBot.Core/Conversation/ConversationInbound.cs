using System.Text.Json.Serialization;
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
public abstract record ConversationInbound
{
    /// <summary>The inbound for a pressed <see cref="OutboundAction"/>: its kind and value as the channel got them back.</summary>
    /// <returns>Null when the value cannot be read (an empty question or answer reference, an unknown onboarding step).</returns>
    public static ConversationInbound? FromAction(ActionKind kind, string? value) => kind switch
    {
        ActionKind.Ask => string.IsNullOrWhiteSpace(value) ? null : new AskInbound(value),
        ActionKind.Helpful or ActionKind.NotHelpful => AnswerRef.Decode(value) is { } answer ? new FeedbackInbound(answer, kind == ActionKind.Helpful) : null,
        ActionKind.Share => AnswerRef.Decode(value) is { } shared ? new ShareInbound(shared) : null,
        ActionKind.Onboarding => OnboardingInput.TryParseButtonValue(value, out _) ? new OnboardingActionInbound(value!) : null,
        _ => null,
    };
}

/// <summary>
/// Text the person typed (mention and markup already removed by the channel): a question, help, topics, small talk, or
/// onboarding (a trigger anywhere; anything while their onboarding is active in a direct conversation).
/// </summary>
public sealed record TextInbound(string Text) : ConversationInbound;

/// <summary>A button that asks a question (related topic, example, suggestion): answered like a typed question.</summary>
public sealed record AskInbound(string Question) : ConversationInbound;

/// <summary>👍/👎 on an answer. One vote per answer and person; see <see cref="ConversationService"/>.</summary>
public sealed record FeedbackInbound(AnswerRef Answer, bool Helpful) : ConversationInbound;

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
