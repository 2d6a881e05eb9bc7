using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Teams.Cards;

/// <summary>
/// The <c>data</c> of the cards' Action.Submit buttons, and reading it back from an activity's <c>value</c> as the
/// conversation core's inbound: <c>{"action":"ask","question":…}</c>, <c>{"action":"feedback","helpful":…,"question":…,
/// "sectionId":…,"questionId":…}</c>, <c>{"action":"onboarding","value":"onboarding:next:d0.s3"}</c>.
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
        },
        ActionKind.Onboarding => new JsonObject { ["action"] = ActionIds.Onboarding, ["value"] = action.Value },
        // A messageBack shows the question in the chat and sends it back as text and value.
        _ => new JsonObject
        {
            ["action"] = ActionIds.Ask,
            ["question"] = action.Value,
            ["msteams"] = new JsonObject
            {
                ["type"] = "messageBack",
                ["text"] = action.Value,
                ["displayText"] = action.Value,
                ["value"] = new JsonObject { ["action"] = ActionIds.Ask, ["question"] = action.Value },
            },
        },
    };

    /// <summary>What a submitted card asked for, or null when the value is not one of our buttons.</summary>
    public static ConversationInbound? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return null;
        }

        var action = GetString(v, "action");
        var question = GetString(v, "question");
        if (string.Equals(action, ActionIds.Feedback, StringComparison.Ordinal))
        {
            var helpful = v.TryGetProperty("helpful", out var h) && (h.ValueKind == JsonValueKind.True ||
                                                                     (h.ValueKind == JsonValueKind.String && bool.TryParse(h.GetString(), out var b) && b));
            return new FeedbackInbound(new AnswerRef(GetString(v, "questionId"), GetString(v, "sectionId"), question ?? ""), helpful);
        }

        if (string.Equals(action, ActionIds.Ask, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(question))
        {
            return new AskInbound(question);
        }

        return string.Equals(action, ActionIds.Onboarding, StringComparison.Ordinal) && GetString(v, "value") is { Length: > 0 } step
            ? new OnboardingActionInbound(step)
            : null;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
