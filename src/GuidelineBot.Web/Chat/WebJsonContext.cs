using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidelineBot.Web.Chat;

/// <summary>What the page posts when someone types.</summary>
internal sealed record ChatMessageRequest(string? Text);

/// <summary>
/// What the page posts when someone presses a button: the button's kind and value, as the server gave them; for a form's
/// submit button, <paramref name="Inputs"/> holds the form's field values by field id (a tick box as "true"/"false").
/// </summary>
internal sealed record ChatActionRequest(string? Kind, string? Value, Dictionary<string, string>? Inputs = null);

/// <summary>The bot's messages for one post, in order.</summary>
internal sealed record ChatResponse(IReadOnlyList<ChatMessage> Messages);

/// <summary>An error the page shows (429, 400, 413).</summary>
internal sealed record ChatError(string Error);

/// <summary>One bot message: its body in reading order.</summary>
/// <param name="Kind">
/// What it is (answer, noAnswer, help, topics, smallTalk, feedbackThanks, onboarding, notice, form, ticketOpened,
/// expertAnswer): a styling hint. A <c>form</c>'s fields are posted with its submit button.
/// </param>
internal sealed record ChatMessage(string Kind, IReadOnlyList<ChatBlock> Blocks);

/// <summary>
/// One part of a message, by <paramref name="Type"/>: <c>heading</c> (<see cref="Text"/>, <see cref="Level"/>),
/// <c>paragraph</c> and <c>note</c> (<see cref="Text"/>), <c>list</c> (<see cref="Items"/>, <see cref="Ordered"/>),
/// <c>guidelineText</c> (<see cref="Passages"/>, verbatim plain text), <c>actions</c> (<see cref="Buttons"/>, an
/// optional <see cref="Text"/> label), <c>input</c> (a text field: <see cref="Id"/>, <see cref="Text"/> as its label,
/// <see cref="Placeholder"/>, <see cref="Multiline"/>, <see cref="Optional"/>, <see cref="MaxLength"/>) and <c>toggle</c>
/// (a tick box: <see cref="Id"/>, <see cref="Text"/> as its label).
/// </summary>
internal sealed record ChatBlock(string Type)
{
    public IReadOnlyList<ChatSpan>? Text { get; init; }

    public int? Level { get; init; }

    public IReadOnlyList<IReadOnlyList<ChatSpan>>? Items { get; init; }

    public bool? Ordered { get; init; }

    public IReadOnlyList<string>? Passages { get; init; }

    public IReadOnlyList<ChatButton>? Buttons { get; init; }

    /// <summary>A form field's id: its value is posted under it in <see cref="ChatActionRequest.Inputs"/>.</summary>
    public string? Id { get; init; }

    public string? Placeholder { get; init; }

    public bool? Multiline { get; init; }

    public bool? Optional { get; init; }

    public int? MaxLength { get; init; }
}

/// <summary>A run of text; <paramref name="Href"/> makes it a link (http/https only).</summary>
internal sealed record ChatSpan(string Text, bool Strong = false, bool Emphasis = false, bool Code = false, string? Href = null);

/// <param name="Kind">ask, helpful, notHelpful, onboarding, askExpert or sendToExpert (a form's submit): posted back with <paramref name="Value"/> to <c>/chat/actions</c>.</param>
internal sealed record ChatButton(string Label, string Kind, string Value, bool Primary = false);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(ChatMessageRequest))]
[JsonSerializable(typeof(ChatActionRequest))]
[JsonSerializable(typeof(ChatResponse))]
[JsonSerializable(typeof(ChatError))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
