using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackRendererTests
{
    private const string LongTitle = "Staff Social Media Guidelines and Best Practices";

    private static GuidelineSection Section(string heading, string text, string id = "doc#s", string documentTitle = "Staff Guidelines") =>
        new(id, "doc", documentTitle, heading, [new Passage(text, 10, 12)], "knowledge/doc.txt", 10, 12, null);

    private static AnswerMessage Answer(string text, string heading = "Can I post photos?", string? questionId = null) =>
        new(new AnswerReply("can I post photos?", Section(heading, text), text, 0.9, []), questionId);

    /// <summary>Serialises like the endpoints do and returns the blocks as JSON.</summary>
    private static JsonElement[] Blocks(SlackMessage message)
    {
        var json = JsonSerializer.Serialize(CommandResponse.From(message, CommandResponse.Ephemeral), SlackJsonContext.Default.CommandResponse);
        return JsonDocument.Parse(json).RootElement.GetProperty("blocks").EnumerateArray().ToArray();
    }

    private static JsonElement[] Blocks(OutboundMessage message, bool share = false) => Blocks(SlackRenderer.Render(message, share));

    private static JsonElement[] Blocks(OnboardingOutput output) => Blocks(new OnboardingMessage(output));

    private static JsonElement[] Buttons(JsonElement[] blocks) =>
        blocks.Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray()).ToArray();

    private static string Label(JsonElement button) => button.GetProperty("text").GetProperty("text").GetString()!;

    /// <summary>Every "text" string in the blocks (decoded), one per line.</summary>
    private static string Texts(JsonElement[] blocks) => string.Join("\n", blocks.SelectMany(AllTexts));

    private static IEnumerable<string> AllTexts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "text" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : AllTexts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllTexts),
        _ => [],
    };

    [Fact]
    public void A_citation_whose_link_cannot_fit_is_shown_as_text_not_as_an_unclosed_link()
    {
        var url = "https://ok.invalid/" + new string('a', 5000);
        var section = Section("Can I post photos?", "No.") with { SourceUrl = url };
        var blocks = Blocks(new AnswerMessage(new AnswerReply("can I post photos?", section, "No.", 0.9, []), "q1"));

        var note = blocks.Single(b => b.GetProperty("type").GetString() == "context").GetProperty("elements")[0].GetProperty("text").GetString()!;
        Assert.Equal("📄 Source: Staff Guidelines › Can I post photos?", note);
    }

    [Fact]
    public void Answer_has_heading_text_citation_and_the_three_buttons_carrying_the_question_id()
    {
        var blocks = Blocks(Answer("Do not post pictures of students.", questionId: "q1"), share: true);

        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("Can I post photos?", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("section", blocks[1].GetProperty("type").GetString());
        Assert.Equal("mrkdwn", blocks[1].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("Do not post pictures of students.", blocks[1].GetProperty("text").GetProperty("text").GetString());
        var context = blocks.Single(b => b.GetProperty("type").GetString() == "context");
        Assert.Contains("Source: Staff Guidelines › Can I post photos? (knowledge/doc.txt:10-12)",
            context.GetProperty("elements")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var buttons = blocks.Last().GetProperty("elements").EnumerateArray().ToArray();
        Assert.Equal(["share", "feedback_helpful", "feedback_not_helpful"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal([MessageContent.ShareLabel, MessageContent.HelpfulLabel, MessageContent.NotHelpfulLabel], buttons.Select(Label));
        Assert.All(buttons, b => Assert.Equal("button", b.GetProperty("type").GetString()));
        var check = Section("Can I post photos?", "").HeadingCheck;
        Assert.Matches("^[0-9a-f]{8}$", check);
        Assert.All(buttons, b => Assert.Equal($"doc#s\nq1\n{check}\ncan I post photos?", b.GetProperty("value").GetString()));
        Assert.Equal(new AnswerRef("q1", "doc#s", "can I post photos?") { SectionCheck = check }, AnswerRef.Decode(buttons[0].GetProperty("value").GetString()));
    }

    [Fact]
    public void Answer_without_share_has_feedback_buttons_and_related_topics_as_one_line()
    {
        var related = Section("Can I friend parents?", "t", "doc#r");
        var message = new AnswerMessage(new AnswerReply("can I post photos?", Section("Photos?", "No."), "No.", 0.9, [related]), "q1");
        var blocks = Blocks(message);

        Assert.Equal(["feedback_helpful", "feedback_not_helpful"], Buttons(blocks).Select(b => b.GetProperty("action_id").GetString()));
        Assert.Contains("Related topics: Can I friend parents?", Texts(blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_text_is_escaped_but_keeps_other_characters()
    {
        var blocks = Blocks(Answer("Use <b> & *not* <script>"));
        Assert.Equal("Use &lt;b&gt; &amp; *not* &lt;script&gt;", blocks[1].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public void Long_answer_is_split_into_sections_of_at_most_3000_characters()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 40).Select(i => $"Paragraph {i}: " + new string('x', 400)));
        var blocks = Blocks(Answer(text));

        var sections = blocks.Where(b => b.GetProperty("type").GetString() == "section").ToArray();
        Assert.True(sections.Length >= 6);
        Assert.All(sections, s => Assert.InRange(s.GetProperty("text").GetProperty("text").GetString()!.Length, 1, 3000));
        Assert.Contains("Paragraph 39:", sections.Last().GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_answer_stays_within_50_blocks_and_keeps_citation_and_buttons()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 400).Select(i => $"Paragraph {i}: " + new string('x', 2900)));
        var blocks = Blocks(Answer(text), share: true);

        Assert.Equal(50, blocks.Length);
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Contains(MessageContent.Shortened[1..], blocks[^3].GetRawText(), StringComparison.Ordinal);
        Assert.Equal("context", blocks[^2].GetProperty("type").GetString());
        Assert.Equal("actions", blocks[^1].GetProperty("type").GetString());
    }

    private sealed record OnlyText(string Text) : OutboundMessage
    {
        public override IReadOnlyList<ContentBlock> Content => [new GuidelineTextBlock([Text])];
    }

    [Fact]
    public void A_message_of_one_text_longer_than_50_blocks_says_it_was_shortened()
    {
        // The splitter stops where a message is full; the renderer still has to see that there was more.
        var text = string.Join("\n\n", Enumerable.Range(0, 400).Select(i => $"Paragraph {i}: " + new string('x', 2900)));
        var blocks = Blocks(new OnlyText(text));

        Assert.Equal(50, blocks.Length);
        Assert.Contains("Paragraph 48:", blocks[^2].GetRawText(), StringComparison.Ordinal);
        Assert.Contains(MessageContent.Shortened[1..], blocks[^1].GetRawText(), StringComparison.Ordinal);

        var fits = string.Join("\n\n", Enumerable.Range(0, 50).Select(i => $"Paragraph {i}: " + new string('x', 2900)));
        var whole = Blocks(new OnlyText(fits));
        Assert.Equal(50, whole.Length);
        Assert.Contains("Paragraph 49:", whole[^1].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_of_many_documents_keep_their_start_and_lose_their_end()
    {
        var sections = Enumerable.Range(0, 5).Select(i => Section($"Topic {i}?", "text", $"doc#{i}")).ToList();
        var documents = Enumerable.Range(0, 100)
            .Select(d => new GuidelineDocument($"d{d}", $"Document {d}", $"d{d}.txt", "hash", DocumentMetadata.None, sections))
            .ToList();

        var blocks = Blocks(new TopicsMessage(new TopicsReply("topics", documents)));

        Assert.Equal(50, blocks.Length);
        Assert.Equal(MessageContent.TopicsTitle, blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("Document 0", blocks[1].GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Topic 4?", blocks[2].GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Document 23", blocks[^3].GetRawText(), StringComparison.Ordinal);
        Assert.Contains(MessageContent.Shortened[1..], blocks[^1].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Part_of_a_long_section_comes_with_a_button_that_shows_the_whole_section()
    {
        var section = KnowledgeLoader.Load(new KnowledgeOptions { Path = TestPaths.Knowledge }).Sections.First(s => s.Passages.Count > 1);
        var blocks = Blocks(SlackBlockKitRulesTests.Partial(section));

        var button = Assert.Single(Buttons(blocks), b => Label(b) == MessageContent.WholeSectionLabel);
        Assert.Equal(new AskInbound(section.Heading, section.Id), ConversationInbound.FromAction(ActionKind.Ask, button.GetProperty("value").GetString()));
        Assert.Contains(blocks, b => b.GetRawText().Contains(MessageContent.PartialNote, StringComparison.Ordinal));
        Assert.DoesNotContain(Buttons(Blocks(Answer("The whole text."))), b => Label(b) == MessageContent.WholeSectionLabel);
    }

    [Fact]
    public void Long_headings_fit_header_and_button_limits()
    {
        var heading = new string('h', 400);
        Assert.True(Blocks(Answer("text", heading))[0].GetProperty("text").GetProperty("text").GetString()!.Length <= 150);

        var noAnswer = new NoAnswerReply("lunch menu?", [Section(heading, "t"), Section("Short topic?", "t")], "the Director of Technology");
        var blocks = Blocks(new NoAnswerMessage(noAnswer, "q2"));
        var buttons = Buttons(blocks);
        Assert.Equal(2, buttons.Length);
        Assert.All(buttons, b => Assert.InRange(Label(b).Length, 1, 75));
        Assert.All(buttons, b => Assert.InRange(b.GetProperty("value").GetString()!.Length, 1, 2000));
        Assert.Equal(["ask_0", "ask_1"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal(new AskInbound("Short topic?", noAnswer.Suggestions[1].Id),
            ConversationInbound.FromAction(ActionKind.Ask, buttons[1].GetProperty("value").GetString()));
        Assert.Contains("the Director of Technology", blocks[0].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_with_many_sections_stay_within_the_limits()
    {
        var sections = Enumerable.Range(0, 2000).Select(i => Section($"Topic number {i} with a reasonably long heading?", "t", $"d#{i}")).ToList();
        var documents = Enumerable.Range(0, 3)
            .Select(d => new GuidelineDocument($"d{d}", $"Document {d}", $"d{d}.txt", "hash", DocumentMetadata.None, sections))
            .ToList();
        var blocks = Blocks(new TopicsMessage(new TopicsReply("topics", documents)));

        Assert.InRange(blocks.Length, 2, 50);
        Assert.All(blocks.Where(b => b.GetProperty("type").GetString() == "section"),
            s => Assert.InRange(s.GetProperty("text").GetProperty("text").GetString()!.Length, 1, 3000));
    }

    [Fact]
    public void Rated_answer_has_no_buttons_and_thanks_in_a_context_line()
    {
        var blocks = Blocks(Answer("text") with { Feedback = true });
        Assert.DoesNotContain(blocks, b => b.GetProperty("type").GetString() == "actions");
        Assert.Equal("context", blocks[^1].GetProperty("type").GetString());
        Assert.StartsWith("Thanks for your feedback", Texts([blocks[^1]]), StringComparison.Ordinal);
    }

    [Fact]
    public void Spans_become_mrkdwn_with_markers_outside_spaces_and_escaped_text()
    {
        var text = RichText.Of(Span.Plain("Type "), Span.Code("resume"), Span.Plain(", read "), Span.Strong(" A & B "), Span.Emphasis("x"),
            Span.Link("the <policy>", "https://example.org/p?a=1&b=2"), Span.Plain(" — "), Span.Mention("U0PERSON", "Pat"));
        Assert.Equal("Type `resume`, read  *A &amp; B* _x_<https://example.org/p?a=1&amp;b=2|the &lt;policy&gt;> — <@U0PERSON>", SlackRenderer.ToMrkdwn(text));
    }

    [Fact]
    public void Section_step_has_numbered_heading_escaped_text_citation_and_next_question_pause_buttons()
    {
        var blocks = Blocks(new OnboardingSection(Section("Can I post <photos>?", "Never post A & B <script>.", documentTitle: "Staff & <Guidelines>"), 2, 12, "d0.s1"));

        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("2/12 · Can I post <photos>?", blocks[0].GetProperty("text").GetProperty("text").GetString()); // plain_text: not escaped
        Assert.Contains("Never post A &amp; B &lt;script&gt;.", Texts(blocks), StringComparison.Ordinal);
        Assert.Contains("Source: Staff &amp; &lt;Guidelines&gt;", Texts(blocks), StringComparison.Ordinal);
        var buttons = Buttons(blocks);
        Assert.Equal(["Next", "I have a question", "Pause"], buttons.Select(Label));
        Assert.Equal(["onboarding_0", "onboarding_1", "onboarding_2"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal("onboarding:next:d0.s1", buttons[0].GetProperty("value").GetString());
        Assert.Equal("primary", buttons[0].GetProperty("style").GetString());
        Assert.False(buttons[1].TryGetProperty("style", out _));
    }

    [Fact]
    public void Long_section_text_is_split_and_the_message_stays_within_50_blocks()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 200).Select(i => $"Paragraph {i}: " + new string('x', 2900)));
        var blocks = Blocks(new OnboardingSection(Section("Long", text), 1, 1, "d0.s0"));

        Assert.True(blocks.Length <= Mrkdwn.MaxBlocks);
        Assert.All(blocks.Where(b => b.GetProperty("type").GetString() == "section"),
            b => Assert.InRange(b.GetProperty("text").GetProperty("text").GetString()!.Length, 1, Mrkdwn.MaxSectionText));
        Assert.Equal("actions", blocks[^1].GetProperty("type").GetString()); // the buttons survive the cut
    }

    [Fact]
    public void Acknowledge_prompt_states_the_title_in_bold_and_its_button_is_never_cut()
    {
        var blocks = Blocks(new OnboardingAcknowledgePrompt("doc", LongTitle, "d0.ack"));

        Assert.Contains($"I have read and understand the *{LongTitle}*", Texts(blocks), StringComparison.Ordinal);
        var button = Assert.Single(Buttons(blocks));
        Assert.Equal("I have read and understand it", Label(button)); // whole, where the title would be cut at 75 characters
        Assert.Equal("onboarding:ack:d0.ack", button.GetProperty("value").GetString());
    }

    [Fact]
    public void Questions_longer_than_a_button_are_listed_whole_above_their_buttons()
    {
        var longQuestion = "What should I do when a parent I know from my child's school sends me a friend request on a personal account?";
        var help = new HelpMessage(new HelpReply("help", ExampleSections.Of(longQuestion, "Can I post?"), []));

        var blocks = Blocks(help);

        Assert.Contains("• " + longQuestion + "\n• Can I post?", Texts(blocks), StringComparison.Ordinal);
        Assert.Equal(Mrkdwn.MaxButtonText, Label(Buttons(blocks)[0]).Length);
        Assert.DoesNotContain("• Can I post?", Texts(Blocks(new HelpMessage(new HelpReply("help", ExampleSections.Of("Can I post?"), [])))), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_question_lists_every_choice_in_full_and_its_buttons_are_the_letters()
    {
        var longChoice = "No: " + new string('z', 120);
        var blocks = Blocks(new OnboardingCheckQuestion("Doc", "May you <post>?", ["Yes", longChoice], 1, 3, "d0.q0"));

        var text = Texts(blocks);
        Assert.Contains("*Check question 1/3:* May you &lt;post&gt;?", text, StringComparison.Ordinal);
        Assert.Contains("*B)* " + longChoice, text, StringComparison.Ordinal);
        Assert.Equal(["A", "B"], Buttons(blocks).Select(Label)); // the letters: the choices are listed in full above
        Assert.Equal("onboarding:answer:2:d0.q0", Buttons(blocks)[1].GetProperty("value").GetString());
    }

    [Fact]
    public void Continue_onboarding_follows_an_answered_question_with_resume_and_pause()
    {
        var section = Section("Can I post anonymously?", "Use your real name.");
        var answered = new OnboardingAnsweredQuestion(new AnswerReply("can I post anonymously?", section, "Use your real name.", 0.9, []), OfferContinue: true);

        var blocks = Blocks(answered);

        Assert.Contains(OnboardingAnsweredQuestion.ContinuePrompt, Texts(blocks), StringComparison.Ordinal);
        Assert.Equal(["onboarding:resume", "onboarding:pause"], Buttons(blocks).Select(b => b.GetProperty("value").GetString()));
    }

    [Fact]
    public void Wrong_check_answer_shows_the_guideline_text_and_citation()
    {
        var feedback = new OnboardingCheckFeedback(false, "Yes", Section("Photos", "Don't post pictures of students.", documentTitle: "Staff & <Guidelines>"), "Use a class account.");
        var blocks = Blocks(feedback);

        var all = Texts(blocks);
        Assert.Contains("Not quite", all, StringComparison.Ordinal);
        Assert.Contains("Don't post pictures of students.", all, StringComparison.Ordinal);
        Assert.Contains("Source: Staff &amp; &lt;Guidelines&gt;", all, StringComparison.Ordinal);
        Assert.Contains("Use a class account.", all, StringComparison.Ordinal);
        Assert.Empty(Buttons(blocks));
    }

    [Fact]
    public void Every_message_has_non_empty_fallback_text()
    {
        OnboardingOutput[] outputs =
        [
            new OnboardingGreeting("Pat <x>", "doc", LongTitle, 12, 5, 9, 1, 1),
            new OnboardingPaused("topic 3 of 12"),
            new OnboardingQuestionPrompt(),
            new OnboardingNotice(OnboardingNoticeKind.NotStarted, RichText.Of(Span.Plain("Type "), Span.Code("onboard"))),
            new OnboardingSummary([LongTitle], ExampleSections.Of("Can I post photos?"), "the Director of Technology"),
            new OnboardingAcknowledgementRecorded(new OnboardingAcknowledgement("slack", "T:U", "Pat", "doc", LongTitle, new string('a', 64), DateTimeOffset.UnixEpoch)),
        ];

        foreach (var message in SlackRenderer.Render(outputs.Select(o => new OnboardingMessage(o))))
        {
            Assert.False(string.IsNullOrWhiteSpace(message.Text));
            Assert.NotEmpty(message.Blocks);
        }

        Assert.Equal("Welcome, Pat <x>! 👋", Blocks(outputs[0])[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("Type `onboard`", Texts(Blocks(outputs[3])), StringComparison.Ordinal);
        Assert.Equal("onboarding:start", Buttons(Blocks(outputs[3])).Single().GetProperty("value").GetString());
    }
}
