using System.Text;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Cards;

/// <summary>
/// The conversation core's messages as Adaptive Cards (schema 1.5, the newest Teams renders): a level-1 heading large
/// and bold, a level-2 heading bold above a separator, paragraphs and guideline text as wrapped text blocks, notes small
/// and subtle, buttons as Action.Submit whose <c>data</c> <see cref="CardActions.Read"/> reads back.
/// </summary>
internal static partial class TeamsCardRenderer
{
    public const string Version = "1.5";

    /// <summary>
    /// The card for a message, or null for one that is a line of text (small talk, a notice). A card over
    /// <see cref="MaxCardChars"/> is shortened to fit (<see cref="Fit"/>).
    /// </summary>
    /// <param name="extra">Blocks shown after the message's own (e.g. the "Ask an expert" offer under an answer voted 👎).</param>
    public static Attachment? Render(OutboundMessage message, IEnumerable<ContentBlock>? extra = null)
    {
        if (message is SmallTalkMessage or NoticeMessage)
        {
            return null;
        }

        var blocks = Blocks(message).Concat(extra ?? []).ToList();
        var isForm = blocks.Any(b => b is InputBlock or ToggleBlock);
        var elements = blocks.Select(block => Elements(block, isForm).ToList()).ToList();
        var body = new JsonArray(elements.SelectMany(e => e).ToArray<JsonNode?>());
        var card = Card(body, Fallback(MessageText.Render(message)));
        var excess = card.ToJsonString(TeamsWire.Json.Options).Length - MaxCardChars;
        if (excess > 0)
        {
            body.Clear();
            var parts = blocks.Select((block, i) => new Part(block, elements[i], IsKept(block, isForm, last: i == blocks.Count - 1))).ToList();
            foreach (var element in Fit(parts, excess))
            {
                body.Add(element);
            }
        }

        return new Attachment(Attachment.AdaptiveCard, card);
    }

    /// <summary>A block's card elements: one, except an ordered list (one per item) and a labelled or question row.</summary>
    private static IEnumerable<JsonObject> Elements(ContentBlock block, bool isForm)
    {
        switch (block)
        {
            case HeadingBlock { Level: 1 } h:
                yield return TextBlock(Markdown(h.Text), size: "Large", weight: "Bolder");
                break;
            case HeadingBlock h:
                yield return TextBlock(Markdown(h.Text), weight: "Bolder", separator: true);
                break;
            case ParagraphBlock p:
                yield return TextBlock(Markdown(p.Text));
                break;
            case ListBlock { Ordered: true } l:
                foreach (var item in l.Items)
                {
                    yield return TextBlock(Markdown(item));
                }

                break;
            case ListBlock l:
                yield return TextBlock(string.Join("\n", l.Items.Select(i => "- " + Markdown(i))));
                break;
            case GuidelineTextBlock g:
                yield return TextBlock(Literal(LinesApart(g.Text)));
                break;
            case NoteBlock n:
                var note = TextBlock(Markdown(n.Text), size: "Small");
                note["isSubtle"] = true;
                yield return note;
                break;
            case ActionsBlock a:
                if (a.Label is { } label)
                {
                    yield return TextBlock(Markdown(label), weight: "Bolder", separator: true);
                }

                if (!isForm && a.AsksQuestions)
                {
                    foreach (var action in a.Actions)
                    {
                        yield return Question(action);
                    }
                }
                else
                {
                    yield return ActionSet(a.Actions.Select(action => Submit(action, isForm)).ToArray());
                }

                break;
            case InputBlock i:
                yield return Input(i);
                break;
            case ToggleBlock t:
                yield return new JsonObject
                {
                    ["type"] = "Input.Toggle",
                    ["id"] = t.Id,
                    ["title"] = t.Label.PlainText,
                    ["valueOn"] = "true",
                    ["valueOff"] = "false",
                    ["value"] = "false",
                    ["wrap"] = true,
                };
                break;
        }
    }

