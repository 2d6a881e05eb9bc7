using System.Text;
using System.Text.Json.Serialization;

namespace GuidelineBot.Core.Conversation;

/// <summary>How a run of text is marked up. Channels map it to their own syntax (mrkdwn, Adaptive Card Markdown, HTML).</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<SpanStyle>))]
public enum SpanStyle
{
    None = 0,

    /// <summary>Italic (a title, an example question).</summary>
    Emphasis = 1,

    /// <summary>Bold.</summary>
    Strong = 2,

    /// <summary>A word the person can type as it is (<c>resume</c>, <c>topics</c>, a slash command).</summary>
    Code = 4,
}

/// <summary>
/// A run of text with one style. <paramref name="Url"/> makes it a link (http/https only; channels must still escape
/// it); <paramref name="MentionUserId"/> makes it a mention of that person (channels that cannot mention show
/// <paramref name="Text"/>). The text is plain: never pre-escaped or pre-formatted for a channel.
/// </summary>
public sealed record Span(string Text, SpanStyle Style = SpanStyle.None, string? Url = null, string? MentionUserId = null)
{
    public static Span Plain(string text) => new(text);

    public static Span Emphasis(string text) => new(text, SpanStyle.Emphasis);

    public static Span Strong(string text) => new(text, SpanStyle.Strong);

    public static Span Code(string text) => new(text, SpanStyle.Code);

    /// <summary>A link when <paramref name="url"/> is an absolute http(s) URL, else plain text.</summary>
    public static Span Link(string text, string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new(text, Url: uri.AbsoluteUri)
            : new(text);

    public static Span Mention(string userId, string fallbackText) => new(fallbackText, MentionUserId: userId);
}

/// <summary>A line or paragraph of text as spans: structured, so every channel renders its own emphasis, links, mentions.</summary>
public sealed record RichText(IReadOnlyList<Span> Spans)
{
    public static RichText Empty { get; } = new([]);

    /// <summary>The text without any markup (notifications, logs, the CLI, accessibility text).</summary>
    [JsonIgnore]
    public string PlainText => Spans.Count == 1 ? Spans[0].Text : string.Concat(Spans.Select(s => s.Text));

    public static RichText Of(params Span[] spans) => new(spans);

    public static RichText Plain(string text) => new([new Span(text)]);

    public override string ToString() => PlainText;
}

/// <summary>Builds a <see cref="RichText"/> span by span (adjacent plain runs are merged).</summary>
public sealed class RichTextBuilder
{
    private readonly List<Span> _spans = [];
    private readonly StringBuilder _plain = new();

    public RichTextBuilder Plain(string text)
    {
        _plain.Append(text);
        return this;
    }

    public RichTextBuilder Add(Span span)
    {
        if (span.Style == SpanStyle.None && span.Url is null && span.MentionUserId is null)
        {
            return Plain(span.Text);
        }

        Flush();
        _spans.Add(span);
        return this;
    }

    public RichTextBuilder Emphasis(string text) => Add(Span.Emphasis(text));

    public RichTextBuilder Strong(string text) => Add(Span.Strong(text));

    public RichTextBuilder Code(string text) => Add(Span.Code(text));

    public RichText Build()
    {
        Flush();
        return new RichText(_spans.ToArray());
    }

    private void Flush()
    {
        if (_plain.Length > 0)
        {
            _spans.Add(new Span(_plain.ToString()));
            _plain.Clear();
        }
    }
}
