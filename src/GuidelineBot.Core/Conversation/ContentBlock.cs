using System.Text.Json.Serialization;

namespace GuidelineBot.Core.Conversation;

/// <summary>
/// One part of an outbound message's body, in reading order. A channel renders each kind once (Slack: Block Kit,
/// Teams: Adaptive Card elements, web: HTML/JSON) and so renders every message, including ones added later.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(ListBlock), "list")]
[JsonDerivedType(typeof(GuidelineTextBlock), "guidelineText")]
[JsonDerivedType(typeof(NoteBlock), "note")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
[JsonDerivedType(typeof(ToggleBlock), "toggle")]
public abstract record ContentBlock;

/// <summary>A title. Level 1 is the message's title (one at most, first); level 2 introduces a part (e.g. "Related topics").</summary>
public sealed record HeadingBlock(RichText Text, int Level = 1) : ContentBlock;

/// <summary>A paragraph of the bot's own words.</summary>
public sealed record ParagraphBlock(RichText Text) : ContentBlock;

/// <summary>A bulleted (or lettered/numbered, when <paramref name="Ordered"/>) list; items carry their own prefix if any.</summary>
public sealed record ListBlock(IReadOnlyList<RichText> Items, bool Ordered = false) : ContentBlock
{
    /// <summary>
    /// The items say what the buttons under them say (a check question's choices, for channels whose buttons show only
    /// their <see cref="OutboundAction.ShortLabel"/>): a channel whose buttons carry the whole label leaves the list out,
    /// so that neither the page nor a screen reader gives every choice twice.
    /// </summary>
    public bool RepeatsActions { get; init; }
}

/// <summary>
/// Guideline text quoted verbatim, one passage (a paragraph, or a bullet with its nested bullets) each. Plain text, never
/// marked up: channels escape it and keep its line breaks and "- " bullets.
/// </summary>
public sealed record GuidelineTextBlock(IReadOnlyList<string> Passages) : ContentBlock
{
    /// <summary>The passages as one text, separated by blank lines.</summary>
    [JsonIgnore]
    public string Text => string.Join("\n\n", Passages);
}

/// <summary>Small, secondary text: a citation, a progress line, a footer.</summary>
public sealed record NoteBlock(RichText Text) : ContentBlock;

/// <summary>A row of buttons, with an optional label above it ("Was this helpful?").</summary>
public sealed record ActionsBlock(IReadOnlyList<OutboundAction> Actions, RichText? Label = null) : ContentBlock
{
    /// <summary>Every button asks a question (examples, related topics, suggestions): channels may show the row as text.</summary>
    [JsonIgnore]
    public bool AsksQuestions => Actions.Count > 0 && Actions.All(a => a.Kind == ActionKind.Ask);

    /// <summary>
    /// Buttons with nothing to say as text ("Show the whole section": the note above them says what the text is):
    /// plain-text renderings leave the row out.
    /// </summary>
    [JsonIgnore]
    public bool OnlyButtons { get; init; }
}

/// <summary>
/// A text field of a form (<see cref="FormMessage"/>, or a ticket's answer box): channels send its value back under
/// <paramref name="Id"/> with the form's submit action (<see cref="ConversationInbound.FromAction"/>).
/// </summary>
/// <param name="Optional">May be left empty; otherwise channels that can require a field do.</param>
public sealed record InputBlock(string Id, RichText Label, string? Placeholder = null, bool Multiline = false, bool Optional = false,
    int MaxLength = 3000) : ContentBlock;

/// <summary>A tick box of a form; its value comes back as <c>"true"</c> or <c>"false"</c> under <paramref name="Id"/>.</summary>
public sealed record ToggleBlock(string Id, RichText Label) : ContentBlock;
