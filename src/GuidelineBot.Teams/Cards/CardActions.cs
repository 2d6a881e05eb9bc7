using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Teams.Cards;

/// <summary>
/// The <c>data</c> of the cards' Action.Submit buttons, and reading it back from an activity's <c>value</c> as the
/// conversation core's inbound: <c>{"action":"ask","question":…}</c> (a topic's also <c>"sectionId":…</c>), <c>{"action":"feedback","helpful":…,"question":…,
/// "sectionId":…,"questionId":…,"sectionCheck":…}</c>, <c>{"action":"onboarding","value":"onboarding:next:9f2c41d0.s3"}</c>; "Ask an expert" and the
/// experts' buttons <c>{"action":"ask_expert"|"send_to_expert"|"expert_assign"|"expert_submit"|…,"value":…}</c>, a form's
/// field values merged in by Teams under their ids.
/// </summary>
internal static class CardActions
{
    public static JsonObject Data(OutboundAction action) => action.Kind switch
    {
        ActionKind.Helpful or ActionKind.NotHelpful when AnswerRef.Decode(action.Value) is { } answer => new JsonObject
        {
            ["action"] = ActionIds.Feedback,
            ["helpful"] = action.Kind == ActionKind.Helpful,
            ["question"] = answer.Question,
            ["sectionId"] = answer.SectionId,
            ["questionId"] = answer.QuestionId,
            ["sectionCheck"] = answer.SectionCheck,
        },
        ActionKind.Onboarding => new JsonObject { ["action"] = ActionIds.Onboarding, ["value"] = action.Value },
        _ when IsExpert(action.Kind) => new JsonObject { ["action"] = ActionIds.For(action.Kind, 0), ["value"] = action.Value },
        // A messageBack shows the question in the chat and sends it back as text and value; a topic's button also
        // carries its section.
        _ => Ask(AnswerRef.Decode(action.Value) ?? new AnswerRef(null, null, action.Value), action.Label),
    };

    /// <param name="label">What the chat shows the person said: the button's own words ("Who do I ask? (Staff Parking Rules)",
    /// "Show the whole section"), not the bare heading it sends.</param>
    private static JsonObject Ask(AnswerRef topic, string label)
    {
        var value = new JsonObject { ["action"] = ActionIds.Ask, ["question"] = topic.Question };
        if (topic.SectionId is { } sectionId)
        {
            value["sectionId"] = sectionId;
        }

        var data = (JsonObject)value.DeepClone();
        data["msteams"] = new JsonObject
        {
            ["type"] = "messageBack",
            ["text"] = topic.Question,
            ["displayText"] = label,
            ["value"] = value,
        };
        return data;
    }

    /// <summary>What a submitted card asked for, or null when the value is not one of our buttons.</summary>
    public static ConversationInbound? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return null;
        }

        var action = GetString(v, "action");
        if (action is not null && ActionIds.Kind(action) is { } kind && IsExpert(kind))
        {
            return ConversationInbound.FromAction(kind, GetString(v, "value"), Inputs(v));
        }

        var question = GetString(v, "question");
        if (string.Equals(action, ActionIds.Feedback, StringComparison.Ordinal))
        {
            var helpful = v.TryGetProperty("helpful", out var h) && (h.ValueKind == JsonValueKind.True ||
                                                                     (h.ValueKind == JsonValueKind.String && bool.TryParse(h.GetString(), out var b) && b));
            return FeedbackInbound.For(new AnswerRef(GetString(v, "questionId"), GetString(v, "sectionId"), question ?? "")
            {
                SectionCheck = GetString(v, "sectionCheck"),
            }, helpful);
        }

        if (string.Equals(action, ActionIds.Ask, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(question))
        {
            return new AskInbound(question, GetString(v, "sectionId") is { Length: > 0 } sectionId ? sectionId : null);
        }

        return string.Equals(action, ActionIds.Onboarding, StringComparison.Ordinal) && GetString(v, "value") is { Length: > 0 } step
            ? new OnboardingActionInbound(step)
            : null;
    }

    /// <summary>A form's submit: it sends the card's fields (a form's, or a ticket's answer box).</summary>
    public static bool IsFormSubmit(ActionKind kind) => kind is ActionKind.SendToExpert or ActionKind.SubmitExpertAnswer;

    private static bool IsExpert(ActionKind kind) =>
        kind is ActionKind.AskExpert or ActionKind.SendToExpert or ActionKind.ExpertAnswer or ActionKind.ExpertAssign or ActionKind.SubmitExpertAnswer;

    /// <summary>The card's field values Teams merged into the submit's data: every string beside our own keys.</summary>
    private static Dictionary<string, string> Inputs(JsonElement value)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is not ("action" or "value" or "msteams") && property.Value.ValueKind == JsonValueKind.String)
            {
                inputs[property.Name] = property.Value.GetString()!;
            }
        }

        return inputs;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