    /// <summary>
    /// Spans as Adaptive Card Markdown: <c>**strong**</c>, <c>_emphasis_</c> (also for words to type), <c>[text](url)</c>.
    /// Only a span's own URL becomes a link: text (a guideline, a question someone typed) is <see cref="Literal"/>.
    /// </summary>
    public static string Markdown(RichText text)
    {
        var sb = new StringBuilder();
        foreach (var span in text.Spans)
        {
            if (span.Url is { } url)
            {
                // Brackets in the link's text are escaped, not broken: a broken one would end the text early.
                sb.Append('[').Append(span.Text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal))
                    .Append("](").Append(LinkTarget(url)).Append(')');
                continue;
            }

            var marker = (span.Style.HasFlag(SpanStyle.Strong) ? "**" : "") + (span.Style.HasFlag(SpanStyle.Emphasis) || span.Style.HasFlag(SpanStyle.Code) ? "_" : "");
            var core = span.Text.Trim();
            if (marker.Length == 0 || core.Length == 0)
            {
                sb.Append(Literal(span.Text));
                continue;
            }

            sb.Append(span.Text.AsSpan(0, span.Text.Length - span.Text.TrimStart().Length)).Append(marker).Append(Literal(core))
                .Append(new string(marker.Reverse().ToArray())).Append(span.Text.AsSpan(span.Text.TrimEnd().Length));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Guideline text with each line a paragraph of its own: Teams keeps a single line break only inside a Markdown list
    /// ("use \n\n elsewhere", Teams' card formatting), so a list's items and a bullet's nested items would run together.
    /// </summary>
    internal static string LinesApart(string text) => string.Join("\n\n", text.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Text that must not turn into a link: a word joiner (U+2060, invisible) after each <c>]</c> breaks every Markdown
    /// link form (<c>[a](b)</c>, <c>[a][b]</c>, <c>[b]: url</c>, images), where backslash escapes are not honoured by
    /// every Teams client. A bare URL stays visible as itself.
    /// </summary>
    internal static string Literal(string text) =>
        text.Contains(']', StringComparison.Ordinal) ? text.Replace("]", "]\u2060", StringComparison.Ordinal) : text;

    /// <summary>A link's target with the characters that end or nest a Markdown link (<c>( ) [ ] &lt; &gt;</c>, spaces) percent-encoded.</summary>
    internal static string LinkTarget(string url)
    {
        var sb = new StringBuilder(url.Length + 8);
        foreach (var c in url)
        {
            _ = c switch
            {
                '(' => sb.Append("%28"),
                ')' => sb.Append("%29"),
                '[' => sb.Append("%5B"),
                ']' => sb.Append("%5D"),
                '<' => sb.Append("%3C"),
                '>' => sb.Append("%3E"),
                ' ' => sb.Append("%20"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>
    /// The blocks a card shows: the message's content, except that a ticket in the experts' channel carries its answer
    /// form (answer box, "Add to knowledge", Submit) in place of the Answer button — Teams shows forms in the card.
    /// </summary>
    private static IEnumerable<ContentBlock> Blocks(OutboundMessage message)
    {
        if (message is not ExpertTicketMessage ticket)
        {
            return message.Content;
        }

        var form = ticket.AnswerForm;
        return ticket.Content.SelectMany(block => block is ActionsBlock a && a.Actions.Any(x => x.Kind == ActionKind.ExpertAnswer)
            ? form.Content.Where(b => b is InputBlock or ToggleBlock)
                .Append(a with { Actions = [form.Submit, .. a.Actions.Where(x => x.Kind != ActionKind.ExpertAnswer)] })
            : [block]);
    }

    /// <summary>A text field: its value comes back in the submit's data under its id; required unless optional.</summary>
    private static JsonObject Input(InputBlock input)
    {
        var field = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = input.Id,
            ["label"] = input.Label.PlainText,
            ["isMultiline"] = input.Multiline,
            ["maxLength"] = input.MaxLength,
            ["isRequired"] = !input.Optional,
        };
        if (input.Placeholder is { } placeholder)
        {
            field["placeholder"] = placeholder;
        }

        return field;
    }

    /// <summary>
    /// A button: its <c>data</c> says what it does (<see cref="CardActions"/>); onboarding choices show their short label.
    /// On a card with fields, only a form's submit sends them (and waits for the required ones): the other buttons
    /// (Assign to me) send none.
    /// </summary>
    private static JsonObject Submit(OutboundAction action, bool isForm)
    {
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = action.ShortLabel ?? action.Label, ["data"] = CardActions.Data(action) };
        if (action.Primary)
        {
            submit["style"] = "positive";
        }

        if (isForm)
        {
            submit["associatedInputs"] = CardActions.IsFormSubmit(action.Kind) ? "auto" : "none";
        }

        return submit;
    }

    /// <summary>
    /// A question to ask (an example, a related topic, a suggestion) as a row of link-coloured text that wraps, the whole
    /// row clickable: a button's title is cut at the card's width, and questions are long.
    /// </summary>
    private static JsonObject Question(OutboundAction action)
    {
        var text = TextBlock("› " + Markdown(RichText.Plain(action.Label)));
        text["color"] = "Accent";
        return new JsonObject
        {
            ["type"] = "Container",
            ["spacing"] = "Small",
            ["items"] = new JsonArray(text),
            ["selectAction"] = Submit(action, isForm: false),
        };
    }

    private static JsonObject ActionSet(JsonObject[] actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions.Cast<JsonNode?>().ToArray()) };

    private static JsonObject TextBlock(string text, string? size = null, string? weight = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        return block;
    }

    private static JsonObject Card(JsonArray body, string fallbackText) => new()
    {
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["type"] = "AdaptiveCard",
        ["version"] = Version,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = body,
        ["fallbackText"] = fallbackText,
    };
}
