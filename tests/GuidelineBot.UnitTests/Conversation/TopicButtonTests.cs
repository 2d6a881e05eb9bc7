using System.Diagnostics.Metrics;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Conversation;

/// <summary>
/// Buttons that name a section (a decline's suggestions, related topics, "did you mean", "show the whole section") show
/// that very section when pressed: not what its heading finds, which for "About these guidelines" is nothing and for a
/// heading two documents share may be the other document's section.
/// </summary>
public sealed class TopicButtonTests : IDisposable
{
    private const string Parking = """
        # Staff Parking Rules

        These rules explain where staff park at the district office and how permits work.

        ## Who do I ask?

        Ask the facilities office about parking permits and lost hang tags.

        ## How do I get a permit?

        Fill in the permit form at the front desk of the district office.
        """;

    private const string Travel = """
        # Staff Travel Guidelines

        These guidelines explain how staff book and claim work travel.

        ## Who do I ask?

        Ask the finance office about travel claims and mileage rates.

        ## How do I claim mileage?
        """;

    private readonly TestPaths.TempFolder _folder = new();
    private readonly KnowledgeBase _knowledge;
    private readonly ServiceProvider _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly GuidelineMetrics _metrics;
    private readonly MemoryQuestionLog _log = new();
    private readonly ConversationService _conversation;

