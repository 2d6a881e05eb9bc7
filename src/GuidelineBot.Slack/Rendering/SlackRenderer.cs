using System.Text;
using GuidelineBot.Core.Conversation;
using ButtonRow = GuidelineBot.Core.Conversation.ActionsBlock;

namespace GuidelineBot.Slack.Rendering;

/// <summary>
/// Renders the conversation core's messages as Block Kit within Slack's limits: a level-1 heading as a header block,
/// text as mrkdwn sections (split at 3000 characters), notes as context blocks, buttons as actions (labels ≤ 75
/// characters, values ≤ 2000), at most 50 blocks (the longest text is shortened, with a note). A labelled row of
/// "ask" buttons (an answer's related topics) is one context line: Slack threads stay quiet.
/// </summary>
public static class SlackRenderer
{
    private const int MaxFallbackText = 3000;

    public static IReadOnlyList<SlackMessage> Render(IEnumerable<OutboundMessage> messages) => messages.Select(m => Render(m)).ToList();

    /// <param name="share">Put <see cref="AnswerMessage.ShareAction"/> first among an answer's buttons (a private answer).</param>
    public static SlackMessage Render(OutboundMessage message, bool share = false)
    {
        var parts = new List<List<Block>>();
        foreach (var block in message.Content)
        {
            parts.Add(block switch
            {
                HeadingBlock { Level: 1 } h => [new HeaderBlock(new PlainText(Mrkdwn.Truncate(h.Text.PlainText, Mrkdwn.MaxHeaderText)))],
                HeadingBlock h => Sections("*" + Mrkdwn.Escape(h.Text.PlainText) + "*"),
                ParagraphBlock p => Sections(ToMrkdwn(p.Text)),
                ListBlock l => Sections(string.Join('\n', l.Items.Select(i => (l.Ordered ? "" : "• ") + ToMrkdwn(i)))),
                GuidelineTextBlock g => Sections(Mrkdwn.Escape(g.Text)),
                NoteBlock n => [new ContextBlock([new MrkdwnText(Mrkdwn.Truncate(ToMrkdwn(n.Text), Mrkdwn.MaxSectionText))])],
                ButtonRow a => Actions(a, share && message is AnswerMessage answer ? answer.ShareAction : null),
                _ => [],
            });
        }

        var text = Mrkdwn.Truncate(Mrkdwn.Escape(MessageText.Render(message)), MaxFallbackText);
        return new SlackMessage(text.Length > 0 ? text : "GuidelineBot", Fit(parts));
    }

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

    /// <summary>A button's text within Slack's 75 characters: the label, cut when longer (the message text has it in full).</summary>
    public static string ButtonLabel(OutboundAction action) => Mrkdwn.Truncate(action.Label, Mrkdwn.MaxButtonText);

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
        if (block.Label is { } label && block.Actions.All(a => a.Kind == ActionKind.Ask))
        {
            var line = Mrkdwn.Escape(label.PlainText.TrimEnd(':')) + ": " + string.Join(" · ", block.Actions.Select(a => Mrkdwn.Escape(a.Label)));
            return [new ContextBlock([new MrkdwnText(Mrkdwn.Truncate(line, Mrkdwn.MaxSectionText))])];
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
            _ => "answer_actions",
        };
        return
        [
            new ActionsBlock(actions.Take(25).Select((a, i) => new ButtonElement(new PlainText(ButtonLabel(a)), ActionIds.For(a.Kind, i),
                Mrkdwn.Truncate(a.Value, Mrkdwn.MaxButtonValue), a.Primary ? "primary" : null)).ToList(), blockId),
        ];
    }

    private static List<Block> Sections(string mrkdwn) =>
        Mrkdwn.Split(mrkdwn).Select(chunk => (Block)new SectionBlock(new MrkdwnText(chunk))).ToList();

    /// <summary>Keeps the message within 50 blocks: the parts with the most blocks (long texts) lose their ends, and a note says so.</summary>
    private static List<Block> Fit(List<List<Block>> parts)
    {
        List<Block>? cut = null;
        while (parts.Sum(p => p.Count) + (cut is null ? 0 : 1) > Mrkdwn.MaxBlocks)
        {
            cut = parts.MaxBy(p => p.Count)!;
            cut.RemoveAt(cut.Count - 1);
        }

        cut?.Add(new SectionBlock(new MrkdwnText("_" + Mrkdwn.Escape(MessageContent.Shortened) + "_")));
        return parts.SelectMany(p => p).ToList();
    }
}
