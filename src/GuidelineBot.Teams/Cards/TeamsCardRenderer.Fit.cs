using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Cards;

/// <summary>
/// Cards within Teams' size limit: Teams refuses a bot message over it (413 <c>MessageSizeTooBig</c>) and the person gets
/// nothing. The strictest documented limit is 40 KB for the whole activity, counted as UTF-16 (2 bytes a character), so
/// 20,000 characters of JSON; newer pages say 100 KB and to keep within 80 KB.
/// </summary>
internal static partial class TeamsCardRenderer
{
    /// <summary>
    /// The card's JSON (body, <c>fallbackText</c> and the rest), measured as the connector sends it
    /// (<see cref="TeamsWire"/>: non-ASCII text as itself): the 20,000 characters of the 40 KB limit less 2,000
    /// for the activity around it (addresses, ids, summary).
    /// </summary>
    internal const int MaxCardChars = 18_000;

    /// <summary>
    /// The characters of JSON the card's <c>fallbackText</c> (the message as plain text, for clients that show no card)
    /// takes of <see cref="MaxCardChars"/>: the start of the text, so the card does not carry all of it twice.
    /// </summary>
    internal const int MaxFallbackText = 2_000;

    /// <summary>
    /// The message's plain text within about <see cref="MaxFallbackText"/> characters of JSON (text that JSON escapes, like
    /// control characters and emoji, gets fewer), cut at a break and ending with an ellipsis when cut.
    /// </summary>
    private static string Fallback(string text)
    {
        var size = JsonValue.Create(text).ToJsonString(TeamsWire.Json.Options).Length;
        return size <= MaxFallbackText ? text : Cut(text, (int)((long)text.Length * MaxFallbackText / size) - 1) + "…";
    }

    /// <summary>
    /// The body <paramref name="excess"/> characters of JSON shorter, with a note (<see cref="MessageContent.Shortened"/>)
    /// after the part that was cut. The largest part is cut when that is enough (a long text: the buttons after it stay);
    /// otherwise (many parts, like the topics of a large knowledge base) the card is cut from its end, so it still starts
    /// as it did. A part loses its last element, or its one text is cut at a break, or it goes; fields, a form's submit and
    /// the buttons that end a card are never cut.
    /// </summary>
    private static IEnumerable<JsonObject> Fit(List<Part> parts, int excess)
    {
        var note = Elements(new NoteBlock(RichText.Plain(MessageContent.Shortened)), isForm: false).Single();
        excess += Part.Measure(note);
        var largest = parts.Where(p => !p.Kept).MaxBy(p => p.Size);
        var target = largest is not null && largest.Size > excess ? largest : null;
        Part? cut = null;
        while (excess > 0 && (target is { Elements.Count: > 0 } ? target : parts.LastOrDefault(p => p is { Kept: false, Elements.Count: > 0 })) is { } part)
        {
            excess -= part.Shorten(excess);
            cut = part;
        }

        cut?.Elements.Add(note);
        return parts.SelectMany(p => p.Elements);
    }

    /// <summary>
    /// Form fields and a form's submit, without which a card would not work, and the buttons that end a card (👍/👎, an
    /// onboarding step's choices, the expert offer), which its cut-from-the-end would take first: <see cref="Fit"/> never
    /// cuts them.
    /// </summary>
    private static bool IsKept(ContentBlock block, bool isForm, bool last) =>
        block is InputBlock or ToggleBlock || (block is ActionsBlock a && (last || (isForm && a.Actions.Any(x => CardActions.IsFormSubmit(x.Kind)))));

    /// <summary>
    /// A block of one text cut to about <paramref name="max"/> characters of text: guideline text at a break; Markdown by
    /// its spans (the last one kept cut at a break, a link kept whole or left out) or, for a list, by its items, so no
    /// link or emphasis is left half open. Null when nothing is left or the block is not one text.
    /// </summary>
    private static ContentBlock? Cut(ContentBlock block, int max) => block switch
    {
        HeadingBlock h => Cut(h.Text, max) is { } text ? h with { Text = text } : null,
        ParagraphBlock p => Cut(p.Text, max) is { } text ? p with { Text = text } : null,
        NoteBlock n => Cut(n.Text, max) is { } text ? n with { Text = text } : null,
        GuidelineTextBlock g => Cut(g.Text, max) is { Length: > 0 } text ? new GuidelineTextBlock([text]) : null,
        ListBlock { Ordered: false } l => Cut(l.Items, max) is { Count: > 0 } items ? l with { Items = items } : null,
        _ => null,
    };