    public TopicButtonTests()
    {
        _metrics = new GuidelineMetrics(_metricsServices.GetRequiredService<IMeterFactory>());
        var steps = string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
            $"Rule {i} of the mileage claim: write the trip's date, its purpose and the miles driven on line {i} of the claim form."));
        _folder.Write("parking.md", Parking);
        _folder.Write("travel.md", Travel + "\n\n" + steps + "\n");
        _knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path });
        var search = new LuceneGuidelineSearch(_knowledge, new SearchOptions { Reranker = RerankerKind.None });
        var answerOptions = Options.Create(new AnswerOptions { Contact = "the office" });
        var answers = new AnswerService(search, answerOptions);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        var onboarding = new OnboardingService(new MemoryOnboardingStore(), OnboardingCatalog.Create(_knowledge, new OnboardingOptions(), [], []), answers,
            time, Options.Create(new OnboardingOptions()), answerOptions, NullLogger<OnboardingService>.Instance, _metrics);
        _conversation = new ConversationService(answers, onboarding, new MemoryFeedbackStore(), new MemoryOnceStore(), time, new IdGenerator(time),
            NullLogger<ConversationService>.Instance, _metrics, _log);
    }

    public void Dispose()
    {
        _folder.Dispose();
        _metricsServices.Dispose();
    }

    private static ConversationContext Person => new(Channels.Web, "u1", "c1", IsDirect: true, "Dana");

    private async Task<OutboundMessage> SayAsync(string text) =>
        Assert.Single((await _conversation.HandleAsync(Person, new TextInbound(text), CancellationToken.None)).Messages);

    private async Task<AnswerMessage> PressAsync(OutboundAction button) =>
        Assert.IsType<AnswerMessage>(Assert.Single((await _conversation.HandleAsync(Person,
            ConversationInbound.FromAction(button.Kind, button.Value)!, CancellationToken.None)).Messages));

    private GuidelineSection Section(string documentId, string heading) =>
        _knowledge.Sections.Single(s => s.DocumentId == documentId && s.Heading == heading);

    [Fact]
    public async Task Every_suggestion_of_a_decline_shows_its_section_when_pressed_the_introduction_too()
    {
        var declined = Assert.IsType<NoAnswerMessage>(await SayAsync("what is on the cafeteria menu"));
        var buttons = declined.Actions.Where(a => a.Kind == ActionKind.Ask).ToList();
        Assert.NotEmpty(buttons);
        foreach (var button in buttons)
        {
            var shown = await PressAsync(button);
            Assert.StartsWith(shown.Reply.Section.Heading, button.Label, StringComparison.Ordinal);
            Assert.Equal(shown.Reply.Section.Text, shown.Reply.Text);
        }

        // Asked as words, the introduction's heading finds nothing: the button is what shows it.
        var intro = Section("parking", DocumentParser.IntroductionHeading);
        Assert.IsType<NoAnswerMessage>(await SayAsync(intro.Heading));
        var pressed = await PressAsync(new OutboundAction(intro.Heading, ActionKind.Ask, new AnswerRef(null, intro.Id, intro.Heading).Encode()));
        Assert.Equal(intro, pressed.Reply.Section);
        Assert.Equal(intro.Heading, pressed.Reply.Question);
    }

    [Fact]
    public async Task A_heading_two_documents_share_shows_the_section_of_the_document_named_on_the_button()
    {
        var answer = Assert.IsType<AnswerMessage>(await SayAsync("who do I ask about travel claims"));
        var travel = Section("travel", "Who do I ask?");
        var parking = Section("parking", "Who do I ask?");
        Assert.Equal(travel, answer.Reply.Section);

        // The other document's section is offered by its document, and pressing it shows that one, not this answer again.
        var reply = answer.Reply with { Related = [parking, Section("parking", DocumentParser.IntroductionHeading), Section("travel", DocumentParser.IntroductionHeading)] };
        var related = new AnswerMessage(reply, "q1").Actions.Where(a => a.Kind == ActionKind.Ask).ToList();
        Assert.Equal(["Who do I ask? (Staff Parking Rules)", "About these guidelines (Staff Parking Rules)", "About these guidelines (Staff Travel Guidelines)"],
            related.Select(a => a.Label));
        Assert.Equal(parking, (await PressAsync(related[0])).Reply.Section);
        Assert.Equal(Section("travel", DocumentParser.IntroductionHeading), (await PressAsync(related[2])).Reply.Section);

        var closeCall = new AnswerMessage(answer.Reply with { Alternative = parking, Related = [parking] }, "q2");
        var offered = Assert.Single(closeCall.Actions, a => a.Kind == ActionKind.Ask);
        Assert.Equal("Who do I ask? (Staff Parking Rules)", offered.Label);
        Assert.Equal(parking, (await PressAsync(offered)).Reply.Section);
    }

    [Fact]
    public async Task Related_topics_come_from_the_answers_document_unless_another_documents_section_would_answer_too()
    {
        var answer = Assert.IsType<AnswerMessage>(await SayAsync("how do I get a parking permit at the district office"));
        Assert.Equal(Section("parking", "How do I get a permit?"), answer.Reply.Section);

        // "office" and "district" are in the travel document too, but nothing there would answer this.
        Assert.NotEmpty(answer.Reply.Related);
        Assert.All(answer.Reply.Related, r => Assert.Equal("parking", r.DocumentId));
    }

    [Fact]
    public async Task A_long_section_quoted_in_part_offers_the_whole_section_which_a_press_shows()
    {
        var answer = Assert.IsType<AnswerMessage>(await SayAsync("where do I write the miles driven on line 7"));
        var section = answer.Reply.Section;
        Assert.Equal("How do I claim mileage?", section.Heading);
        Assert.True(answer.Reply.IsPartial);
        Assert.Contains("line 7", answer.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rule 1 of", answer.Reply.Text, StringComparison.Ordinal);

        Assert.Contains(answer.Content, b => b is NoteBlock { Text.PlainText: MessageContent.PartialNote });
        var whole = await PressAsync(Assert.Single(answer.Actions, a => a.Label == MessageContent.WholeSectionLabel));
        Assert.Equal(section, whole.Reply.Section);
        Assert.Equal(section.Text, whole.Reply.Text);
        Assert.False(whole.Reply.IsPartial);
        Assert.DoesNotContain(whole.Reply.Related, r => r.IsIntroduction);

        // A vote on the whole section shows it whole again with the thank-you.
        var helpful = Assert.Single(whole.Actions, a => a.Kind == ActionKind.Helpful);
        var thanks = Assert.IsType<FeedbackThanksMessage>(Assert.Single((await _conversation.HandleAsync(Person,
            ConversationInbound.FromAction(ActionKind.Helpful, helpful.Value)!, CancellationToken.None)).Messages));
        Assert.Equal(section.Text, thanks.Answer?.Reply.Text);
        Assert.DoesNotContain(whole.Actions, a => a.Label == MessageContent.WholeSectionLabel);
        Assert.DoesNotContain(whole.Content, b => b is NoteBlock { Text.PlainText: MessageContent.PartialNote });
    }

    [Fact]
    public async Task Example_questions_show_their_own_sections_one_button_per_heading()
    {
        var help = Assert.IsType<HelpMessage>(await SayAsync("help"));
        var examples = help.Actions.Where(a => a.Kind == ActionKind.Ask).ToList();

        // "Who do I ask?" heads a section in both documents: offered once, named by its document, and pressing it shows
        // that document's.
        Assert.Equal(["Who do I ask? (Staff Parking Rules)", "How do I get a permit?"], examples.Select(a => a.Label));
        var sections = new[] { Section("parking", "Who do I ask?"), Section("parking", "How do I get a permit?") };
        Assert.Equal(sections.Select(s => new AskInbound(s.Heading, s.Id)), examples.Select(a => ConversationInbound.FromAction(a.Kind, a.Value)));
        foreach (var (example, section) in examples.Zip(sections))
        {
            var shown = await PressAsync(example);
            Assert.Equal((section, section.Text, true), (shown.Reply.Section, shown.Reply.Text, shown.Reply.Picked));
        }
    }

    [Fact]
    public async Task The_onboarding_summarys_examples_name_their_document_when_another_document_has_the_heading()
    {
        // Walk the onboarding to its end by its primary buttons (Start, Next, I have read …).
        var messages = (await _conversation.HandleAsync(Person, new TextInbound("onboard"), CancellationToken.None)).Messages;
        for (var step = 0; step < 40 && !messages.OfType<OnboardingMessage>().Any(m => m.Output is OnboardingSummary); step++)
        {
            var next = messages.OfType<OnboardingMessage>().Last().Actions.First(a => a.Kind == ActionKind.Onboarding);
            messages = (await _conversation.HandleAsync(Person, ConversationInbound.FromAction(next.Kind, next.Value)!, CancellationToken.None)).Messages;
        }

        var summary = Assert.Single(messages.OfType<OnboardingMessage>(), m => m.Output is OnboardingSummary);
        var examples = summary.Actions.Where(a => a.Kind == ActionKind.Ask).ToList();
        Assert.Equal(["Who do I ask? (Staff Parking Rules)", "How do I get a permit?"], examples.Select(a => a.Label));
        var shown = await PressAsync(examples[0]);
        Assert.Equal(Section("parking", "Who do I ask?"), shown.Reply.Section);
    }

    [Fact]
    public async Task A_long_sections_heading_typed_as_the_question_shows_all_of_it_and_so_does_its_vote()
    {
        var section = Section("travel", "How do I claim mileage?");
        foreach (var typed in new[] { "How do I claim mileage?", "how do i claim mileage" })
        {
            var answer = Assert.IsType<AnswerMessage>(await SayAsync(typed));
            Assert.Equal((section, section.Text, false), (answer.Reply.Section, answer.Reply.Text, answer.Reply.Picked));
            Assert.DoesNotContain(answer.Actions, a => a.Label == MessageContent.WholeSectionLabel);

            var vote = Assert.Single(answer.Actions, a => a.Kind == ActionKind.Helpful);
            var thanks = Assert.IsType<FeedbackThanksMessage>(Assert.Single((await _conversation.HandleAsync(Person,
                ConversationInbound.FromAction(ActionKind.Helpful, vote.Value)!, CancellationToken.None)).Messages));
            Assert.Equal(section.Text, thanks.Answer?.Reply.Text);
        }

        // Words beyond the heading are a question: the matching part, with the whole section a press away.
        var asked = Assert.IsType<AnswerMessage>(await SayAsync("how do I claim mileage for line 7"));
        Assert.True(asked.Reply.IsPartial);
    }

    [Fact]
    public async Task A_heading_typed_as_topics_lists_it_shows_that_section_when_only_one_has_it()
    {
        // "About these guidelines" is all background words: typed, it was declined.
        var permit = Assert.IsType<AnswerMessage>(await SayAsync("how do I get a permit"));
        Assert.Equal(Section("parking", "How do I get a permit?"), permit.Reply.Section);

        _folder.Write("travel.md", "# Staff Travel Guidelines\n\n## Booking\n\nBook trips through the travel desk.\n");
        using var search = new LuceneGuidelineSearch(KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path }), new SearchOptions { Reranker = RerankerKind.None });
        var answers = new AnswerService(search, Options.Create(new AnswerOptions()));
        var intro = Assert.IsType<AnswerReply>(answers.Ask("About these guidelines"));
        Assert.Equal(("parking", true, intro.Section.Text), (intro.Section.DocumentId, intro.Section.IsIntroduction, intro.Text));

        // A heading two sections share names neither: the question is ranked as any other ("Who do I ask?" in both), its
        // confidence the ranking's, not a named section's certainty.
        Assert.True(await SayAsync("Who do I ask") is not AnswerMessage { Reply.Score: >= 1 });
        Assert.Equal(1, permit.Reply.Score);
    }

    [Theory]
    [InlineData("Can I \"friend\" parents on Facebook?")]
    [InlineData("can i friend parents on facebook")]
    [InlineData("\u201CCan I \u2018friend\u2019 parents on Facebook?\u201D")]
    public void A_heading_with_curly_quotes_is_named_by_a_keyboard_s_straight_ones_or_none(string typed)
    {
        // Typed with straight quotes, the heading was a question like any other: part of the section, not all of it.
        _folder.Write("social.md", "# Social Media\n\n## Can I \u201Cfriend\u201D parents on Facebook?\n\nUse caution.\n\n- Keep it professional.\n- Never message students.\n\n## Can I post photos?\n\nOnly with consent.\n");
        using var search = new LuceneGuidelineSearch(KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path }), new SearchOptions { Reranker = RerankerKind.None });
        var answers = new AnswerService(search, Options.Create(new AnswerOptions()));

        var reply = Assert.IsType<AnswerReply>(answers.Ask(typed));

        Assert.Equal(("Can I \u201Cfriend\u201D parents on Facebook?", 1.0), (reply.Section.Heading, reply.Score));
        Assert.Equal(reply.Section.Quoted, reply.Text);
        Assert.Contains("Use caution.\n\n• Keep it professional.\n• Never message students.", reply.Text, StringComparison.Ordinal); // its list as a list
    }

    [Theory]
    [InlineData("High schools › Chaperones", "fifteen")]
    [InlineData("chaperones (high schools)", "fifteen")]
    [InlineData("Chaperones (Elementary schools)", "six")]
    public void A_repeated_heading_typed_as_the_topics_list_or_a_button_shows_it_names_that_section(string typed, string expected)
    {
        _folder.Write("trips.md", "# Field Trip Handbook\n\n## Elementary schools\n\n### Chaperones\n\nOne adult for every six students.\n\n"
            + "## High schools\n\n### Chaperones\n\nOne adult for every fifteen students.\n");
        using var search = new LuceneGuidelineSearch(KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path }), new SearchOptions { Reranker = RerankerKind.None });
        var answers = new AnswerService(search, Options.Create(new AnswerOptions()));

        var reply = Assert.IsType<AnswerReply>(answers.Ask(typed));

        Assert.Equal(("Chaperones", 1.0), (reply.Section.Heading, reply.Score));
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_opened_from_a_button_is_logged_as_picked_not_as_an_answer()
    {
        var answer = Assert.IsType<AnswerMessage>(await SayAsync("where do I write the miles driven on line 7"));
        var whole = await PressAsync(Assert.Single(answer.Actions, a => a.Label == MessageContent.WholeSectionLabel));
        var topic = await PressAsync(Assert.Single(whole.Actions, a => a.Kind == ActionKind.Ask && a.Label.StartsWith("Who do I ask?", StringComparison.Ordinal)));

        Assert.Equal([QuestionOutcome.Answered, QuestionOutcome.Picked, QuestionOutcome.Picked], _log.Questions.Select(q => q.Outcome));
        Assert.Equal([answer.Reply.Section.Id, whole.Reply.Section.Id, topic.Reply.Section.Id], _log.Questions.Select(q => q.SectionId));
        Assert.Equal(whole.QuestionId, _log.Questions[1].Id);
        Assert.Equal(("answered", "picked"), (GuidelineMetrics.Outcome(answer.Reply), GuidelineMetrics.Outcome(whole.Reply)));

        // The same heading typed is a question again, answered by a search.
        Assert.IsType<AnswerMessage>(await SayAsync(topic.Reply.Section.Heading + " about travel claims"));
        Assert.Equal(QuestionOutcome.Answered, _log.Questions[^1].Outcome);
    }

    [Fact]
    public async Task A_button_for_a_section_the_knowledge_no_longer_has_asks_its_heading_and_a_bare_question_is_asked()
    {
        var gone = new AnswerRef(null, "parking#99", "How do I get a permit?").Encode();
        var asked = await PressAsync(new OutboundAction("How do I get a permit?", ActionKind.Ask, gone));
        Assert.Equal(Section("parking", "How do I get a permit?"), asked.Reply.Section);

        // An id that now names another section (an edit moved the sections since the button was sent) is not shown.
        var moved = new AnswerRef(null, Section("parking", "Who do I ask?").Id, "How do I get a permit?").Encode();
        Assert.Equal(Section("parking", "How do I get a permit?"), (await PressAsync(new OutboundAction("How do I get a permit?", ActionKind.Ask, moved))).Reply.Section);

        var bare = await PressAsync(new OutboundAction("How do I get a permit?", ActionKind.Ask, "How do I get a permit?"));
        Assert.Equal(Section("parking", "How do I get a permit?"), bare.Reply.Section);

        // Each was a topic the person picked, found by its heading: logged as picked, not as a question they asked.
        Assert.Equal([QuestionOutcome.Picked, QuestionOutcome.Picked, QuestionOutcome.Picked], _log.Questions.Select(q => q.Outcome));
        Assert.All([asked, bare], m => Assert.True(m.Reply.Picked));
        Assert.Null(ConversationInbound.FromAction(ActionKind.Ask, new AnswerRef(null, "parking#1", " ").Encode()));
    }

    [Fact]
    public void A_section_id_too_long_for_a_button_leaves_its_heading_to_ask()
    {
        var section = Section("parking", "How do I get a permit?") with { Id = new string('p', 1500) + "#2" };
        var button = Assert.Single(new NoAnswerMessage(new NoAnswerReply("lunch?", [section], "the office"), "q1").Actions, a => a.Kind == ActionKind.Ask);

        Assert.Equal(new AskInbound("How do I get a permit?"), ConversationInbound.FromAction(ActionKind.Ask, button.Value));
    }

    [Fact]
    public async Task Votes_and_shares_on_a_shown_section_rebuild_it()
    {
        var intro = Section("travel", DocumentParser.IntroductionHeading);
        var shown = await PressAsync(new OutboundAction(intro.Heading, ActionKind.Ask, new AnswerRef(null, intro.Id, intro.Heading).Encode()));
        var helpful = Assert.Single(shown.Actions, a => a.Kind == ActionKind.Helpful);
        var thanks = Assert.IsType<FeedbackThanksMessage>(Assert.Single((await _conversation.HandleAsync(Person,
            ConversationInbound.FromAction(ActionKind.Helpful, helpful.Value)!, CancellationToken.None)).Messages));
        Assert.Equal(intro, thanks.Answer?.Reply.Section);

        var shared = Assert.IsType<AnswerMessage>(Assert.Single((await _conversation.HandleAsync(Person,
            ConversationInbound.FromAction(ActionKind.Share, helpful.Value)!, CancellationToken.None)).Messages));
        Assert.Equal(intro, shared.Reply.Section);
    }
}
