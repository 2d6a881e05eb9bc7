using System.Text;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Rendering;

/// <summary>Which buttons an answer carries.</summary>
public enum AnswerButtons
{
    /// <summary>Ephemeral slash-command answer: Share in channel, 👍, 👎.</summary>
    ShareAndFeedback,

    /// <summary>Answer in a thread or DM: 👍, 👎.</summary>
    Feedback,

    /// <summary>Shared or already rated: no buttons.</summary>
    None,
}

/// <summary>Renders the core's <see cref="Reply"/> records as Block Kit within Slack's limits.</summary>
public sealed class SlackReplyRenderer(IOptions<SlackOptions> options)
{
    private const int MaxFallbackText = 3000;

    public SlackMessage Render(Reply reply, AnswerButtons buttons = AnswerButtons.Feedback, string? footer = null)
    {
        var blocks = reply switch
        {
            AnswerReply a => Answer(a, buttons, footer),
            NoAnswerReply n => NoAnswer(n),
            HelpReply h => Help(h),
            TopicsReply t => Topics(t),
            SmallTalkReply s => [new SectionBlock(new MrkdwnText(Mrkdwn.Truncate(Mrkdwn.Escape(s.Text), Mrkdwn.MaxSectionText)))],
            _ => [new SectionBlock(new MrkdwnText(Mrkdwn.Truncate(Mrkdwn.Escape(ReplyText.Render(reply)), Mrkdwn.MaxSectionText)))],
        };
        var text = Mrkdwn.Truncate(Mrkdwn.Escape(ReplyText.Render(reply)), MaxFallbackText);
        return new SlackMessage(text.Length > 0 ? text : "GuidelineBot", blocks);
    }

    private static List<Block> Answer(AnswerReply a, AnswerButtons buttons, string? footer)
    {
        var head = new List<Block> { new HeaderBlock(new PlainText(Mrkdwn.Truncate(a.Section.Heading, Mrkdwn.MaxHeaderText))) };
        var tail = new List<Block> { new ContextBlock([new MrkdwnText(Citation(a.Section))]) };
        if (a.Related.Count > 0)
        {
            var related = "Related: " + string.Join(" · ", a.Related.Select(r => Mrkdwn.Escape(r.Heading)));
            tail.Add(new ContextBlock([new MrkdwnText(Mrkdwn.Truncate(related, Mrkdwn.MaxSectionText))]));
        }

        if (footer is not null)
        {
            tail.Add(new ContextBlock([new MrkdwnText(footer)]));
        }

        if (buttons != AnswerButtons.None)
        {
            var value = new AnswerButtonValue(a.Section.Id, a.Question).Encode();
            var elements = new List<ButtonElement>();
            if (buttons == AnswerButtons.ShareAndFeedback)
            {
                elements.Add(new ButtonElement(new PlainText("Share in channel"), ActionIds.Share, value, "primary"));
            }

            elements.Add(new ButtonElement(new PlainText("👍 Helpful"), ActionIds.Helpful, value));
            elements.Add(new ButtonElement(new PlainText("👎 Not helpful"), ActionIds.NotHelpful, value));
            tail.Add(new ActionsBlock(elements, "answer_actions"));
        }

        return Fit(head, TextSections(a.Text), tail);
    }

    internal static string Citation(GuidelineSection section)
    {
        var source = Uri.TryCreate(section.SourceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? $"<{Mrkdwn.Escape(url.AbsoluteUri)}|{Mrkdwn.Escape(section.Breadcrumb).Replace('|', '¦')}>"
            : Mrkdwn.Escape(section.Citation);
        return Mrkdwn.Truncate(":page_facing_up: Source: " + source, Mrkdwn.MaxSectionText);
    }

    private static List<Block> NoAnswer(NoAnswerReply n)
    {
        var blocks = new List<Block> { new SectionBlock(new MrkdwnText(Mrkdwn.Escape(n.Text))) };
        if (n.Suggestions.Count > 0)
        {
            blocks.Add(AskButtons(n.Suggestions.Select(s => s.Heading), "suggestions"));
        }

        return blocks;
    }

    private List<Block> Help(HelpReply h)
    {
        var command = options.Value.Command;
        var blocks = new List<Block>
        {
            new SectionBlock(new MrkdwnText(Mrkdwn.Escape(((ParagraphBlock)MessageContent.Help(new HelpMessage(h))[1]).Text.PlainText))),
            new SectionBlock(new MrkdwnText(
                $"Use `{Mrkdwn.Escape(command)} your question` anywhere, mention me in a channel, or send me a direct message.")),
        };
        if (h.ExampleQuestions.Count > 0)
        {
            var examples = new StringBuilder("*For example:*");
            foreach (var q in h.ExampleQuestions)
            {
                examples.Append("\n• ").Append(Mrkdwn.Escape(q));
            }

            blocks.Add(new SectionBlock(new MrkdwnText(Mrkdwn.Truncate(examples.ToString(), Mrkdwn.MaxSectionText))));
            blocks.Add(AskButtons(h.ExampleQuestions, "examples"));
        }

        if (h.Documents.Count > 0)
        {
            var docs = "Guidelines: " + string.Join(" · ", h.Documents.Select(d => $"{Mrkdwn.Escape(d.Title)} ({d.Sections.Count} topics)"));
            blocks.Add(new ContextBlock([new MrkdwnText(Mrkdwn.Truncate(docs, Mrkdwn.MaxSectionText))]));
        }

        return blocks;
    }

    private static List<Block> Topics(TopicsReply t)
    {
        var head = new List<Block> { new HeaderBlock(new PlainText("Topics I cover")) };
        var body = new List<Block>();
        if (t.Documents.Count == 0)
        {
            body.Add(new SectionBlock(new MrkdwnText("No guideline documents are loaded yet.")));
        }

        foreach (var d in t.Documents)
        {
            var sb = new StringBuilder().Append('*').Append(Mrkdwn.Escape(d.Title)).Append('*');
            foreach (var s in d.Sections)
            {
                sb.Append("\n• ").Append(Mrkdwn.Escape(s.Heading));
            }

            body.AddRange(TextSections(sb.ToString(), escape: false));
        }

        return Fit(head, body, []);
    }

    private static ActionsBlock AskButtons(IEnumerable<string> questions, string blockId) =>
        new(questions.Take(5)
            .Select((q, i) => new ButtonElement(
                new PlainText(Mrkdwn.Truncate(q, Mrkdwn.MaxButtonText)),
                ActionIds.AskPrefix + i,
                Mrkdwn.Truncate(q, Mrkdwn.MaxButtonValue)))
            .ToList(), blockId);

    internal static List<Block> TextSections(string text, bool escape = true) =>
        Mrkdwn.Split(escape ? Mrkdwn.Escape(text) : text)
            .Select(chunk => (Block)new SectionBlock(new MrkdwnText(chunk)))
            .ToList();

    /// <summary>Keeps the message within 50 blocks: head and tail stay, the middle is cut with a note.</summary>
    internal static List<Block> Fit(List<Block> head, List<Block> middle, List<Block> tail)
    {
        var room = Mrkdwn.MaxBlocks - head.Count - tail.Count;
        if (middle.Count > room)
        {
            middle = middle.Take(room - 1).ToList();
            middle.Add(new SectionBlock(new MrkdwnText("_…shortened: the full text is in the source._")));
        }

        return [.. head, .. middle, .. tail];
    }
}
