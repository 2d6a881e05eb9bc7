using GuidelineBot.Core.Conversation;
using GuidelineBot.Web.Chat;

namespace GuidelineBot.UnitTests.Web;

public sealed class ChatRendererTests
{
    private sealed record Blocks(IReadOnlyList<ContentBlock> Items) : OutboundMessage
    {
        public override IReadOnlyList<ContentBlock> Content => Items;
    }

    private static ChatMessage RenderOne(params ContentBlock[] blocks) =>
        Assert.Single(ChatRenderer.Render(new ConversationResponse([new Blocks(blocks)])).Messages);

    [Fact]
    public void Every_block_keeps_its_text_and_styles_and_guideline_text_stays_verbatim()
    {
        var message = RenderOne(
            new HeadingBlock(RichText.Plain("Title"), 2),
            new ParagraphBlock(RichText.Of(Span.Plain("Type "), Span.Code("topics"), Span.Strong(" now"), Span.Emphasis("!"))),
            new ListBlock([RichText.Plain("one"), RichText.Plain("two")], Ordered: true),
            new GuidelineTextBlock(["<b>not markup</b>\n- a bullet"]),
            new NoteBlock(RichText.Of(Span.Plain("📄 Source: "), Span.Link("Doc › Section", "https://example.org/policy"))));

        Assert.Equal(["heading", "paragraph", "list", "guidelineText", "note"], message.Blocks.Select(b => b.Type));
        Assert.Equal(2, message.Blocks[0].Level);
        var spans = message.Blocks[1].Text!;
        Assert.Equal(["Type ", "topics", " now", "!"], spans.Select(s => s.Text));
        Assert.True(spans[1].Code);
        Assert.True(spans[2].Strong);
        Assert.True(spans[3].Emphasis);
        Assert.True(message.Blocks[2].Ordered);
        Assert.Equal(["one", "two"], message.Blocks[2].Items!.Select(i => Assert.Single(i).Text));
        Assert.Equal("<b>not markup</b>\n- a bullet", Assert.Single(message.Blocks[3].Passages!));
        Assert.Equal("https://example.org/policy", message.Blocks[4].Text![1].Href);
    }

    [Fact]
    public void Only_http_links_survive_and_share_buttons_are_left_out()
    {
        var message = RenderOne(
            new ParagraphBlock(RichText.Of(new Span("click", Url: "javascript:alert(1)"), new Span("mail", Url: "mailto:a@example.org"))),
            new ActionsBlock(
            [
                new OutboundAction("👍 Helpful", ActionKind.Helpful, "q\ns\nquestion"),
                new OutboundAction("Share in channel", ActionKind.Share, "q\ns\nquestion"),
                new OutboundAction("Next", ActionKind.Onboarding, "onboarding:next:3", Primary: true),
            ], RichText.Plain("Was this helpful?")));

        Assert.All(message.Blocks[0].Text!, s => Assert.Null(s.Href));
        var buttons = message.Blocks[1].Buttons!;
        Assert.Equal(["helpful", "onboarding"], buttons.Select(b => b.Kind));
        Assert.True(buttons[1].Primary);
        Assert.Equal("Was this helpful?", Assert.Single(message.Blocks[1].Text!).Text);
    }

    [Theory]
    [InlineData("ask", true)]
    [InlineData("helpful", true)]
    [InlineData("notHelpful", true)]
    [InlineData("onboarding", true)]
    [InlineData("share", false)]
    [InlineData("Ask", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_button_kinds_the_page_shows_are_accepted(string? kind, bool accepted) =>
        Assert.Equal(accepted, ChatRenderer.TryParseKind(kind, out _));
}
