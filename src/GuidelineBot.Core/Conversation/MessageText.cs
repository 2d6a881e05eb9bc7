using System.Text;

namespace GuidelineBot.Core.Conversation;

/// <summary>
/// Content as plain text: for the command line, as the notification/accessibility text of rich messages, and the one-line
/// summary. Buttons that ask a question appear as a "Label: a · b" line, or without a label as a list of their questions;
/// other buttons are not text, nor are rows of <see cref="ActionsBlock.OnlyButtons"/> ("Show the whole section").
/// </summary>
public static class MessageText
{
    public const int MaxSummaryLength = 150;

    public static string Render(OutboundMessage message) => Render(message.Content);

    public static string Render(IEnumerable<ContentBlock> content)
    {
        var sb = new StringBuilder();
        foreach (var block in content)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.AppendLine(h.Text.PlainText).AppendLine();
                    break;
                case ParagraphBlock p:
                    sb.AppendLine(p.Text.PlainText).AppendLine();
                    break;
                case NoteBlock n:
                    sb.AppendLine(n.Text.PlainText).AppendLine();
                    break;
                case GuidelineTextBlock g:
                    sb.AppendLine(g.Text).AppendLine();
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        sb.Append(l.Ordered ? "  " : "  • ").AppendLine(item.PlainText);
                    }

                    sb.AppendLine();
                    break;
                case ActionsBlock { AsksQuestions: true, OnlyButtons: false, Label: not null } a:
                    sb.Append(a.Label.PlainText.TrimEnd(':')).Append(": ").AppendLine(string.Join(" · ", a.Actions.Select(x => x.Label))).AppendLine();
                    break;
                case ActionsBlock { AsksQuestions: true, OnlyButtons: false } a:
                    foreach (var action in a.Actions)
                    {
                        sb.Append("  • ").AppendLine(action.Label);
                    }

                    sb.AppendLine();
                    break;
            }
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The first heading or paragraph, and the start of what follows, on one line.</summary>
    public static string Summary(IEnumerable<ContentBlock> content)
    {
        var texts = content.Select(b => b switch
        {
            HeadingBlock h => h.Text.PlainText,
            ParagraphBlock p => p.Text.PlainText,
            GuidelineTextBlock g => g.Text,
            _ => null,
        }).OfType<string>().Take(2).ToArray();
        return texts.Length switch
        {
            0 => "GuidelineBot",
            1 => Summary(texts[0], null),
            _ => Summary(texts[0], texts[1]),
        };
    }

    /// <summary>"Title — start of the text…" on one line, at most <see cref="MaxSummaryLength"/> characters.</summary>
    public static string Summary(string title, string? text)
    {
        var line = OneLine(text is null ? title : title + " — " + text);
        return line.Length <= MaxSummaryLength ? line : Cut(line, MaxSummaryLength, atWord: false);
    }

    /// <summary>
    /// <paramref name="text"/> in at most <paramref name="max"/> characters: whole when it fits, else cut at the last
    /// word boundary that leaves room for the "…" that marks the cut (inside a word only when the text has no boundary in
    /// its second half), never between the halves of a surrogate pair.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        return text.Length <= max ? text : Cut(text, max, atWord: true);
    }

    /// <summary>
    /// <paramref name="text"/>, longer than <paramref name="max"/>, cut to end with "…" within it: at the last word boundary
    /// in its second half when <paramref name="atWord"/>, else (or without one) at the character, never between the halves
    /// of a surrogate pair.
    /// </summary>
    private static string Cut(string text, int max, bool atWord)
    {
        var cut = max - 1;
        var space = atWord ? text.LastIndexOfAny([' ', '\t', '\n', '\r'], cut) : -1;
        if (space > max / 2)
        {
            cut = space;
        }
        else if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
