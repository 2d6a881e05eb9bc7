using System.Text.Json;

namespace GuidelineBot.Teams.Cards;

/// <summary>The <c>data</c> of the cards' Action.Submit buttons, and reading it back from an activity's <c>value</c>.</summary>
internal static class CardActions
{
    public const string Feedback = "feedback";
    public const string Ask = "ask";
    public const string Onboarding = "onboarding";

    /// <summary>The <c>data</c> of an onboarding button: <c>{"action":"onboarding","value":"onboarding:next:d0.s3"}</c>.</summary>
    public static System.Text.Json.Nodes.JsonObject OnboardingData(string value) =>
        new() { ["action"] = Onboarding, ["value"] = value };

    /// <summary>What a submitted card asked for: a question to answer, 👍/👎 on an answer, or an onboarding step.</summary>
    public static CardSubmit? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return null;
        }

        var action = GetString(v, "action");
        var question = GetString(v, "question");
        if (string.Equals(action, Feedback, StringComparison.Ordinal))
        {
            var helpful = v.TryGetProperty("helpful", out var h) && (h.ValueKind == JsonValueKind.True ||
                                                                     (h.ValueKind == JsonValueKind.String && bool.TryParse(h.GetString(), out var b) && b));
            return new FeedbackSubmit(question ?? "", GetString(v, "sectionId"), helpful);
        }

        if (string.Equals(action, Ask, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(question))
        {
            return new AskSubmit(question);
        }

        if (string.Equals(action, Onboarding, StringComparison.Ordinal) && GetString(v, "value") is { Length: > 0 } step)
        {
            return new OnboardingSubmit(step);
        }

        return null;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}

internal abstract record CardSubmit;

internal sealed record FeedbackSubmit(string Question, string? SectionId, bool Helpful) : CardSubmit;

internal sealed record AskSubmit(string Question) : CardSubmit;

/// <summary>An onboarding button; <see cref="Value"/> goes through <c>OnboardingInput.TryParseButtonValue</c>.</summary>
internal sealed record OnboardingSubmit(string Value) : CardSubmit;
