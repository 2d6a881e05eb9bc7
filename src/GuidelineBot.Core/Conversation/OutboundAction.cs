using System.Text.Json.Serialization;

namespace GuidelineBot.Core.Conversation;

/// <summary>What pressing a button does; with the button's <see cref="OutboundAction.Value"/> it makes the inbound.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionKind>))]
public enum ActionKind
{
    /// <summary>Ask the question in <see cref="OutboundAction.Value"/> (a related topic, an example, a suggestion).</summary>
    Ask,

    /// <summary>👍 on the answer whose <see cref="AnswerRef"/> is encoded in the value.</summary>
    Helpful,

    /// <summary>👎 on the answer whose <see cref="AnswerRef"/> is encoded in the value.</summary>
    NotHelpful,

    /// <summary>Post the answer whose <see cref="AnswerRef"/> is encoded in the value for everyone in the conversation.</summary>
    Share,

    /// <summary>An onboarding step; the value is the engine's button value (<c>onboarding:…</c>).</summary>
    Onboarding,

    /// <summary>"Ask an expert" on a question the guidelines did not answer (or voted 👎): the value is its <see cref="AnswerRef"/>; shows the confirmation form.</summary>
    AskExpert,

    /// <summary>The confirmation form's submit: opens the ticket. Value: the <see cref="AnswerRef"/>; input: the context line.</summary>
    SendToExpert,

    /// <summary>"Answer" on a ticket post: the value is the ticket id; shows the answer form (Slack opens it as a modal).</summary>
    ExpertAnswer,

    /// <summary>"Assign to me" on a ticket post: the value is the ticket id.</summary>
    ExpertAssign,

    /// <summary>The answer form's submit: the value is the ticket id; inputs: the answer and "Add to knowledge".</summary>
    SubmitExpertAnswer,
}

/// <summary>
/// A button. Channels put <see cref="Kind"/> and <see cref="Value"/> on it (Slack: action id and value; Teams: the
/// submit data) and, when it is pressed, hand both back through <see cref="ConversationInbound.FromAction"/>.
/// </summary>
/// <param name="Label">The full label; channels with short buttons may cut it (the message body repeats what matters).</param>
/// <param name="Primary">Highlight it (Slack <c>primary</c>, Adaptive Card <c>positive</c>).</param>
/// <param name="ShortLabel">For channels whose buttons are short (a check question's letter): the message body says the rest.</param>
public sealed record OutboundAction(string Label, ActionKind Kind, string Value, bool Primary = false, string? ShortLabel = null);
