using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidelineBot.Web.Chat;

/// <summary>What the page posts when someone types.</summary>
internal sealed record ChatMessageRequest(string? Text);

/// <summary>What the page posts when someone presses a button: the button's value, as the server gave it.</summary>
internal sealed record ChatActionRequest(string? Value);

/// <summary>The bot's messages for one post, in order.</summary>
internal sealed record ChatResponse(IReadOnlyList<ChatMessage> Messages);

/// <summary>An error the page shows (429, 400).</summary>
internal sealed record ChatError(string Error);

/// <summary>One bot message: blocks of structured text, an optional citation, buttons.</summary>
/// <param name="Kind">A styling hint: answer, no-answer, onboarding, notice, …</param>
internal sealed record ChatMessage(string Kind, IReadOnlyList<ChatBlock> Blocks, ChatLink? Citation, IReadOnlyList<ChatButtonGroup> Buttons);

/// <param name="Kind">heading, paragraph, bullet, quote or note.</param>
/// <param name="Depth">Nesting of a bullet (0 = top level).</param>
internal sealed record ChatBlock(string Kind, IReadOnlyList<ChatSpan> Spans, int Depth = 0);

/// <param name="Href">A link target (http/https only), or null.</param>
internal sealed record ChatSpan(string Text, bool Strong = false, bool Emphasis = false, string? Href = null);

/// <param name="Href">The document's <c>source</c> URL, or null.</param>
internal sealed record ChatLink(string Text, string? Href);

/// <summary>Buttons shown together, with a label for screen readers (e.g. "Related topics", "Was this helpful?").</summary>
internal sealed record ChatButtonGroup(string Label, string Kind, IReadOnlyList<ChatButton> Buttons);

/// <param name="Value">Posted back to <c>/chat/actions</c>.</param>
internal sealed record ChatButton(string Label, string Value, bool Primary = false);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatMessageRequest))]
[JsonSerializable(typeof(ChatActionRequest))]
[JsonSerializable(typeof(ChatResponse))]
[JsonSerializable(typeof(ChatError))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