    /// <summary>The characters of text a block shows (a list item with its line break), to which <see cref="Cut(ContentBlock, int)"/> cuts.</summary>
    private static int TextLength(ContentBlock block) => block switch
    {
        HeadingBlock h => h.Text.PlainText.Length,
        ParagraphBlock p => p.Text.PlainText.Length,
        NoteBlock n => n.Text.PlainText.Length,
        GuidelineTextBlock g => g.Text.Length,
        ListBlock l => l.Items.Sum(i => i.PlainText.Length + 1),
        _ => 0,
    };

    /// <summary>The first spans within <paramref name="max"/> characters, the one that does not fit cut at a break unless it is a link.</summary>
    private static RichText? Cut(RichText text, int max)
    {
        var spans = new List<Span>();
        foreach (var span in text.Spans)
        {
            if (span.Text.Length > max)
            {
                if (span.Url is null && Cut(span.Text, max) is { Length: > 0 } start)
                {
                    spans.Add(span with { Text = start });
                }

                break;
            }

            spans.Add(span);
            max -= span.Text.Length;
        }

        return spans.Count > 0 ? new RichText(spans) : null;
    }

    /// <summary>The first items within <paramref name="max"/> characters (each with its line break), or the first one cut.</summary>
    private static List<RichText> Cut(IReadOnlyList<RichText> items, int max)
    {
        var kept = new List<RichText>();
        foreach (var item in items)
        {
            if (item.PlainText.Length + 1 > max)
            {
                if (kept.Count == 0 && Cut(item, max) is { } start)
                {
                    kept.Add(start);
                }

                break;
            }

            kept.Add(item);
            max -= item.PlainText.Length + 1;
        }

        return kept;
    }

    /// <summary>
    /// The start of <paramref name="text"/> within <paramref name="max"/> characters: up to its last paragraph break, line
    /// break or space when that is past the first third, else cut there but never inside a surrogate pair.
    /// </summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= 0)
        {
            return "";
        }

        var window = text.AsSpan(0, max + 1);
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > max / 3)
            {
                return text[..at].TrimEnd();
            }
        }

        return text[..(char.IsLowSurrogate(text[max]) ? max - 1 : max)];
    }

    /// <summary>The card elements one content block gave, with their sizes in the body's JSON: what <see cref="Fit"/> shortens.</summary>
    private sealed class Part(ContentBlock block, List<JsonObject> elements, bool kept)
    {
        private readonly List<int> _sizes = elements.Select(Measure).ToList();

        private ContentBlock _block = block;

        public List<JsonObject> Elements { get; } = elements;

        /// <summary>See <see cref="IsKept"/>.</summary>
        public bool Kept { get; } = kept;

        public int Size => _sizes.Sum();

        /// <summary>An element's characters in the body's JSON, with the comma after it.</summary>
        public static int Measure(JsonObject element) => element.ToJsonString(TeamsWire.Json.Options).Length + 1;

        /// <summary>
        /// Its last element goes when it has several; its one text is cut (to its share of what must go) when it is a text,
        /// else it goes. Returns how many characters of JSON went.
        /// </summary>
        public int Shorten(int excess)
        {
            var before = Size;
            var keep = before - excess;
            if (Elements.Count == 1 && keep > 0 && Cut(_block, (int)((long)TextLength(_block) * keep / before)) is { } shorter
                && TeamsCardRenderer.Elements(shorter, isForm: false).Single() is var element && Measure(element) is var size && size < before)
            {
                _block = shorter;
                Elements[0] = element;
                _sizes[0] = size;
            }
            else
            {
                Elements.RemoveAt(Elements.Count - 1);
                _sizes.RemoveAt(_sizes.Count - 1);
            }

            return before - Size;
        }
    }
}
