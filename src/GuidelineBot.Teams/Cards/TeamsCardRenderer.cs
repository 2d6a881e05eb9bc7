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
internal static class TeamsCardRenderer
{
    public const string Version = "1.5";

    /// <summary>The card for a message, or null for one that is a line of text (small talk, a notice).</summary>
    public static Attachment? Render(OutboundMessage message)
    {
        if (message is SmallTalkMessage or NoticeMessage)
        {
            return null;
        }

        var body = new JsonArray();
        foreach (var block in message.Content)
        {
            switch (block)
            {
                case HeadingBlock { Level: 1 } h:
                    body.Add(TextBlock(Markdown(h.Text), size: "Large", weight: "Bolder"));
                    break;
                case HeadingBlock h:
                    body.Add(TextBlock(Markdown(h.Text), weight: "Bolder", separator: true));
                    break;
                case ParagraphBlock p:
                    body.Add(TextBlock(Markdown(p.Text)));
                    break;
                case ListBlock { Ordered: true } l:
                    foreach (var item in l.Items)
                    {
                        body.Add(TextBlock(Markdown(item)));
                    }

                    break;
                case ListBlock l:
                    body.Add(TextBlock(string.Join("\n", l.Items.Select(i => "- " + Markdown(i)))));
                    break;
                case GuidelineTextBlock g:
                    body.Add(TextBlock(g.Text));
                    break;
                case NoteBlock n:
                    var note = TextBlock(Markdown(n.Text), size: "Small");
                    note["isSubtle"] = true;
                    body.Add(note);
                    break;
                case ActionsBlock a:
                    if (a.Label is { } label)
                    {
                        body.Add(TextBlock(Markdown(label), weight: "Bolder", separator: true));
                    }

                    body.Add(ActionSet(a.Actions.Select(Submit).ToArray()));
                    break;
            }
        }

        return Card(body, MessageText.Render(message));
    }

    /// <summary>Spans as Adaptive Card Markdown: <c>**strong**</c>, <c>_emphasis_</c> (also for words to type), <c>[text](url)</c>.</summary>
    public static string Markdown(RichText text)
    {
        var sb = new StringBuilder();
        foreach (var span in text.Spans)
        {
            if (span.Url is { } url)
            {
                sb.Append('[').Append(span.Text.Replace("]", "\\]", StringComparison.Ordinal)).Append("](").Append(url).Append(')');
                continue;
            }

            var marker = (span.Style.HasFlag(SpanStyle.Strong) ? "**" : "") + (span.Style.HasFlag(SpanStyle.Emphasis) || span.Style.HasFlag(SpanStyle.Code) ? "_" : "");
            var core = span.Text.Trim();
            if (marker.Length == 0 || core.Length == 0)
            {
                sb.Append(span.Text);
                continue;
            }

            sb.Append(span.Text.AsSpan(0, span.Text.Length - span.Text.TrimStart().Length)).Append(marker).Append(core)
                .Append(new string(marker.Reverse().ToArray())).Append(span.Text.AsSpan(span.Text.TrimEnd().Length));
        }

        return sb.ToString();
    }

    /// <summary>A button: its <c>data</c> says what it does (<see cref="CardActions"/>); onboarding choices show their short label.</summary>
    private static JsonObject Submit(OutboundAction action)
    {
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = action.ShortLabel ?? action.Label, ["data"] = CardActions.Data(action) };
        if (action.Primary)
        {
            submit["style"] = "positive";
        }

        return submit;
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

    private static Attachment Card(JsonArray body, string fallbackText) => new(Attachment.AdaptiveCard, new JsonObject
    {
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["type"] = "AdaptiveCard",
        ["version"] = Version,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = body,
        ["fallbackText"] = fallbackText,
    });
}
