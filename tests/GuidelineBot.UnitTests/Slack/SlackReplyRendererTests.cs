using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Slack;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackReplyRendererTests
{
    private readonly SlackReplyRenderer _renderer = new(Options.Create(new SlackOptions()));

    private static GuidelineSection Section(string heading, string text, string id = "doc#s") =>
        new(id, "doc", "Staff Guidelines", heading, [new Passage(text, 10, 12)], "knowledge/doc.txt", 10, 12, null);

    private static AnswerReply Answer(string text, string heading = "Can I post photos?") =>
        new("can I post photos?", Section(heading, text), text, 0.9, []);

    /// <summary>Serialises like the endpoints do and returns the blocks as JSON.</summary>
    private static JsonElement[] Blocks(SlackMessage message)
    {
        var json = JsonSerializer.Serialize(CommandResponse.From(message, CommandResponse.Ephemeral), SlackJsonContext.Default.CommandResponse);
        return JsonDocument.Parse(json).RootElement.GetProperty("blocks").EnumerateArray().ToArray();
    }

    [Fact]
    public void Answer_has_heading_text_citation_and_the_three_buttons()
    {
        var blocks = Blocks(_renderer.Render(Answer("Do not post pictures of students."), AnswerButtons.ShareAndFeedback));

        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("Can I post photos?", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("section", blocks[1].GetProperty("type").GetString());
        Assert.Equal("mrkdwn", blocks[1].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("Do not post pictures of students.", blocks[1].GetProperty("text").GetProperty("text").GetString());
        var context = blocks.Single(b => b.GetProperty("type").GetString() == "context");
        Assert.Contains("Staff Guidelines › Can I post photos? (knowledge/doc.txt:10-12)",
            context.GetProperty("elements")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var buttons = blocks.Last().GetProperty("elements").EnumerateArray().ToArray();
        Assert.Equal(["share", "feedback_helpful", "feedback_not_helpful"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.All(buttons, b => Assert.Equal("button", b.GetProperty("type").GetString()));
        Assert.Equal("doc#s\ncan I post photos?", buttons[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Answer_text_is_escaped_but_keeps_other_characters()
    {
        var blocks = Blocks(_renderer.Render(Answer("Use <b> & *not* <script>")));
        Assert.Equal("Use &lt;b&gt; &amp; *not* &lt;script&gt;", blocks[1].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public void Long_answer_is_split_into_sections_of_at_most_3000_characters()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"Paragraph {i}: " + new string('x', 400)));
        var blocks = Blocks(_renderer.Render(Answer(text)));

        var sections = blocks.Where(b => b.GetProperty("type").GetString() == "section").ToArray();
        Assert.True(sections.Length >= 6);
        Assert.All(sections, s => Assert.InRange(s.GetProperty("text").GetProperty("text").GetString()!.Length, 1, 3000));
        Assert.Contains("Paragraph 39:", sections.Last().GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_answer_stays_within_50_blocks_and_keeps_citation_and_buttons()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 400).Select(i => $"Paragraph {i}: " + new string('x', 2900)));
        var blocks = Blocks(_renderer.Render(Answer(text), AnswerButtons.ShareAndFeedback));

        Assert.Equal(50, blocks.Length);
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("context", blocks[^2].GetProperty("type").GetString());
        Assert.Equal("actions", blocks[^1].GetProperty("type").GetString());
    }

    [Fact]
    public void Long_headings_fit_header_and_button_limits()
    {
        var heading = new string('h', 400);
        var answer = _renderer.Render(Answer("text", heading));
        Assert.True(Blocks(answer)[0].GetProperty("text").GetProperty("text").GetString()!.Length <= 150);

        var noAnswer = new NoAnswerReply("lunch menu?", [Section(heading, "t"), Section("Short topic?", "t")], "the Director of Technology");
        var blocks = Blocks(_renderer.Render(noAnswer));
        var buttons = blocks.Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements").EnumerateArray().ToArray();
        Assert.Equal(2, buttons.Length);
        Assert.All(buttons, b => Assert.InRange(b.GetProperty("text").GetProperty("text").GetString()!.Length, 1, 75));
        Assert.All(buttons, b => Assert.InRange(b.GetProperty("value").GetString()!.Length, 1, 2000));
        Assert.Equal(["ask_0", "ask_1"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal("Short topic?", buttons[1].GetProperty("value").GetString());
        Assert.Contains("the Director of Technology", blocks[0].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_with_many_sections_stay_within_the_limits()
    {
        var sections = Enumerable.Range(0, 2000).Select(i => Section($"Topic number {i} with a reasonably long heading?", "t", $"d#{i}")).ToList();
        var documents = Enumerable.Range(0, 3)
            .Select(d => new GuidelineDocument($"d{d}", $"Document {d}", $"d{d}.txt", "hash", DocumentMetadata.None, sections))
            .ToList();
        var blocks = Blocks(_renderer.Render(new TopicsReply("topics", documents)));

        Assert.InRange(blocks.Length, 2, 50);
        Assert.All(blocks.Where(b => b.GetProperty("type").GetString() == "section"),
            s => Assert.InRange(s.GetProperty("text").GetProperty("text").GetString()!.Length, 1, 3000));
    }

    [Fact]
    public void Rated_answer_has_no_buttons_and_shows_the_footer()
    {
        var blocks = Blocks(_renderer.Render(Answer("text"), AnswerButtons.None, footer: "Thanks for your feedback!"));
        Assert.DoesNotContain(blocks, b => b.GetProperty("type").GetString() == "actions");
        Assert.Contains("Thanks for your feedback!", blocks[^1].GetRawText(), StringComparison.Ordinal);
    }
}
