using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Teams.Cards;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Testing;

namespace GuidelineBot.UnitTests.Teams;

/// <summary>The core's messages as Adaptive Cards: buttons carry their values back as the core's inbounds, the plain text travels along.</summary>
public sealed partial class TeamsCardRendererTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = TestPaths.Knowledge });

    private static GuidelineSection Section => Knowledge.Documents[0].Sections[2];

    public static TheoryData<OnboardingOutput> Outputs() =>
    [
        new OnboardingGreeting("Dana", "doc", "Staff Social Media Guidelines", 12, 4, 9, 1, 1),
        new OnboardingGreeting("", "doc", "Second Document", 3, 0, 2, 2, 2),
        new OnboardingSection(Section, 3, 12, "d0.s2"),
        new OnboardingCheckQuestion("Staff Social Media Guidelines", "Can you post student photos?", ["Yes", "Only private", "No, never on personal accounts"], 1, 4, "d0.q0"),
        new OnboardingCheckFeedback(false, "Yes", Section, "Use a classroom account."),
        new OnboardingCheckFeedback(true, "No", Section, null),
        new OnboardingAcknowledgePrompt("doc", "Staff Social Media Guidelines", "d0.ack"),
        new OnboardingAcknowledgementRecorded(new OnboardingAcknowledgement("teams", "aad-1", "Dana", "doc", "Staff Social Media Guidelines",
            new string('a', 64), new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero))),
        new OnboardingSummary(["Staff Social Media Guidelines"], ExampleSections.Of("Can I friend parents?"), "the Director of Technology"),
        new OnboardingPaused("topic 3 of 12"),
        new OnboardingQuestionPrompt(),
        new OnboardingAnsweredQuestion(new SmallTalkReply("thanks", SmallTalkKind.Thanks, "You're welcome!"), OfferContinue: true),
        new OnboardingNotice(OnboardingNoticeKind.NotStarted, "You have no onboarding in progress."),
        new OnboardingNotice(OnboardingNoticeKind.StaleAction, "That button is from an earlier step."),
    ];

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Card_is_1_5_with_the_plain_text_and_every_engine_button_round_trips(OnboardingOutput output)
    {
        var message = new OnboardingMessage(output);
        var card = TeamsCardRenderer.Render(message)!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        Assert.Equal("1.5", card.Content["version"]!.GetValue<string>());
        Assert.Equal(MessageText.Render(message), card.Content["fallbackText"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(MessageText.Render(message)));

        var submits = CardJson.Submits(card.Content).Where(s => s["data"]?["action"]?.GetValue<string>() == ActionIds.Onboarding).ToList();
        Assert.Equal(output.Buttons.Select(b => b.Value), submits.Select(s => s["data"]!["value"]!.GetValue<string>()));
        foreach (var submit in submits)
        {
            // What Teams sends back on a click: the action's data as the activity's value.
            using var value = JsonDocument.Parse(submit["data"]!.ToJsonString());
            var read = Assert.IsType<OnboardingActionInbound>(CardActions.Read(value.RootElement.Clone()));
            Assert.True(OnboardingInput.TryParseButtonValue(read.Value, out _));
        }

        var primary = output.Buttons.Select((b, i) => (b, i)).Where(x => x.b.Primary).Select(x => x.i);
        Assert.All(primary, i => Assert.Equal("positive", submits[i]["style"]?.GetValue<string>()));
    }

    [Fact]
    public void Check_question_shows_each_choice_in_full_with_lettered_buttons()
    {
        var question = new OnboardingCheckQuestion("Doc", "Which?", ["A rather long first choice that would not fit on a button", "Second"], 2, 3, "d0.q1");

        var content = TeamsCardRenderer.Render(new OnboardingMessage(question))!.Content;
        var card = content.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("**A)** A rather long first choice that would not fit on a button", card, StringComparison.Ordinal);
        Assert.Contains("**Check question 2/3:** Which?", card, StringComparison.Ordinal);
        Assert.Equal(["A", "B"], CardJson.Submits(content).Select(s => s["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Acknowledgement_card_states_what_is_acknowledged_with_the_title_in_bold()
    {
        var prompt = new OnboardingAcknowledgePrompt("doc", "Staff Social Media Guidelines and Best Practices", "d0.ack");

        var content = TeamsCardRenderer.Render(new OnboardingMessage(prompt))!.Content;

        var texts = content["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Contains("Please confirm: I have read and understand the **Staff Social Media Guidelines and Best Practices**.", texts);
        var button = Assert.Single(CardJson.Submits(content));
        Assert.Equal("I have read and understand it", button["title"]!.GetValue<string>());
        Assert.Equal("onboarding:ack:d0.ack", button["data"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Section_card_has_heading_guideline_text_and_citation()
    {
        var content = TeamsCardRenderer.Render(new OnboardingMessage(new OnboardingSection(Section, 3, 12, "d0.s2")))!.Content;

        var texts = content["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>() ?? "").ToList();
        Assert.Equal("3/12 · " + Section.Heading, texts[0]);
        Assert.Equal("Topic 3 of 12 · " + Section.DocumentTitle, texts[1]);
        Assert.Equal(TeamsCardRenderer.LinesApart(Section.Quoted), texts[2]);
        Assert.Contains(Section.Breadcrumb, texts[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_list_keeps_one_item_a_line_as_Teams_shows_only_paragraph_breaks_outside_Markdown_lists()
    {
        // An answer's list items are one line each (Passage.JoinQuoted); in a card a single line break ran them together.
        var reply = new AnswerReply("what goes on a slip?", Section, "Every slip must include:\n\n• the date\n• the cost\n  - if any", 0.9, []);
        var texts = TeamsCardRenderer.Render(new AnswerMessage(reply, "q-7"))!.Content["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();

        Assert.Contains("Every slip must include:\n\n• the date\n\n• the cost\n\n  - if any", texts);
    }

    [Fact]
    public void Answer_card_has_feedback_buttons_whose_data_reads_back_as_a_vote_on_that_question()
    {
        var reply = new AnswerReply("can I friend parents?", Section, Section.Quoted, 0.9, [Knowledge.Documents[0].Sections[3]]);
        var content = TeamsCardRenderer.Render(new AnswerMessage(reply, "q-42"))!.Content;

        var submits = CardJson.Submits(content);
        var helpful = submits.Single(s => s["title"]!.GetValue<string>() == MessageContent.HelpfulLabel);
        using var value = JsonDocument.Parse(helpful["data"]!.ToJsonString());
        var vote = Assert.IsType<FeedbackInbound>(CardActions.Read(value.RootElement.Clone()));
        Assert.Equal(new AnswerRef("q-42", Section.Id, "can I friend parents?") { SectionCheck = Section.HeadingCheck }, vote.Answer);
        Assert.True(vote.Helpful);
        var related = submits.Single(s => s["title"]!.GetValue<string>() == Knowledge.Documents[0].Sections[3].Heading);
        Assert.Equal(ActionIds.Ask, related["data"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public void Questions_to_ask_are_whole_clickable_rows_that_wrap_not_buttons_cut_at_the_cards_width()
    {
        var longest = Knowledge.Documents[0].Sections.MaxBy(s => s.Heading.Length)!;
        var reply = new NoAnswerReply("weather?", [longest, Section], "the Director of Technology");
        var body = TeamsCardRenderer.Render(new NoAnswerMessage(reply, "q-1"))!.Content["body"]!.AsArray();

        Assert.DoesNotContain(body, b => b!["type"]!.GetValue<string>() == "ActionSet");
        var rows = body.Where(b => b!["type"]!.GetValue<string>() == "Container").ToList();
        Assert.Equal(2, rows.Count);
        var text = rows[0]!["items"]![0]!;
        Assert.Equal("› " + longest.Heading, text["text"]!.GetValue<string>());
        Assert.True(text["wrap"]!.GetValue<bool>());
        var click = rows[0]!["selectAction"]!;
        Assert.Equal("Action.Submit", click["type"]!.GetValue<string>());
        using var value = JsonDocument.Parse(click["data"]!.ToJsonString());
        Assert.Equal(new AskInbound(longest.Heading, longest.Id), CardActions.Read(value.RootElement.Clone()));
    }

    [Fact]
    public void A_pressed_topic_shows_the_buttons_words_in_the_chat_and_sends_its_heading_and_section()
    {
        var section = Knowledge.Documents[0].Sections.First(s => s.Text.Length > 900);
        var reply = new AnswerReply("q", section, section.Text[..400], 0.9, []);
        var card = TeamsCardRenderer.Render(new AnswerMessage(reply, "q-1"))!.Content;

        var whole = CardJson.Submits(card).Single(s => s["data"]?["action"]?.GetValue<string>() == ActionIds.Ask && s["data"]?["sectionId"]?.GetValue<string>() == section.Id);
        var messageBack = whole["data"]!["msteams"]!;
        Assert.Equal((MessageContent.WholeSectionLabel, section.Heading), (messageBack["displayText"]!.GetValue<string>(), messageBack["text"]!.GetValue<string>()));
        using var value = JsonDocument.Parse(whole["data"]!.ToJsonString());
        Assert.Equal(new AskInbound(section.Heading, section.Id), CardActions.Read(value.RootElement.Clone()));
    }

    [Fact]
    public void Spans_become_adaptive_card_markdown()
    {
        var text = RichText.Of(Span.Plain("Type "), Span.Code("resume"), Span.Plain(", read "), Span.Strong("the rules "), Span.Link("here", "https://example.org/p"));
        Assert.Equal("Type _resume_, read **the rules** [here](https://example.org/p)", TeamsCardRenderer.Markdown(text));
    }

    [Fact]
    public void Only_a_spans_own_url_becomes_a_link_text_with_link_syntax_stays_text()
    {
        var text = RichText.Of(Span.Plain("see [the policy](https://evil.invalid) or [x][1]\n[1]: https://evil.invalid "),
            Span.Strong("![pixel](https://evil.invalid/p.png)"), Span.Link("Doc › Q", "https://ok.invalid/a)[evil](https://evil.invalid"));

        var markdown = TeamsCardRenderer.Markdown(text);

        Assert.Equal("see [the policy]\u2060(https://evil.invalid) or [x]\u2060[1]\u2060\n[1]\u2060: https://evil.invalid " +
                     "**![pixel]\u2060(https://evil.invalid/p.png)**[Doc › Q](https://ok.invalid/a%29%5Bevil%5D%28https://evil.invalid)", markdown);
        Assert.Single(MarkdownLink().Matches(markdown));
        Assert.Equal("[A \\[draft\\] › B](https://ok.invalid/p)", TeamsCardRenderer.Markdown(RichText.Of(Span.Link("A [draft] › B", "https://ok.invalid/p"))));
    }

    [Fact]
    public void Guideline_text_with_link_syntax_is_shown_as_written_not_as_a_link()
    {
        var section = Section with { Passages = [new Passage("Hamsters: see [the policy](https://evil.invalid/phish).", 3, 3)] };
        var content = TeamsCardRenderer.Render(new OnboardingMessage(new OnboardingSection(section, 1, 1, "d0.s0")))!.Content;

        var texts = content["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>() ?? "").ToList();
        Assert.Equal("Hamsters: see [the policy]\u2060(https://evil.invalid/phish).", texts[2]);
        Assert.Equal(section.Text, texts[2].Replace("\u2060", "", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => MarkdownLink().Matches(t).Any(m => m.Value.Contains("evil", StringComparison.Ordinal)));
    }

    [Fact]
    public void Topics_of_a_large_knowledge_base_keep_their_start_within_the_size_budget_and_say_they_were_shortened()
    {
        var sections = Enumerable.Range(0, 60)
            .Select(i => Section with { Id = $"s{i}", Heading = $"Topic {i}: may staff share photos of school events on their own social media accounts?" })
            .ToList();
        var documents = Enumerable.Range(0, 200)
            .Select(d => new GuidelineDocument($"d{d}", $"Document {d}", $"d{d}.txt", "hash", DocumentMetadata.None, sections))
            .ToList();

        var card = TeamsCardRenderer.Render(new TopicsMessage(new TopicsReply("topics", documents)))!.Content;

        Assert.InRange(card.ToJsonString(TeamsWire.Json.Options).Length, 1, TeamsCardRenderer.MaxCardChars);
        var body = card["body"]!.AsArray();
        var texts = body.Select(b => b!["text"]!.GetValue<string>()).ToList();
        Assert.Equal([MessageContent.TopicsTitle, "**Document 0** (60 topics)", string.Join("\n", sections.Select(s => "- " + s.Heading))], texts[..3]);
        Assert.Equal(MessageContent.Shortened, texts[^1]);
        Assert.True(body[^1]!["isSubtle"]!.GetValue<bool>());
        var cut = texts[^2].Split('\n');
        Assert.InRange(cut.Length, 1, sections.Count - 1);
        Assert.Equal(sections.Take(cut.Length).Select(s => "- " + s.Heading), cut);
    }

    [Fact]
    public void Answer_with_a_very_long_guideline_text_is_cut_at_a_break_with_a_note_and_keeps_its_vote_buttons()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 3000).Select(i => $"Paragraph {i}: staff keep personal and school accounts apart, always."));
        Assert.True(text.Length > 200_000);
        var section = Section with { Passages = [new Passage(text, 1, 6000)] };

        var card = TeamsCardRenderer.Render(new AnswerMessage(new AnswerReply("photos?", section, text, 0.9, []), "q-1"))!.Content;

        Assert.InRange(card.ToJsonString(TeamsWire.Json.Options).Length, 1, TeamsCardRenderer.MaxCardChars);
        var texts = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Equal(section.Heading, texts[0]);
        Assert.StartsWith(texts[1] + "\n\n", text, StringComparison.Ordinal);
        Assert.Equal(MessageContent.Shortened, texts[2]);
        Assert.Contains(section.Breadcrumb, texts[3], StringComparison.Ordinal);
        Assert.Equal([MessageContent.HelpfulLabel, MessageContent.NotHelpfulLabel], CardJson.Submits(card).Select(s => s["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Non_ascii_text_counts_one_character_each_towards_the_size_limit_as_it_is_sent_unescaped()
    {
        // 12,000 characters of Cyrillic: 72,000 as \uXXXX escapes, which the card was cut to a sixth of.
        var text = string.Join("\n\n", Enumerable.Range(0, 200).Select(i => $"Абзац {i}: сотрудники разделяют личные и школьные аккаунты."));
        Assert.InRange(text.Length, 11_000, 13_000);
        var section = Section with { Passages = [new Passage(text, 1, 400)] };

        var card = TeamsCardRenderer.Render(new AnswerMessage(new AnswerReply("фото?", section, text, 0.9, []), "q-1"))!.Content;

        var texts = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Equal(text, texts[1]);
        Assert.DoesNotContain(MessageContent.Shortened, texts);
        Assert.InRange(card.ToJsonString(TeamsWire.Json.Options).Length, 1, TeamsCardRenderer.MaxCardChars);
    }

    [Fact]
    public void A_card_of_many_medium_parts_is_cut_from_its_end_but_keeps_the_buttons_that_end_it()
    {
        // No single part covers the excess, so the card is cut from its end, where its closing buttons are.
        var paragraphs = Enumerable.Range(0, 60)
            .Select(i => new ParagraphBlock(RichText.Plain($"Paragraph {i}: " + string.Concat(Enumerable.Repeat("staff keep personal and school accounts apart. ", 12)))))
            .ToList();
        var closing = new ActionsBlock([new OutboundAction("Ask an expert", ActionKind.Ask, "can I friend parents?")]);
        var message = new AnswerMessage(new AnswerReply("photos?", Section, Section.Quoted, 0.9, []), "q-1");

        var card = TeamsCardRenderer.Render(message, [.. paragraphs, closing])!.Content;

        Assert.InRange(card.ToJsonString(TeamsWire.Json.Options).Length, 1, TeamsCardRenderer.MaxCardChars);
        var texts = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Equal(Section.Heading, texts[0]);
        Assert.Contains(MessageContent.Shortened, texts);
        Assert.InRange(texts.Count(t => t?.StartsWith("Paragraph ", StringComparison.Ordinal) == true), 1, paragraphs.Count - 1);
        Assert.Equal([MessageContent.HelpfulLabel, MessageContent.NotHelpfulLabel, "Ask an expert"], CardJson.Submits(card).Select(s => s["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Experts_ticket_card_with_a_very_long_question_and_answers_keeps_its_answer_form()
    {
        var question = string.Concat(Enumerable.Repeat("Can I bring my dog on the class trip if it is a guide dog? ", 2000));
        var expert = new ExpertRef(Channels.Teams, "aad-expert", "Sam Expert");
        var ticket = new Ticket("tkt-3f9a1c", question, "it is a guide dog", new ExpertAsker(Channels.Teams, "aad-asker", "Dana Teacher", "tenant-1", "a:dana", true, null),
            "d0.s9", "Animals on site", 0.31, DateTimeOffset.UnixEpoch)
        {
            Answers = [.. Enumerable.Range(0, 8).Select(i => new TicketAnswer($"ans-{i}", "tkt-3f9a1c", expert, new string('a', ExpertInputs.MaxAnswerLength), false, DateTimeOffset.UnixEpoch))],
        };

        var card = TeamsCardRenderer.Render(new ExpertTicketMessage(ticket, Channels.Teams, Reminder: false, DateTimeOffset.UnixEpoch))!.Content;

        Assert.InRange(card.ToJsonString(TeamsWire.Json.Options).Length, 1, TeamsCardRenderer.MaxCardChars);
        var texts = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        var shown = texts[1]!;
        Assert.StartsWith("**“", shown, StringComparison.Ordinal);
        Assert.EndsWith("**", shown, StringComparison.Ordinal);
        Assert.StartsWith(shown[3..^2] + " ", question, StringComparison.Ordinal);
        Assert.Equal(MessageContent.Shortened, texts[2]);
        Assert.Equal(ExpertInputs.Answer, Assert.Single(CardJson.OfType(card, "Input.Text"))["id"]!.GetValue<string>());
        Assert.Equal(ExpertInputs.AddToKnowledge, Assert.Single(CardJson.OfType(card, "Input.Toggle"))["id"]!.GetValue<string>());
        var submits = CardJson.Submits(card);
        Assert.Equal([MessageContent.SubmitAnswerLabel, MessageContent.AssignToMeLabel], submits.Select(s => s["title"]!.GetValue<string>()));
        Assert.Equal("auto", submits[0]["associatedInputs"]!.GetValue<string>());
    }

    [Fact]
    public void Card_within_the_budget_is_whole_and_only_its_fallback_text_is_capped_at_a_break()
    {
        var text = string.Join(" ", Enumerable.Repeat("Staff keep personal and school accounts apart.", 100));
        var section = Section with { Passages = [new Passage(text, 1, 1)] };
        var message = new AnswerMessage(new AnswerReply("photos?", section, text, 0.9, []), "q-1");

        var card = TeamsCardRenderer.Render(message)!.Content;

        var texts = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Equal(text, texts[1]);
        Assert.DoesNotContain(MessageContent.Shortened, texts);
        var fallback = card["fallbackText"]!.GetValue<string>();
        Assert.InRange(fallback.Length, 1, TeamsCardRenderer.MaxFallbackText);
        Assert.EndsWith("…", fallback, StringComparison.Ordinal);
        var full = MessageText.Render(message);
        Assert.StartsWith(fallback[..^1], full, StringComparison.Ordinal);
        Assert.Equal(' ', full[fallback.Length - 1]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[[^\]]*\]\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex MarkdownLink();
}
