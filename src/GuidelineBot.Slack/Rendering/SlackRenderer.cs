using System.Text;
using GuidelineBot.Core.Conversation;
using ButtonRow = GuidelineBot.Core.Conversation.ActionsBlock;
using FormField = GuidelineBot.Core.Conversation.InputBlock;

namespace GuidelineBot.Slack.Rendering;

/// <summary>
/// Renders the conversation core's messages as Block Kit within Slack's limits: a level-1 heading as a header block,
/// text as mrkdwn sections (split at 3000 characters), notes as context blocks, buttons as actions (labels ≤ 75
/// characters, values ≤ 2000), at most 50 blocks (the longest text is shortened, with a note). A labelled row of
/// "ask" buttons (an answer's related topics) is one context line: Slack threads stay quiet. Form fields are input
/// blocks; a <see cref="FormMessage"/> is shown as a modal (<see cref="Modal"/>).
/// </summary>
public static class SlackRenderer
{
    private const int MaxFallbackText = 3000;

    /// <summary>Slack's limit for a modal's title, submit and close labels.</summary>
    public const int MaxModalLabel = 24;

    /// <summary>The value of a ticked <see cref="ToggleBlock"/>'s checkbox.</summary>
    public const string ToggleValue = "true";

    private const int MaxInputLabel = 2000;
    private const int MaxPlaceholder = 150;

    public static IReadOnlyList<SlackMessage> Render(IEnumerable<OutboundMessage> messages) => messages.Select(m => Render(m)).ToList();

    /// <param name="share">Put <see cref="AnswerMessage.ShareAction"/> first among an answer's buttons (a private answer).</param>
    public static SlackMessage Render(OutboundMessage message, bool share = false)
    {
        var text = Mrkdwn.TruncateEscaped(Mrkdwn.Escape(MessageText.Render(message)), MaxFallbackText);
        return new SlackMessage(text.Length > 0 ? text : "GuidelineBot", Blocks(message.Content, share ? message : null));
    }

    /// <summary>The answer shown again after a vote, with the vote's "Ask an expert" offer under it (a 👎 when experts exist).</summary>
    public static SlackMessage Render(AnswerMessage answer, FeedbackThanksMessage thanks)
    {
        ArgumentNullException.ThrowIfNull(thanks);
        var rendered = Render(answer);
        var offer = thanks.Content.OfType<ButtonRow>().ToList();
        return offer.Count == 0 ? rendered : rendered with { Blocks = [.. rendered.Blocks, .. Blocks(offer, shareOn: null)] };
    }

    /// <summary>
    /// The form as a modal view: <see cref="FormMessage.Title"/> as its title, <see cref="FormMessage.Submit"/>'s label on
    /// its submit button (Slack's own "Cancel" closes it), the form's title heading and submit row left out; the submit's action id as the
    /// <c>callback_id</c> (which submit it is), <paramref name="privateMetadata"/> as given (at most 3000 characters).
    /// </summary>
    public static ModalView Modal(FormMessage form, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(form);
        var submit = form.Submit;
        var content = form.Content.Where(b => b is not HeadingBlock { Level: 1 } && !(b is ButtonRow row && row.Actions.Contains(submit)));
        return new ModalView(
            new PlainText(Mrkdwn.Truncate(form.Title, MaxModalLabel)),
            new PlainText(Mrkdwn.Truncate(submit.Label, MaxModalLabel)),
            Blocks(content, shareOn: null),
            ActionIds.For(submit.Kind, 0),
            privateMetadata);
    }

