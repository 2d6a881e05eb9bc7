using System.Text.Json.Serialization;

namespace GuidelineBot.Slack.Rendering;

// The few Block Kit shapes GuidelineBot sends. Serialised with SlackJsonContext (snake_case, nulls omitted).

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
public abstract record Block;

public sealed record HeaderBlock(PlainText Text) : Block;

public sealed record SectionBlock(TextObject Text) : Block;

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements, string? BlockId = null) : Block;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
[JsonDerivedType(typeof(MrkdwnText), "mrkdwn")]
public abstract record TextObject(string Text);

public sealed record PlainText(string Text, bool Emoji = true) : TextObject(Text);

public sealed record MrkdwnText(string Text) : TextObject(Text);

/// <param name="Style">null, "primary" or "danger".</param>
public sealed record ButtonElement(PlainText Text, string ActionId, string Value, string? Style = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "button";
}

/// <summary>A rendered message: fallback/notification text plus blocks.</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks);
