using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
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
    public void Guideline_text_longer_than_a_message_carries_is_cut_at_a_word_with_a_note_and_shorter_text_is_whole()
    {
        // A knowledge file of one very long paragraph (5 MB): the page keeps the conversation in the tab's storage.
        var huge = string.Concat(Enumerable.Repeat("Meerkats dig tunnels ", 250_000)).TrimEnd();
        var message = RenderOne(new GuidelineTextBlock(["First passage.", huge, "Never reached."]), new NoteBlock(RichText.Plain("📄 Source: Doc")));

        Assert.Equal(["guidelineText", "note", "note"], message.Blocks.Select(b => b.Type));
        var passages = message.Blocks[0].Passages!;
        Assert.Equal(2, passages.Count);
        Assert.Equal("First passage.", passages[0]);
        Assert.Matches(" (Meerkats|dig|tunnels)…$", passages[1]); // at a word
        Assert.InRange(passages.Sum(p => p.Length), ChatRenderer.MaxGuidelineChars - 30, ChatRenderer.MaxGuidelineChars);
        Assert.Equal(MessageContent.Shortened, Assert.Single(message.Blocks[1].Text!).Text);

        var whole = new string('w', ChatRenderer.MaxGuidelineChars / 2);
        var fits = RenderOne(new GuidelineTextBlock([whole, whole]));
        Assert.Equal([whole, whole], Assert.Single(fits.Blocks).Passages!);
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

    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    private static Ticket Ticket() => new("t-0123456789abcdef", "Can I bring my dog to school?", "it's a guide dog",
        new ExpertAsker(Channels.Web, "local-1", "Pat", null, "web:local-1", true, null), null, null, 0, At);

    [Fact]
    public void The_ask_an_expert_form_is_a_form_with_a_labelled_limited_optional_field_and_a_send_button()
    {
        var question = new AnswerRef("q1", null, "Can I bring my dog to school?");

        var message = Assert.Single(ChatRenderer.Render(new ConversationResponse([new AskExpertFormMessage(question)])).Messages);

        Assert.Equal("form", message.Kind);
        var input = Assert.Single(message.Blocks, b => b.Type == "input");
        Assert.Equal(ExpertInputs.Context, input.Id);
        Assert.Equal(ExpertInputs.MaxContextLength, input.MaxLength);
        Assert.True(input.Optional);
        Assert.False(input.Multiline);
        Assert.False(string.IsNullOrWhiteSpace(string.Concat(input.Text!.Select(s => s.Text))));
        var submit = Assert.Single(message.Blocks[^1].Buttons!);
        Assert.Equal(("sendToExpert", MessageContent.SendToExpertsLabel), (submit.Kind, submit.Label));
        Assert.Equal(question, AnswerRef.Decode(submit.Value));
        Assert.True(ChatRenderer.TryParseKind(submit.Kind, out var kind) && kind == ActionKind.SendToExpert);
    }

    [Fact]
    public void A_declined_answers_offer_the_ticket_confirmation_and_the_expert_answer_render_with_their_own_kinds()
    {
        var ticket = Ticket();
        var answer = new TicketAnswer("a1", ticket.Id, new ExpertRef(Channels.Slack, "U9", "Dana Expert"), "Yes, guide dogs are welcome.", false, At.AddHours(2));
        var offer = new FeedbackThanksMessage(Helpful: false, Counted: true, Answer: null) { ExpertOffer = new AnswerRef("q1", "s1", ticket.Question) };

        var messages = ChatRenderer.Render(new ConversationResponse(
            [offer, new ExpertTicketOpenedMessage(ticket, Created: true), new ExpertAnswerMessage(ticket, answer)])).Messages;

        Assert.Equal(["feedbackThanks", "ticketOpened", "expertAnswer"], messages.Select(m => m.Kind));
        var ask = Assert.Single(messages[0].Blocks.Single(b => b.Type == "actions").Buttons!);
        Assert.Equal(("askExpert", MessageContent.AskExpertLabel), (ask.Kind, ask.Label));
        Assert.Contains("#" + ticket.ShortId, Text(messages[1]), StringComparison.Ordinal);
        var delivered = Text(messages[2]);
        Assert.Contains("Yes, guide dogs are welcome.", delivered, StringComparison.Ordinal);
        Assert.Contains("Dana Expert", delivered, StringComparison.Ordinal);
    }

    [Fact]
    public void Toggles_and_multiline_fields_keep_their_ids_and_the_experts_own_buttons_are_left_out()
    {
        var form = Assert.Single(ChatRenderer.Render(new ConversationResponse([new ExpertAnswerFormMessage(Ticket())])).Messages);
        var post = Assert.Single(ChatRenderer.Render(new ConversationResponse([new ExpertTicketMessage(Ticket(), Channels.Slack, false, At)])).Messages);

        var answer = Assert.Single(form.Blocks, b => b.Type == "input");
        Assert.Equal((ExpertInputs.Answer, true, ExpertInputs.MaxAnswerLength), (answer.Id, answer.Multiline, answer.MaxLength));
        Assert.Equal(ExpertInputs.AddToKnowledge, Assert.Single(form.Blocks, b => b.Type == "toggle").Id);
        Assert.Empty(form.Blocks[^1].Buttons!);
        Assert.Empty(post.Blocks.Single(b => b.Type == "actions").Buttons!);
    }

    private static string Text(ChatMessage message) =>
        string.Concat(message.Blocks.SelectMany(b => (b.Text ?? []).Concat(b.Items?.SelectMany(i => i) ?? [])).Select(s => s.Text));

    [Theory]
    [InlineData("ask", true)]
    [InlineData("helpful", true)]
    [InlineData("notHelpful", true)]
    [InlineData("onboarding", true)]
    [InlineData("askExpert", true)]
    [InlineData("sendToExpert", true)]
    [InlineData("share", false)]
    [InlineData("expertAnswer", false)]
    [InlineData("expertAssign", false)]
    [InlineData("submitExpertAnswer", false)]
    [InlineData("Ask", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_button_kinds_the_page_shows_are_accepted(string? kind, bool accepted) =>
        Assert.Equal(accepted, ChatRenderer.TryParseKind(kind, out _));
}