    /// <param name="shareOn">The message whose answer gets <see cref="AnswerMessage.ShareAction"/>, if any.</param>
    private static List<Block> Blocks(IEnumerable<ContentBlock> content, OutboundMessage? shareOn)
    {
        var parts = new List<List<Block>>();
        foreach (var block in content)
        {
            parts.Add(block switch
            {
                HeadingBlock { Level: 1 } h => [new HeaderBlock(new PlainText(Mrkdwn.Truncate(h.Text.PlainText, Mrkdwn.MaxHeaderText)))],
                HeadingBlock h => Sections("*" + Mrkdwn.Escape(h.Text.PlainText) + "*"),
                ParagraphBlock p => Sections(ToMrkdwn(p.Text)),
                ListBlock l => Sections(string.Join('\n', l.Items.Select(i => (l.Ordered ? "" : "• ") + ToMrkdwn(i)))),
                GuidelineTextBlock g => Sections(Mrkdwn.Escape(g.Text)),
                NoteBlock n => [new ContextBlock([new MrkdwnText(Note(n.Text))])],
                ButtonRow a => Actions(a, shareOn is AnswerMessage answer ? answer.ShareAction : null),
                FormField f => [Input(f)],
                ToggleBlock t => [Toggle(t)],
                _ => [],
            });
        }

        return Fit(parts);
    }

    /// <summary>
    /// A note (a citation, a hint) as one context element: as mrkdwn when it fits, else as its plain text cut to fit (a link
    /// to a very long URL would leave no room for its text).
    /// </summary>
    private static string Note(RichText text) => ToMrkdwn(text) is { Length: <= Mrkdwn.MaxSectionText } mrkdwn
        ? mrkdwn
        : Mrkdwn.TruncateEscaped(Mrkdwn.Escape(text.PlainText), Mrkdwn.MaxSectionText);

    /// <summary>Spans as mrkdwn: <c>*strong*</c>, <c>_emphasis_</c>, <c>`code`</c>, <c>&lt;url|text&gt;</c>, <c>&lt;@user&gt;</c>; the rest escaped.</summary>
    public static string ToMrkdwn(RichText text)
    {
        var sb = new StringBuilder();
        foreach (var span in text.Spans)
        {
            if (span.MentionUserId is { } user)
            {
                sb.Append("<@").Append(Mrkdwn.Escape(user)).Append('>');
                continue;
            }

            var escaped = Mrkdwn.Escape(span.Text);
            if (span.Url is { } url)
            {
                sb.Append('<').Append(Mrkdwn.Escape(url)).Append('|').Append(escaped.Replace('|', '¦')).Append('>');
                continue;
            }

            var (open, close) = Markers(span.Style);
            var core = escaped.Trim();
            if (core.Length == 0 || open.Length == 0)
            {
                sb.Append(escaped);
                continue;
            }

            // Markers must touch the text: keep surrounding spaces outside them.
            sb.Append(escaped.AsSpan(0, escaped.Length - escaped.TrimStart().Length)).Append(open).Append(core).Append(close)
                .Append(escaped.AsSpan(escaped.TrimEnd().Length));
        }

        return sb.ToString();
    }

    /// <summary>
    /// A button's text within Slack's 75 characters: its short label when it has one (a check question's letter: the message
    /// lists the choices in full), else the label, cut when longer (the message text has it in full).
    /// </summary>
    public static string ButtonLabel(OutboundAction action) => Mrkdwn.Truncate(action.ShortLabel ?? action.Label, Mrkdwn.MaxButtonText);

    private static (string Open, string Close) Markers(SpanStyle style)
    {
        if (style.HasFlag(SpanStyle.Code))
        {
            return ("`", "`");
        }

        var open = (style.HasFlag(SpanStyle.Strong) ? "*" : "") + (style.HasFlag(SpanStyle.Emphasis) ? "_" : "");
        return (open, new string(open.Reverse().ToArray()));
    }

