using System.Diagnostics.Metrics;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Logging;
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

/// <summary>The conversation core on its own: no channel, in-memory stores, the real (lexical) answer engine over knowledge/.</summary>
public sealed class ConversationServiceTests : IDisposable
{
    private const string Friending = "can I friend parents?";
    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = TestPaths.Knowledge });

    private readonly LuceneGuidelineSearch _search = new(Knowledge, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);
    private readonly ServiceProvider _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryFeedbackStore _feedback = new();
    private readonly MemoryQuestionLog _log = new();
    private readonly ConversationService _conversation;

    public ConversationServiceTests()
    {
        var metrics = new GuidelineMetrics(_metricsServices.GetRequiredService<IMeterFactory>());
        var answerOptions = Options.Create(new AnswerOptions { Contact = "the Director of Technology" });
        var answers = new AnswerService(_search, answerOptions);
        var onboarding = new OnboardingService(new MemoryOnboardingStore(), OnboardingCatalog.Create(Knowledge, new OnboardingOptions(), [], []), answers,
            _time, Options.Create(new OnboardingOptions { AutoStart = true }), answerOptions, NullLogger<OnboardingService>.Instance, metrics);
        _conversation = new ConversationService(answers, onboarding, _feedback, new MemoryOnceStore(), _time, new IdGenerator(_time), NullLogger<ConversationService>.Instance,
            metrics, _log);
    }

    private static ConversationContext Person(string user = "u1", bool direct = true, string conversation = "c1") =>
        new(Channels.Web, user, conversation, direct, "Dana");

    private Task<ConversationResponse> SayAsync(string text, ConversationContext? context = null) =>
        _conversation.HandleAsync(context ?? Person(), new TextInbound(text), CancellationToken.None);

    private Task<ConversationResponse> VoteAsync(AnswerMessage answer, bool helpful, ConversationContext? context = null) =>
        _conversation.HandleAsync(context ?? Person(), ConversationInbound.FromAction(helpful ? ActionKind.Helpful : ActionKind.NotHelpful,
            answer.Actions.First(a => a.Kind == ActionKind.Helpful).Value)!, CancellationToken.None);

    [Fact]
    public async Task A_question_is_answered_logged_once_and_its_feedback_buttons_carry_the_logged_id()
    {
        var answer = Assert.IsType<AnswerMessage>(Assert.Single((await SayAsync(Friending)).Messages));

        var logged = Assert.Single(_log.Questions);
        Assert.Equal(answer.QuestionId, logged.Id);
        Assert.Equal(QuestionOutcome.Answered, logged.Outcome);
        Assert.Equal(Channels.Web, logged.Channel);
        Assert.Equal(LogText.Pseudonym("web:u1"), logged.UserHash);
        Assert.Equal(Friending, logged.Text);
        Assert.Equal(answer.Reply.Section.Id, logged.SectionId);
        Assert.Equal(answer.Reply.Section.DocumentId, logged.DocumentId);
        Assert.Equal(answer.Reply.Score, logged.Confidence);
        Assert.True(logged.LatencyMs >= 0);
        Assert.Equal(_time.GetUtcNow(), logged.At);

        var buttons = answer.Actions.Where(a => a.Kind is ActionKind.Helpful or ActionKind.NotHelpful).ToList();
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.Equal(new AnswerRef(logged.Id, logged.SectionId, Friending) { SectionCheck = answer.Reply.Section.HeadingCheck },
            AnswerRef.Decode(b.Value)));

        await SayAsync(Friending);
        Assert.Equal(2, _log.Questions.Select(q => q.Id).Distinct().Count()); // every question gets its own id
    }

    [Theory]
    [InlineData("what is the weather on mars tomorrow", QuestionOutcome.Declined)]
    [InlineData("help", QuestionOutcome.Other)]
    [InlineData("topics", QuestionOutcome.Other)]
    [InlineData("thanks", QuestionOutcome.Other)]
    public async Task Declined_questions_and_other_turns_are_logged_with_their_outcome(string text, QuestionOutcome outcome)
    {
        var message = Assert.Single((await SayAsync(text)).Messages);

        var logged = Assert.Single(_log.Questions);
        Assert.Equal(outcome, logged.Outcome);
        Assert.Null(logged.SectionId);
        Assert.Equal(text, logged.Text);
        if (outcome == QuestionOutcome.Declined)
        {
            Assert.Equal(logged.Id, Assert.IsType<NoAnswerMessage>(message).QuestionId);
            Assert.Contains("Director of Technology", MessageText.Render(message), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_vote_per_answer_and_person_a_repeat_changes_nothing_a_changed_vote_replaces_it()
    {
        var answer = Assert.IsType<AnswerMessage>((await SayAsync(Friending)).Messages[0]);

        var first = Assert.IsType<FeedbackThanksMessage>(Assert.Single((await VoteAsync(answer, helpful: true)).Messages));
        var repeat = Assert.IsType<FeedbackThanksMessage>(Assert.Single((await VoteAsync(answer, helpful: true)).Messages));
        var changed = Assert.IsType<FeedbackThanksMessage>(Assert.Single((await VoteAsync(answer, helpful: false)).Messages));
        await VoteAsync(answer, helpful: true, Person("u2"));

        Assert.True(first.Counted);
        Assert.False(repeat.Counted);
        Assert.True(changed.Counted);
        var votes = await _feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(2, votes.Count);
        Assert.False(Assert.Single(votes, v => v.UserId == "u1").Helpful);
        Assert.Equal(Friending, votes[0].Question);
        Assert.Equal(answer.Reply.Section.Id, votes[0].SectionId);
        Assert.Equal([(answer.QuestionId!, true), (answer.QuestionId!, false), (answer.QuestionId!, true)], _log.Feedback);

        // The answer voted on comes back with the thank-you in place of its buttons.
        Assert.Equal(false, changed.Answer!.Feedback);
        Assert.DoesNotContain(changed.Answer.Actions, a => a.Kind is ActionKind.Helpful or ActionKind.NotHelpful);
        Assert.Contains("Thanks for your feedback", MessageText.Render(changed.Answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_on_an_answer_the_guidelines_do_not_give_is_not_counted_and_says_so()
    {
        // A made-up button value (or a button older than the section it answered): nothing to count the vote for.
        var forged = new AnswerRef("q-forged", "nosuchdocument#nosuchsection", "anything at all").Encode();

        var response = await _conversation.HandleAsync(Person(), ConversationInbound.FromAction(ActionKind.Helpful, forged)!, CancellationToken.None);

        var notice = Assert.IsType<NoticeMessage>(Assert.Single(response.Messages));
        Assert.Equal(NoticeKind.VoteOnAnAnswerGone, notice.Kind);
        Assert.Contains("wasn't counted", MessageText.Render(notice), StringComparison.Ordinal);
        Assert.Empty(await _feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Empty(_log.Feedback);
    }

    [Fact]
    public async Task A_vote_whose_section_id_now_belongs_to_another_section_is_not_counted_nor_shared()
    {
        // Section ids are positions: after an edit, the id an old button carries may be another section's. The button's
        // heading check tells them apart (here: the check of another heading than the one now at that id).
        var answer = Assert.IsType<AnswerMessage>((await SayAsync(Friending)).Messages[0]);
        var other = Knowledge.Documents[0].Sections.First(s => s.Id != answer.Reply.Section.Id);
        var stale = answer.Ref with { SectionCheck = other.HeadingCheck };

        var vote = await _conversation.HandleAsync(Person(), ConversationInbound.FromAction(ActionKind.NotHelpful, stale.Encode())!, CancellationToken.None);
        var share = await _conversation.HandleAsync(Person(), ConversationInbound.FromAction(ActionKind.Share, stale.Encode())!, CancellationToken.None);

        Assert.Equal(NoticeKind.VoteOnAnAnswerGone, Assert.IsType<NoticeMessage>(Assert.Single(vote.Messages)).Kind);
        Assert.Equal(NoticeKind.ShareOfAnAnswerGone, Assert.IsType<NoticeMessage>(Assert.Single(share.Messages)).Kind);
        Assert.Empty(await _feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Empty(_log.Feedback);

        // The same button with the right check, and one from before buttons carried it, count.
        Assert.True(Assert.IsType<FeedbackThanksMessage>(Assert.Single((await VoteAsync(answer, helpful: true)).Messages)).Counted);
        var older = (answer.Ref with { SectionCheck = null }).Encode();
        Assert.Equal(3, older.Split('\n').Length);
        var olderVote = await _conversation.HandleAsync(Person("u2"), ConversationInbound.FromAction(ActionKind.Helpful, older)!, CancellationToken.None);
        Assert.True(Assert.IsType<FeedbackThanksMessage>(Assert.Single(olderVote.Messages)).Counted);
    }

    [Fact]
    public async Task Votes_on_two_answers_to_the_same_question_count_separately()
    {
        var one = Assert.IsType<AnswerMessage>((await SayAsync(Friending)).Messages[0]);
        var two = Assert.IsType<AnswerMessage>((await SayAsync(Friending)).Messages[0]);

        await VoteAsync(one, helpful: true);
        await VoteAsync(two, helpful: true);

        Assert.Equal(2, (await _feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_failing_question_log_never_breaks_an_answer_or_a_vote()
    {
        _log.Fail = true;

        var answer = Assert.IsType<AnswerMessage>(Assert.Single((await SayAsync(Friending)).Messages));
        var thanks = Assert.IsType<FeedbackThanksMessage>(Assert.Single((await VoteAsync(answer, helpful: true)).Messages));

        Assert.True(thanks.Counted);
        Assert.Single(await _feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Onboarding_asked_for_outside_a_direct_conversation_goes_to_the_direct_one_with_a_notice_here()
    {
        var response = await SayAsync("start onboarding", Person(direct: false));

        Assert.True(response.ToDirectChat);
        Assert.Equal(NoticeKind.MovedToDirectChat, Assert.IsType<NoticeMessage>(response.NoticeHere).Kind);
        Assert.Contains(response.Messages, m => m is OnboardingMessage { Output: OnboardingGreeting { DisplayName: "Dana" } });
        Assert.Contains(response.Messages, m => m is OnboardingMessage { Output: OnboardingSection { Number: 1 } });
        Assert.Equal(QuestionOutcome.Other, Assert.Single(_log.Questions).Outcome);
    }

    [Fact]
    public async Task Resume_asked_for_outside_a_direct_conversation_with_nothing_to_resume_says_so_here()
    {
        // It said "I've sent you a private chat, your onboarding continues there" and the private chat "You have no
        // onboarding in progress".
        var response = await SayAsync("resume", Person(direct: false));

        Assert.False(response.ToDirectChat);
        Assert.Null(response.NoticeHere);
        var message = Assert.IsType<OnboardingMessage>(Assert.Single(response.Messages));
        Assert.Equal(OnboardingNoticeKind.NotStarted, Assert.IsType<OnboardingNotice>(message.Output).Kind);

        // Its "Start onboarding" button, pressed there, walks through in the private chat as the typed word does.
        var start = Assert.Single(message.Actions, a => a.Kind == ActionKind.Onboarding);
        var started = await _conversation.HandleAsync(Person(direct: false), ConversationInbound.FromAction(start.Kind, start.Value)!, CancellationToken.None);
        Assert.True(started.ToDirectChat);
        Assert.Equal(NoticeKind.MovedToDirectChat, Assert.IsType<NoticeMessage>(started.NoticeHere).Kind);
        Assert.Contains(started.Messages, m => m is OnboardingMessage { Output: OnboardingSection { Number: 1 } });
    }

    [Theory]
    [InlineData("next")]
    [InlineData("pause")]
    public async Task Next_or_pause_outside_a_direct_conversation_with_no_walk_through_says_so_here_and_is_no_question(string word)
    {
        var response = await SayAsync(word, Person(direct: false));

        Assert.False(response.ToDirectChat);
        var notice = Assert.IsType<OnboardingNotice>(Assert.IsType<OnboardingMessage>(Assert.Single(response.Messages)).Output);
        Assert.Equal(OnboardingNoticeKind.NotStarted, notice.Kind);
        Assert.Equal(QuestionOutcome.Other, Assert.Single(_log.Questions).Outcome);
    }

    [Fact]
    public async Task Pause_outside_a_direct_conversation_pauses_the_walk_through_here_and_next_there_moves_it_on_in_the_direct_one()
    {
        await SayAsync("onboard");

        var paused = await SayAsync("pause", Person(direct: false));
        Assert.False(paused.ToDirectChat);
        Assert.IsType<OnboardingPaused>(Assert.IsType<OnboardingMessage>(Assert.Single(paused.Messages)).Output);

        var next = await SayAsync("next", Person(direct: false));
        Assert.True(next.ToDirectChat);
        Assert.Equal(NoticeKind.MovedToDirectChat, Assert.IsType<NoticeMessage>(next.NoticeHere).Kind);
        Assert.Contains(next.Messages, m => m is OnboardingMessage { Output: OnboardingSection { Number: 2 } });
        Assert.DoesNotContain(next.Messages, m => m is AnswerMessage or NoAnswerMessage);
    }

    [Fact]
    public async Task While_onboarding_is_active_a_direct_message_belongs_to_it_and_a_question_is_answered_then_continue_is_offered()
    {
        var started = await SayAsync("onboard");
        Assert.False(started.ToDirectChat);
        var next = started.Messages.OfType<OnboardingMessage>().SelectMany(m => m.Actions).First(a => a.Label == "Next");

        var stepped = await _conversation.HandleAsync(Person(), ConversationInbound.FromAction(next.Kind, next.Value)!, CancellationToken.None);
        Assert.Equal(2, Assert.IsType<OnboardingSection>(Assert.IsType<OnboardingMessage>(Assert.Single(stepped.Messages)).Output).Number);

        var asked = await SayAsync(Friending);
        var answer = Assert.IsType<AnswerMessage>(asked.Messages[0]);
        Assert.IsType<OnboardingAnsweredQuestion>(Assert.IsType<OnboardingMessage>(asked.Messages[1]).Output);
        var logged = _log.Questions.Single(q => q.Text == Friending);
        Assert.Equal(QuestionOutcome.Answered, logged.Outcome);
        Assert.Equal(answer.QuestionId, logged.Id);

        // In a shared conversation the same person's text is a plain question, not an onboarding step.
        var elsewhere = await SayAsync(Friending, Person(direct: false, conversation: "team"));
        Assert.IsType<AnswerMessage>(Assert.Single(elsewhere.Messages));
    }

    [Fact]
    public async Task While_onboarding_is_paused_next_and_the_pause_words_belong_to_it_not_to_the_answers()
    {
        // "next" typed while paused was answered "I couldn't find this in the guidelines", offered to the experts and
        // logged among the unanswered questions; "cancel", "quit" and "exit" too.
        await SayAsync("onboard");
        var paused = await SayAsync("pause");
        Assert.IsType<OnboardingPaused>(Assert.IsType<OnboardingMessage>(Assert.Single(paused.Messages)).Output);

        var again = await SayAsync("cancel");
        Assert.IsType<OnboardingPaused>(Assert.IsType<OnboardingMessage>(Assert.Single(again.Messages)).Output);
        var next = await SayAsync("Next");
        Assert.Equal(2, Assert.IsType<OnboardingSection>(Assert.IsType<OnboardingMessage>(Assert.Single(next.Messages)).Output).Number);

        Assert.DoesNotContain(_log.Questions, q => q.Outcome == QuestionOutcome.Declined);
        Assert.Equal(["onboard", "pause", "cancel", "Next"], _log.Questions.Select(q => q.Text));

        // In a shared conversation "next" moves the person's walk-through on too, in their direct conversation (it was
        // answered as a question there: "I couldn't find this in the guidelines").
        var elsewhere = await SayAsync("next", Person(direct: false, conversation: "team"));
        Assert.True(elsewhere.ToDirectChat);
        Assert.Equal(3, Assert.IsType<OnboardingSection>(Assert.IsType<OnboardingMessage>(Assert.Single(elsewhere.Messages)).Output).Number);

        // With no walk-through in progress, "next" and "pause" in a direct chat say so (and how to start one), like
        // "resume": they were answered "I couldn't find this in the guidelines".
        foreach (var word in new[] { "next", "pause" })
        {
            var stranger = await SayAsync(word, Person(user: "u2"));
            var notice = Assert.IsType<OnboardingNotice>(Assert.IsType<OnboardingMessage>(Assert.Single(stranger.Messages)).Output);
            Assert.Equal(OnboardingNoticeKind.NotStarted, notice.Kind);
        }

        Assert.DoesNotContain(_log.Questions, q => q.Outcome == QuestionOutcome.Declined);
    }

    [Fact]
    public async Task The_welcome_is_sent_once_per_conversation()
    {
        var first = await _conversation.HandleAsync(Person(conversation: "team-1"), new WelcomeInbound(), CancellationToken.None);
        var again = await _conversation.HandleAsync(Person(user: "u2", conversation: "team-1"), new WelcomeInbound(), CancellationToken.None);
        var other = await _conversation.HandleAsync(Person(conversation: "team-2"), new WelcomeInbound(), CancellationToken.None);

        Assert.True(Assert.IsType<HelpMessage>(Assert.Single(first.Messages)).IsWelcome);
        Assert.Empty(again.Messages);
        Assert.Single(other.Messages);
    }

    [Fact]
    public async Task A_person_who_joins_gets_onboarding_in_a_direct_conversation_once()
    {
        var first = await _conversation.HandleAsync(Person("new-hire", direct: false), new MemberJoinedInbound(), CancellationToken.None);
        var again = await _conversation.HandleAsync(Person("new-hire", direct: false), new MemberJoinedInbound(), CancellationToken.None);

        Assert.True(first.ToDirectChat);
        Assert.Null(first.NoticeHere);
        Assert.NotEmpty(first.Messages);
        Assert.Empty(again.Messages);
    }

    [Fact]
    public async Task Share_shows_the_answer_for_everyone_without_buttons_and_names_who_shared_it()
    {
        var answer = Assert.IsType<AnswerMessage>((await SayAsync(Friending)).Messages[0]);

        var shared = Assert.IsType<AnswerMessage>(Assert.Single((await _conversation.HandleAsync(Person("u9"), new ShareInbound(answer.Ref), CancellationToken.None)).Messages));

        Assert.Equal("u9", shared.SharedBy);
        Assert.DoesNotContain(shared.Actions, a => a.Kind != ActionKind.Ask);
        Assert.Contains(shared.Content.OfType<NoteBlock>().SelectMany(n => n.Text.Spans), s => s.MentionUserId == "u9");
    }

    [Fact]
    public async Task Core_text_is_structured_never_marked_up_for_one_channel()
    {
        var messages = new List<OutboundMessage>();
        foreach (var text in new[] { "help", "topics", "hi", "thanks", Friending, "what is the weather on mars tomorrow", "resume", "onboard" })
        {
            messages.AddRange((await SayAsync(text, Person(user: "markup-" + text))).Messages);
        }

        Assert.Contains(messages, m => m is OnboardingMessage { Output: OnboardingNotice { Kind: OnboardingNoticeKind.NotStarted } });
        var spans = messages.SelectMany(m => m.Content).SelectMany(Texts).ToList();
        Assert.Contains(spans, s => s.Style == SpanStyle.Code); // "type topics", "type onboard": marked as words to type
        Assert.All(spans.Where(s => s.Text.Contains('*', StringComparison.Ordinal)), s => Assert.Fail("Markup in core text: " + s.Text));
        Assert.All(messages, m => Assert.InRange(m.Summary.Length, 1, MessageText.MaxSummaryLength));
    }

    private static IEnumerable<Span> Texts(ContentBlock block) => block switch
    {
        HeadingBlock h => h.Text.Spans,
        ParagraphBlock p => p.Text.Spans,
        NoteBlock n => n.Text.Spans,
        ListBlock l => l.Items.SelectMany(i => i.Spans),
        ActionsBlock a => a.Label?.Spans ?? [],
        _ => [],
    };

    public void Dispose()
    {
        _search.Dispose();
        _metricsServices.Dispose();
    }
}
