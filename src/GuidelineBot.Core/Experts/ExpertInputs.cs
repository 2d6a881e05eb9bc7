namespace GuidelineBot.Core.Experts;

/// <summary>
/// The ids of the fields of the experts' forms (<see cref="Conversation.InputBlock"/>, <see cref="Conversation.ToggleBlock"/>):
/// channels send the values back under these names, a toggle as <c>"true"</c> or <c>"false"</c>.
/// </summary>
public static class ExpertInputs
{
    /// <summary>The asker's optional line of context ("Ask an expert" form).</summary>
    public const string Context = "context";

    /// <summary>The expert's answer.</summary>
    public const string Answer = "answer";

    /// <summary>The expert's "Add to knowledge" tick.</summary>
    public const string AddToKnowledge = "addToKnowledge";

    public const int MaxContextLength = 300;

    public const int MaxAnswerLength = 3000;

    /// <summary>A toggle's value as channels send it: "true" (any case) is ticked.</summary>
    public static bool IsTicked(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