    private static List<Block> Actions(ButtonRow block, OutboundAction? share)
    {
        if (block is { AsksQuestions: true, Label: { } label })
        {
            var line = Mrkdwn.Escape(label.PlainText.TrimEnd(':')) + ": " + string.Join(" · ", block.Actions.Select(a => Mrkdwn.Escape(a.Label)));
            return [new ContextBlock([new MrkdwnText(Mrkdwn.TruncateEscaped(line, Mrkdwn.MaxSectionText))])];
        }

        var actions = block.Actions;
        if (share is not null && actions.Any(a => a.Kind == ActionKind.Helpful))
        {
            actions = [share, .. actions];
        }

        var blockId = actions[0].Kind switch
        {
            ActionKind.Onboarding => "onboarding_actions",
            ActionKind.Ask => "ask_actions",
            ActionKind.AskExpert => "expert_offer",
            ActionKind.ExpertAnswer or ActionKind.ExpertAssign => "ticket_actions",
            _ => "answer_actions",
        };
        var blocks = new List<Block>();
        if (block.Label is { } prompt && actions.Any(a => a.Kind == ActionKind.AskExpert))
        {
            blocks.Add(new SectionBlock(new MrkdwnText(Mrkdwn.TruncateEscaped(ToMrkdwn(prompt), Mrkdwn.MaxSectionText))));
        }

        if (block.AsksQuestions && actions.Any(a => a.Label.Length > Mrkdwn.MaxButtonText))
        {
            // Questions longer than a button holds are listed whole above their buttons.
            blocks.Add(new SectionBlock(new MrkdwnText(Mrkdwn.TruncateEscaped(string.Join('\n', actions.Select(a => "• " + Mrkdwn.Escape(a.Label))), Mrkdwn.MaxSectionText))));
        }

        blocks.Add(new ActionsBlock(actions.Take(25).Select((a, i) => new ButtonElement(new PlainText(ButtonLabel(a)), ActionIds.For(a.Kind, i),
            Mrkdwn.Truncate(a.Value, Mrkdwn.MaxButtonValue), a.Primary ? "primary" : null)).ToList(), blockId));
        return blocks;
    }

    /// <summary>A text field: its id is both the block id and the action id (<c>view.state.values[id][id]</c>).</summary>
    private static InputBlock Input(FormField field) => new(
        field.Id,
        new PlainText(Mrkdwn.Truncate(field.Label.PlainText, MaxInputLabel)),
        new PlainTextInputElement(field.Id, field.Multiline, field.MaxLength > 0 ? field.MaxLength : null,
            field.Placeholder is { Length: > 0 } placeholder ? new PlainText(Mrkdwn.Truncate(placeholder, MaxPlaceholder)) : null),
        field.Optional);

    /// <summary>A tick box: one checkbox whose value is <c>"true"</c>; optional, since leaving it unticked is an answer too.</summary>
    private static InputBlock Toggle(ToggleBlock toggle) => new(
        toggle.Id,
        new PlainText(Mrkdwn.Truncate(toggle.Label.PlainText, MaxInputLabel)),
        new CheckboxesElement(toggle.Id, [new CheckboxOption(new PlainText(MessageContent.ToggleOnLabel), ToggleValue)]),
        Optional: true);

    /// <summary>A text's section blocks: one more than a message holds at most, so that <see cref="Fit"/> sees a text cut short.</summary>
    private static List<Block> Sections(string mrkdwn) =>
        Mrkdwn.Split(mrkdwn, maxChunks: Mrkdwn.MaxBlocks + 1).Select(chunk => (Block)new SectionBlock(new MrkdwnText(chunk))).ToList();

    /// <summary>
    /// Keeps the message within 50 blocks: the parts with the most blocks (long texts) lose their ends, the last of them
    /// first (many small parts, like the topics of many documents, are cut from the end, so the message still starts
    /// with its title), and a note says so.
    /// </summary>
    private static List<Block> Fit(List<List<Block>> parts)
    {
        List<Block>? cut = null;
        while (parts.Sum(p => p.Count) + (cut is null ? 0 : 1) > Mrkdwn.MaxBlocks)
        {
            var most = parts.Max(p => p.Count);
            cut = parts.Last(p => p.Count == most);
            cut.RemoveAt(cut.Count - 1);
        }

        cut?.Add(new SectionBlock(new MrkdwnText("_" + Mrkdwn.Escape(MessageContent.Shortened) + "_")));
        return parts.SelectMany(p => p).ToList();
    }
}
