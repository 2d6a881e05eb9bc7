using System.Text.RegularExpressions;
using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Core.Experts;

/// <summary>
/// The ids of the fields of the experts' forms (<see cref="Conversation.InputBlock"/>, <see cref="Conversation.ToggleBlock"/>):
/// channels send the values back under these names, a toggle as <c>"true"</c> or <c>"false"</c>.
/// </summary>
public static partial class ExpertInputs
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

    /// <summary>
    /// Whether a text has words: a letter or a digit. An answer of marks alone (<c>###</c>, <c>...</c>, <c>--&gt;</c>)
    /// tells the asker nothing and is refused like an empty one; nor does such a question or answer become knowledge.
    /// </summary>
    public static bool HasWords(string? text) => text is not null && text.Any(char.IsLetterOrDigit);

    /// <summary>
    /// What an expert's reply in a ticket's thread is: talk among the experts when it begins by addressing someone
    /// (<see cref="AddressesSomeone"/>) or is a reaction (<see cref="IsReaction"/>), else an answer for the asker. An empty
    /// reply (a file alone) is an answer, refused as one without words. Talk stays in the thread; the ticket's post says so.
    /// </summary>
    public static ExpertReplyKind KindOf(string text) =>
        AddressesSomeone(text) ? ExpertReplyKind.AddressedToSomeone : IsReaction(text) ? ExpertReplyKind.Reaction : ExpertReplyKind.Answer;

    /// <summary>
    /// The reply begins by addressing someone (<c>@Sam, do you know?</c>, <c>@here</c>), also in bold, italics, a quote or
    /// after an invisible space a paste left.
    /// </summary>
    private static bool AddressesSomeone(string text) => text.TrimStart(LeadingMarks).StartsWith('@');

    /// <summary>What may stand before the mention a reply begins with: white space, emphasis and quote marks, zero-width spaces.</summary>
    private static readonly char[] LeadingMarks = [' ', '\t', '\r', '\n', '*', '_', '~', '>', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

    /// <summary>
    /// Every word of the reply is a vote or a mark: <c>+1</c>, <c>-1!</c>, <c>+100</c>, <c>👍 +1</c>, an emoji, <c>...</c>;
    /// a number alone (<c>10</c>, <c>$25</c>) is an answer.
    /// </summary>
    private static bool IsReaction(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words && words.All(w => ReactionWord().IsMatch(w));

    [GeneratedRegex(@"^(?:[+\-\u2212]\d+)?[^\p{L}\p{N}]*$")]
    private static partial Regex ReactionWord();
}
