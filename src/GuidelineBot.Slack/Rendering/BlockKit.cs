using System.Text.Json.Serialization;

namespace GuidelineBot.Slack.Rendering;

// The few Block Kit shapes GuidelineBot sends. Serialised with SlackJsonContext (snake_case, nulls omitted).

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
public abstract record Block;

public sealed record HeaderBlock(PlainText Text) : Block;

public sealed record SectionBlock(TextObject Text) : Block;

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements, string? BlockId = null) : Block;

/// <summary>A form field (modals): its value comes back in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock(string BlockId, PlainText Label, InputElement Element, bool Optional = false) : Block;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(CheckboxesElement), "checkboxes")]
public abstract record InputElement(string ActionId);

public sealed record PlainTextInputElement(string ActionId, bool Multiline = false, int? MaxLength = null, PlainText? Placeholder = null)
    : InputElement(ActionId);

public sealed record CheckboxesElement(string ActionId, IReadOnlyList<CheckboxOption> Options) : InputElement(ActionId);

public sealed record CheckboxOption(TextObject Text, string Value);

/// <summary>
/// A text object. Its <c>type</c> is a property, not a polymorphic discriminator: System.Text.Json writes a
/// discriminator only where the declared type is the base, and most fields are declared <see cref="PlainText"/>
/// (headers, buttons, labels), which Slack refuses without a <c>type</c> (<c>invalid_blocks</c>).
/// </summary>
public abstract record TextObject(string Text)
{
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }
}

/// <remarks>Declared as <see cref="TextObject"/> (a section, a context element) it is written without <c>emoji</c>, which Slack then defaults.</remarks>
public sealed record PlainText(string Text, bool Emoji = true) : TextObject(Text)
{
    public override string Type => "plain_text";
}

public sealed record MrkdwnText(string Text) : TextObject(Text)
{
    public override string Type => "mrkdwn";
}

/// <param name="Style">null, "primary" or "danger".</param>
public sealed record ButtonElement(PlainText Text, string ActionId, string Value, string? Style = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "button";
}

/// <summary>
/// A modal (<c>views.open</c>): <paramref name="Title"/> and <paramref name="Submit"/> at most 24 characters (the close
/// button is Slack's "Cancel"); <paramref name="PrivateMetadata"/> at most 3000, handed back with the <c>view_submission</c>.
/// </summary>
public sealed record ModalView(PlainText Title, PlainText Submit, IReadOnlyList<Block> Blocks, string CallbackId, string PrivateMetadata)
{
    [JsonPropertyOrder(-1)]
    public string Type => "modal";
}

/// <summary>A rendered message: fallback/notification text plus blocks.</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks);
