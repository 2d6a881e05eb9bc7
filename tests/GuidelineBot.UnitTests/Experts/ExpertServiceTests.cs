using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Storage;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Search;
using GuidelineBot.Testing;
using GuidelineBot.UnitTests.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Experts;

/// <summary>"Ask an expert" through the conversation core: in-memory store, a recording experts' channel, the real lexical engine.</summary>
public sealed class ExpertServiceTests : IDisposable
{
    private const string OffTopic = "what is the weather on mars tomorrow";
    private const string Friending = "can I friend parents?";
    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = TestPaths.Knowledge });

    private readonly LuceneGuidelineSearch _search = new(Knowledge, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryExpertStore _store = new();
    private readonly RecordingExpertChannel _slack = new(Channels.Slack);
    private readonly ServiceProvider _services;
    private readonly ExpertOutboxWorker _worker;

    private static readonly ConversationContext Asker = new(Channels.Slack, "U_ASKER", "D1", IsDirect: true, "Dana", "T1");
    private static readonly ConversationContext Expert = new(Channels.Slack, "U_EXPERT", "C_EXPERTS", IsDirect: false, "Eli", "T1");
    private static readonly ConversationContext Stranger = new(Channels.Slack, "U_OTHER", "C_EXPERTS", IsDirect: false, "Sam", "T1");

    public ExpertServiceTests()
    {
        _slack.Members.Add(Expert.UserId);
        _services = new ServiceCollection()
            .AddSingleton<IExpertChannel>(_slack)
            .AddSingleton<IExpertAnswerDelivery>(_slack)
            .AddMetrics()
            .BuildServiceProvider();
        _worker = new ExpertOutboxWorker(_services.GetRequiredService<IServiceScopeFactory>(), _store, _store, new ExpertOutboxSignal(),
            Options.Create(new ExpertOptions()), _time, NullLogger<ExpertOutboxWorker>.Instance);
    }

    public void Dispose()
    {
        _services.Dispose();
        _worker.Dispose();
        _search.Dispose();
    }

    /// <param name="withService">False: no <see cref="ExpertService"/> at all (a host without the experts feature).</param>
    private ConversationService Conversation(bool withExperts = true, bool withService = true)
    {
        var answerOptions = Options.Create(new AnswerOptions { Contact = "the Director of Technology" });
        var answers = new AnswerService(_search, answerOptions);
        var onboarding = new OnboardingService(new MemoryOnboardingStore(), OnboardingCatalog.Create(Knowledge, new OnboardingOptions(), [], []), answers,
            _time, Options.Create(new OnboardingOptions()), answerOptions, NullLogger<OnboardingService>.Instance,
            new GuidelineMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        var experts = new ExpertService(_store, _store, _store, withExperts ? [_slack] : [], [_slack], answers, new ExpertOutboxSignal(), _time,
            new IdGenerator(_time), NullLogger<ExpertService>.Instance);
        return new ConversationService(answers, onboarding, new MemoryFeedbackStore(), new MemoryOnceStore(), _time,
            new IdGenerator(_time), NullLogger<ConversationService>.Instance, experts: withService ? experts : null);
    }

    private static async Task<OutboundMessage> OneAsync(Task<ConversationResponse> response) => Assert.Single((await response).Messages);

    private static Task<ConversationResponse> PressAsync(ConversationService conversation, ConversationContext who, OutboundAction action,
        Dictionary<string, string>? inputs = null) =>
        conversation.HandleAsync(who, ConversationInbound.FromAction(action.Kind, action.Value, inputs)!, CancellationToken.None);

    /// <summary>Asks, presses "Ask an expert", sends with a line of context; returns the opened message.</summary>
    private async Task<ExpertTicketOpenedMessage> AskExpertAsync(ConversationService conversation, ConversationContext who, string question = OffTopic,
        string? context = "it's for a class project")
    {
        var declined = Assert.IsType<NoAnswerMessage>(await OneAsync(conversation.HandleAsync(who, new TextInbound(question), CancellationToken.None)));
        var form = Assert.IsType<AskExpertFormMessage>(await OneAsync(PressAsync(conversation, who, declined.Actions.Single(a => a.Kind == ActionKind.AskExpert))));
        var inputs = context is null ? null : new Dictionary<string, string> { [ExpertInputs.Context] = context };
        return Assert.IsType<ExpertTicketOpenedMessage>(await OneAsync(PressAsync(conversation, who, form.Submit, inputs)));
    }

    [Fact]
    public async Task A_declined_question_offers_ask_an_expert_only_when_an_experts_channel_is_configured_and_the_contact_sentence_stays()
    {
        var with = Assert.IsType<NoAnswerMessage>(await OneAsync(Conversation().HandleAsync(Asker, new TextInbound(OffTopic), CancellationToken.None)));
        var without = Assert.IsType<NoAnswerMessage>(await OneAsync(Conversation(withExperts: false).HandleAsync(Asker, new TextInbound(OffTopic), CancellationToken.None)));

        var offer = Assert.Single(with.Actions, a => a.Kind == ActionKind.AskExpert);
        Assert.Contains("Ask an expert", offer.Label, StringComparison.Ordinal);
        Assert.Equal(OffTopic, AnswerRef.Decode(offer.Value)!.Question);
        Assert.DoesNotContain(without.Actions, a => a.Kind == ActionKind.AskExpert);
        Assert.Contains("Please ask the Director of Technology.", MessageText.Render(without), StringComparison.Ordinal);
        Assert.Contains("Please ask the Director of Technology.", MessageText.Render(with), StringComparison.Ordinal);
        Assert.Null(without.ExpertOffer);
    }

    [Fact]
    public async Task A_thumbs_down_offers_ask_an_expert_and_a_thumbs_up_does_not()
    {
        var conversation = Conversation();
        var answer = Assert.IsType<AnswerMessage>(await OneAsync(conversation.HandleAsync(Asker, new TextInbound(Friending), CancellationToken.None)));

        var up = Assert.IsType<FeedbackThanksMessage>(await OneAsync(PressAsync(conversation, Asker, answer.Actions.First(a => a.Kind == ActionKind.Helpful))));
        var down = Assert.IsType<FeedbackThanksMessage>(await OneAsync(PressAsync(conversation, Asker, answer.Actions.First(a => a.Kind == ActionKind.NotHelpful))));

        Assert.DoesNotContain(up.Actions, a => a.Kind == ActionKind.AskExpert);
        var offer = Assert.Single(down.Actions, a => a.Kind == ActionKind.AskExpert);
        var form = Assert.IsType<AskExpertFormMessage>(await OneAsync(PressAsync(conversation, Asker, offer)));
        var opened = Assert.IsType<ExpertTicketOpenedMessage>(await OneAsync(PressAsync(conversation, Asker, form.Submit)));
        Assert.Equal(answer.Reply.Section.Id, opened.Ticket.GuessSectionId); // the answer voted down is the bot's best guess
        Assert.Equal(answer.Reply.Section.Heading, opened.Ticket.GuessHeading);
        Assert.True(opened.Ticket.GuessConfidence > 0);
    }

    [Fact]
    public async Task The_confirmation_has_an_optional_context_line_and_the_ticket_holds_question_asker_context_guess_and_time()
    {
        var conversation = Conversation();
        var asker = Asker with { ReplyAddress = "C_GENERAL|1700000000.0001" };
        var declined = Assert.IsType<NoAnswerMessage>(await OneAsync(conversation.HandleAsync(asker, new TextInbound(OffTopic), CancellationToken.None)));
        var form = Assert.IsType<AskExpertFormMessage>(await OneAsync(PressAsync(conversation, asker, declined.Actions.Single(a => a.Kind == ActionKind.AskExpert))));
        var field = Assert.Single(form.Content.OfType<InputBlock>());
        Assert.Equal(ExpertInputs.Context, field.Id);
        Assert.True(field.Optional);

        var opened = Assert.IsType<ExpertTicketOpenedMessage>(await OneAsync(PressAsync(conversation, asker, form.Submit,
            new() { [ExpertInputs.Context] = "  for the science fair  " })));

        Assert.True(opened.Created);
        var ticket = opened.Ticket;
        Assert.Equal(OffTopic, ticket.Question);
        Assert.Equal("for the science fair", ticket.Context);
        Assert.Equal(new ExpertAsker(Channels.Slack, "U_ASKER", "Dana", "T1", "D1", true, "C_GENERAL|1700000000.0001"), ticket.Asker);
        Assert.Equal(_time.GetUtcNow(), ticket.AskedAt);
        Assert.Equal(declined.Reply.Suggestions.FirstOrDefault()?.Id, ticket.GuessSectionId);
        Assert.Contains($"#{ticket.ShortId}", MessageText.Render(opened), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ticket_is_posted_once_and_the_same_person_asking_again_gets_the_same_ticket()
    {
        var conversation = Conversation();
        var first = await AskExpertAsync(conversation, Asker);
        var again = await AskExpertAsync(conversation, Asker, OffTopic.ToUpperInvariant() + "?");
        var someoneElse = await AskExpertAsync(conversation, Asker with { UserId = "U_SECOND" });
        await _worker.RunOnceAsync(CancellationToken.None);
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.False(again.Created);
        Assert.Equal(first.Ticket.Id, again.Ticket.Id);
        Assert.Contains("already asked", MessageText.Render(again), StringComparison.Ordinal);
        Assert.NotEqual(first.Ticket.Id, someoneElse.Ticket.Id);
        Assert.Equal(2, _slack.Posts.Count);
        var post = _slack.Posts[0];
        Assert.False(post.Reminder);
        var text = MessageText.Render(post);
        Assert.Contains(OffTopic, text, StringComparison.Ordinal);
        Assert.Contains("it's for a class project", text, StringComparison.Ordinal);
        Assert.Contains("Dana", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-30 09:00 UTC", text, StringComparison.Ordinal);
        Assert.Equal([ActionKind.ExpertAnswer, ActionKind.ExpertAssign], post.Actions.Select(a => a.Kind));
        Assert.Equal(new TicketPost(Channels.Slack, "experts", "m1"), Assert.Single((await _store.GetAsync(first.Ticket.Id, default))!.Posts));
    }

    [Fact]
    public async Task Someone_outside_the_experts_channel_is_refused_politely_and_nothing_changes()
    {
        var conversation = Conversation();
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);
        var post = _slack.Posts.Single();

        var assign = await OneAsync(PressAsync(conversation, Stranger, post.Actions.Single(a => a.Kind == ActionKind.ExpertAssign)));
        var form = await OneAsync(PressAsync(conversation, Stranger, post.Actions.Single(a => a.Kind == ActionKind.ExpertAnswer)));
        var answer = await OneAsync(PressAsync(conversation, Stranger, post.AnswerForm.Submit, new() { [ExpertInputs.Answer] = "Sure, go ahead." }));
        var reply = await OneAsync(conversation.HandleAsync(Stranger, new ExpertReplyInbound("experts", "m1", "Sure."), CancellationToken.None));
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.All([assign, form, answer, reply], m => Assert.Equal(NoticeKind.NotAnExpert, Assert.IsType<NoticeMessage>(m).Kind));
        var stored = (await _store.GetAsync(ticket.Id, default))!;
        Assert.Null(stored.AssignedTo);
        Assert.Empty(stored.Answers);
        Assert.Empty(_slack.Updates);
        Assert.Empty(_slack.Delivered);
        Assert.Contains("only members of the experts' channel", MessageText.Render(assign), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_assigns_then_answers_with_the_form_and_the_asker_gets_it_once_naming_the_expert()
    {
        var conversation = Conversation();
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);
        var post = _slack.Posts.Single();

        var assigned = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Expert, post.Actions.Single(a => a.Kind == ActionKind.ExpertAssign))));
        Assert.Equal(NoticeKind.TicketAssigned, assigned.Kind);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _worker.RunOnceAsync(CancellationToken.None);
        Assert.Contains("Assigned to Eli", MessageText.Render(_slack.Updates.Single().Message), StringComparison.Ordinal);

        var form = Assert.IsType<ExpertAnswerFormMessage>(await OneAsync(PressAsync(conversation, Expert, post.Actions.Single(a => a.Kind == ActionKind.ExpertAnswer))));
        Assert.Equal([ExpertInputs.Answer], form.Content.OfType<InputBlock>().Select(i => i.Id));
        Assert.Equal([ExpertInputs.AddToKnowledge], form.Content.OfType<ToggleBlock>().Select(i => i.Id));
        var inputs = new Dictionary<string, string> { [ExpertInputs.Answer] = "Weather is out of scope; ask the science department.", [ExpertInputs.AddToKnowledge] = "true" };
        var sent = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Expert, form.Submit, inputs)));
        var twice = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Expert, form.Submit, inputs)));
        await _worker.RunOnceAsync(CancellationToken.None);
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(NoticeKind.ExpertAnswerSent, sent.Kind);
        Assert.Equal(NoticeKind.ExpertAnswerDuplicate, twice.Kind);
        var (to, delivered) = Assert.Single(_slack.Delivered);
        Assert.Equal("U_ASKER", to.UserId);
        var text = MessageText.Render(delivered);
        Assert.Contains("Weather is out of scope", text, StringComparison.Ordinal);
        Assert.Contains("Eli", text, StringComparison.Ordinal);
        Assert.Contains(OffTopic, text, StringComparison.Ordinal);
        var stored = (await _store.GetAsync(ticket.Id, default))!;
        Assert.Equal(TicketStatus.Answered, stored.Status);
        Assert.NotNull(Assert.Single(stored.Answers).DeliveredAt);
        Assert.Contains("Answered by Eli", MessageText.Render(_slack.Updates[^1].Message), StringComparison.Ordinal);
        var suggestion = Assert.Single(await _store.ListAsync(SuggestionStatus.Pending, default));
        Assert.Equal((OffTopic, "Weather is out of scope; ask the science department.", "Eli"), (suggestion.Question, suggestion.Answer, suggestion.Expert.DisplayName));

        // Taken again once answered: the asker is not "waiting" any more.
        var again = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Expert, post.Actions.Single(a => a.Kind == ActionKind.ExpertAssign))));
        Assert.Equal(NoticeKind.AnsweredTicketAssigned, again.Kind);
        Assert.Equal("Assigned to you. Dana already has an answer; add another if there is more to say.", MessageText.Render(again));
    }

    [Fact]
    public async Task Of_two_members_pressing_assign_on_the_same_post_the_second_is_told_who_has_it_and_can_then_take_it_over()
    {
        var conversation = Conversation();
        _slack.Members.Add(Stranger.UserId);
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);
        var assign = _slack.Posts.Single().Actions.Single(a => a.Kind == ActionKind.ExpertAssign);

        // Both saw the post with the ticket open: the second press comes before the post shows the first one's claim.
        var first = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Expert, assign)));
        var second = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Stranger, assign)));
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(NoticeKind.TicketAssigned, first.Kind);
        Assert.Equal(NoticeKind.TicketHeldByOther, second.Kind);
        Assert.Equal("Eli has this ticket now, so it stays with them. To take it over, press Assign to me on the ticket's post again.", MessageText.Render(second));
        Assert.Equal(Expert.UserId, (await _store.GetAsync(ticket.Id, default))!.AssignedTo!.UserId);
        var updated = _slack.Updates[^1].Message;
        Assert.Contains("Assigned to Eli", MessageText.Render(updated), StringComparison.Ordinal);

        // Pressed on the post that shows Eli holding it: a deliberate takeover.
        var takeover = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Stranger, updated.Actions.Single(a => a.Kind == ActionKind.ExpertAssign))));
        Assert.Equal(NoticeKind.TicketTakenOver, takeover.Kind);
        Assert.Equal(Stranger.UserId, (await _store.GetAsync(ticket.Id, default))!.AssignedTo!.UserId);
    }

    [Fact]
    public async Task Taking_over_a_ticket_tells_the_expert_who_had_it_privately_who_took_it_and_the_post_shows_the_new_assignee()
    {
        var conversation = Conversation();
        _slack.Members.Add(Stranger.UserId);
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);
        await OneAsync(PressAsync(conversation, Expert, _slack.Posts.Single().Actions.Single(a => a.Kind == ActionKind.ExpertAssign)));
        await _worker.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_slack.Told); // a first claim takes it from nobody

        var taken = Assert.IsType<NoticeMessage>(await OneAsync(PressAsync(conversation, Stranger,
            _slack.Updates[^1].Message.Actions.Single(a => a.Kind == ActionKind.ExpertAssign))));
        await _worker.RunOnceAsync(CancellationToken.None);
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal("Assigned to you: you took it over from Eli, who is told privately that you have it now.", MessageText.Render(taken));
        var (to, told) = Assert.Single(_slack.Told);
        Assert.Equal(Expert.UserId, to);
        var text = MessageText.Render(told);
        Assert.Contains($"Ticket #{ticket.ShortId}, which you had, was taken over: Sam has it now.", text, StringComparison.Ordinal);
        Assert.Contains(OffTopic, text, StringComparison.Ordinal);
        var post = MessageText.Render(_slack.Updates[^1].Message);
        Assert.Contains("Assigned to Sam", post, StringComparison.Ordinal);
        Assert.DoesNotContain("Assigned to Eli", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_too_long_for_a_button_reaches_the_ticket_cut_at_a_word_with_an_ellipsis_and_its_post_shows_the_mark()
    {
        var conversation = Conversation();
        var question = string.Concat(Enumerable.Repeat("what is the weather on mars tomorrow and ", 60)).TrimEnd(); // about 2,500 characters

        var ticket = (await AskExpertAsync(conversation, Asker, question)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);

        var stored = (await _store.GetAsync(ticket.Id, default))!.Question;
        Assert.EndsWith("…", stored, StringComparison.Ordinal);
        var kept = stored[..^1];
        Assert.StartsWith(kept, question, StringComparison.Ordinal);
        Assert.Equal(' ', question[kept.Length]); // at a word boundary
        Assert.True(kept.Length > AnswerRef.MaxEncodedLength / 2);
        Assert.Contains("“" + stored + "”", MessageText.Render(_slack.Posts.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_question_that_fits_a_button_is_kept_whole_in_the_store_and_on_the_post()
    {
        var conversation = Conversation();
        var question = string.Concat(Enumerable.Repeat("what is the weather on mars tomorrow and ", 40)).TrimEnd(); // about 1,650 characters

        var ticket = (await AskExpertAsync(conversation, Asker, question)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(question, (await _store.GetAsync(ticket.Id, default))!.Question);
        Assert.Contains("“" + question + "”", MessageText.Render(_slack.Posts.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_in_the_tickets_thread_is_an_answer_and_a_reply_in_any_other_thread_is_ignored()
    {
        var conversation = Conversation();
        await AskExpertAsync(conversation, Asker);
        await _worker.RunOnceAsync(CancellationToken.None);

        var other = await conversation.HandleAsync(Expert, new ExpertReplyInbound("experts", "not-a-ticket", "hello"), CancellationToken.None);
        var answered = Assert.IsType<NoticeMessage>(await OneAsync(conversation.HandleAsync(Expert, new ExpertReplyInbound("experts", "m1", "No, sorry."), CancellationToken.None)));
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Empty(other.Messages);
        Assert.Equal(NoticeKind.ExpertAnswerSent, answered.Kind);
        Assert.Contains("No, sorry.", MessageText.Render(Assert.Single(_slack.Delivered).Message), StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(null, default)); // a thread reply never becomes a suggestion by itself
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("###")]
    [InlineData("<!-- -->")]
    [InlineData("...")]
    public async Task An_answer_without_words_is_refused_and_nothing_is_delivered(string text)
    {
        var conversation = Conversation();
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);

        var refused = Assert.IsType<NoticeMessage>(await OneAsync(conversation.HandleAsync(Expert, new ExpertReplyInbound("experts", "m1", text), CancellationToken.None)));
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(NoticeKind.ExpertAnswerEmpty, refused.Kind);
        Assert.Equal("The answer had no words in it, so nothing was sent. Please write your answer and send it again.", MessageText.Render(refused));
        Assert.Empty((await _store.GetAsync(ticket.Id, default))!.Answers);
        Assert.Empty(_slack.Delivered);
    }

    [Fact]
    public async Task A_web_askers_answer_waits_for_the_chat_to_open_and_is_shown_once()
    {
        var conversation = Conversation();
        var web = new ConversationContext(Channels.Web, "w1", "session", IsDirect: true, "Wren");
        var ticket = (await AskExpertAsync(conversation, web)).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);
        await conversation.HandleAsync(Expert, new ExpertAnswerInbound(ticket.Id, "Yes, with permission.", false), CancellationToken.None);
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Empty(_slack.Delivered);
        Assert.DoesNotContain(_store.Jobs, j => j.Kind == ExpertJobKind.Deliver);
        var shown = Assert.IsType<ExpertAnswerMessage>(await OneAsync(conversation.HandleAsync(web, new ChatOpenedInbound(), CancellationToken.None)));
        Assert.Equal("Yes, with permission.", shown.Answer.Text);
        Assert.Empty((await conversation.HandleAsync(web, new ChatOpenedInbound(), CancellationToken.None)).Messages);
        Assert.Empty((await conversation.HandleAsync(web with { UserId = "w2" }, new ChatOpenedInbound(), CancellationToken.None)).Messages);
    }

    [Fact]
    public async Task An_asker_whose_channel_cannot_be_answered_later_is_not_offered_the_experts()
    {
        // Teams without an App ID (its local mode) registers no delivery: a ticket from there could never be answered.
        var conversation = Conversation();
        var teams = new ConversationContext(Channels.Teams, "t1", "conv", IsDirect: true, "Toby");
        var declined = Assert.IsType<NoAnswerMessage>(await OneAsync(conversation.HandleAsync(teams, new TextInbound(OffTopic), CancellationToken.None)));
        Assert.Null(declined.ExpertOffer);
        Assert.DoesNotContain(declined.Actions, a => a.Kind == ActionKind.AskExpert);

        // A pressed button of an older message, or a forged one, gets the notice and opens no ticket.
        var fromSlack = Assert.IsType<NoAnswerMessage>(await OneAsync(conversation.HandleAsync(Asker, new TextInbound(OffTopic), CancellationToken.None)));
        var offer = fromSlack.Actions.Single(a => a.Kind == ActionKind.AskExpert);
        var confirm = await OneAsync(PressAsync(conversation, teams, offer));
        Assert.Equal(NoticeKind.ExpertsUnavailable, Assert.IsType<NoticeMessage>(confirm).Kind);
        var sent = await OneAsync(conversation.HandleAsync(teams, new SendToExpertInbound(fromSlack.ExpertOffer!, "context"), CancellationToken.None));
        Assert.Equal(NoticeKind.ExpertsUnavailable, Assert.IsType<NoticeMessage>(sent).Kind);
        Assert.Empty(_store.Jobs);
    }

    [Theory]
    [InlineData(17, "17 minutes")]
    [InlineData(0.5, "1 minute")]
    [InlineData(60, "1 hour")]
    [InlineData(25 * 60, "25 hours")]
    [InlineData(50 * 60, "2 days")]
    public void A_reminder_says_how_long_the_ticket_has_waited_without_rounding_up_to_an_hour(double minutes, string age)
    {
        // Experts:ReminderHours under 1 (0.25 is allowed) made it "Still unanswered after 1 hour" of a 17-minute-old ticket.
        var asked = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var ticket = new Ticket("01tk00000000000000000000000001", "who signs off on camping trips?", null,
            new ExpertAsker("web", "u1", "Pat", null, "c1", true, null), null, null, 0, asked);

        var reminder = new ExpertTicketMessage(ticket, "slack", Reminder: true, asked.AddMinutes(minutes));

        Assert.Contains($"Still unanswered after {age} — ticket", MessageText.Render(reminder), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_ticket_is_re_announced_once_after_the_reminder_hours_and_an_answered_one_never()
    {
        var conversation = Conversation();
        await AskExpertAsync(conversation, Asker);
        var answeredTicket = (await AskExpertAsync(conversation, Asker with { UserId = "U_SECOND" })).Ticket;
        await _worker.RunOnceAsync(CancellationToken.None);
        await conversation.HandleAsync(Expert, new ExpertAnswerInbound(answeredTicket.Id, "Answered.", false), CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(23));
        await _worker.RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain(_slack.Posts, p => p.Reminder);

        _time.Advance(TimeSpan.FromHours(1.5));
        await _worker.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(30));
        await _worker.RunOnceAsync(CancellationToken.None);

        var reminder = Assert.Single(_slack.Posts, p => p.Reminder);
        Assert.NotEqual(answeredTicket.Id, reminder.Ticket.Id);
        Assert.Contains("Still unanswered after 24 hours", MessageText.Render(reminder), StringComparison.Ordinal);
        // A reply in the reminder's thread answers the ticket too.
        var answered = Assert.IsType<NoticeMessage>(await OneAsync(conversation.HandleAsync(Expert, new ExpertReplyInbound("experts", "m3", "Late answer."), CancellationToken.None)));
        Assert.Equal(NoticeKind.ExpertAnswerSent, answered.Kind);
    }

    [Fact]
    public async Task A_failed_delivery_stays_in_the_store_and_is_retried_later_with_back_off()
    {
        var conversation = Conversation();
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        await conversation.HandleAsync(Expert, new ExpertAnswerInbound(ticket.Id, "Answer.", false), CancellationToken.None);
        _slack.FailNextDeliveries = 2;

        await _worker.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_slack.Delivered);
        _time.Advance(TimeSpan.FromSeconds(29));
        await _worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, _store.Jobs.Single(j => j.Kind == ExpertJobKind.Deliver).Attempts); // not due yet
        _time.Advance(TimeSpan.FromSeconds(2));
        await _worker.RunOnceAsync(CancellationToken.None); // second failure: next try in 60 s
        _time.Advance(TimeSpan.FromSeconds(61));
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Single(_slack.Delivered);
        Assert.Equal(0, _store.PendingJobs);
    }

    [Fact]
    public async Task When_queuing_fails_after_the_ticket_or_answer_is_stored_the_retry_queues_it_and_nothing_is_lost_or_doubled()
    {
        var conversation = Conversation();
        var declined = Assert.IsType<NoAnswerMessage>(await OneAsync(conversation.HandleAsync(Asker, new TextInbound(OffTopic), CancellationToken.None)));
        var send = ConversationInbound.FromAction(ActionKind.SendToExpert, declined.ExpertOffer!.Encode())!;
        _store.FailNextEnqueues = 1;
        await Assert.ThrowsAsync<InvalidOperationException>(() => conversation.HandleAsync(Asker, send, CancellationToken.None));
        await _worker.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_slack.Posts); // stored, not queued

        var retried = Assert.IsType<ExpertTicketOpenedMessage>(await OneAsync(conversation.HandleAsync(Asker, send, CancellationToken.None)));
        await _worker.RunOnceAsync(CancellationToken.None);
        Assert.False(retried.Created);
        Assert.Single(_slack.Posts);

        var answer = new ExpertAnswerInbound(retried.Ticket.Id, "No.", AddToKnowledge: true);
        _store.FailNextEnqueues = 1;
        await Assert.ThrowsAsync<InvalidOperationException>(() => conversation.HandleAsync(Expert, answer, CancellationToken.None));
        var again = Assert.IsType<NoticeMessage>(await OneAsync(conversation.HandleAsync(Expert, answer, CancellationToken.None)));
        await conversation.HandleAsync(Expert, answer, CancellationToken.None);
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(NoticeKind.ExpertAnswerDuplicate, again.Kind);
        Assert.Single(_slack.Delivered);
        Assert.Single(await _store.ListAsync(SuggestionStatus.Pending, default));
        Assert.Single((await _store.GetAsync(retried.Ticket.Id, default))!.Answers);
    }

    [Fact]
    public async Task A_post_made_whose_job_could_not_be_marked_done_is_not_made_again()
    {
        var conversation = Conversation();
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        _store.FailNextCompletions = 1;
        await _worker.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _worker.RunOnceAsync(CancellationToken.None);

        Assert.Single(_slack.Posts);
        Assert.Single((await _store.GetAsync(ticket.Id, default))!.Posts);
        Assert.Equal(0, _store.PendingJobs);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_given_up_after_the_maximum_attempts()
    {
        using var worker = new ExpertOutboxWorker(_services.GetRequiredService<IServiceScopeFactory>(), _store, _store, new ExpertOutboxSignal(),
            Options.Create(new ExpertOptions { MaxAttempts = 3, RetrySeconds = 1 }), _time, NullLogger<ExpertOutboxWorker>.Instance);
        var conversation = Conversation();
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        await conversation.HandleAsync(Expert, new ExpertAnswerInbound(ticket.Id, "Answer.", false), CancellationToken.None);
        _slack.FailNextDeliveries = 100;

        for (var round = 0; round < 6; round++)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(97, _slack.FailNextDeliveries); // three attempts, then no more
        Assert.Empty(_slack.Delivered);
        Assert.Equal(0, _store.PendingJobs);
    }

    [Fact]
    public async Task A_ticket_whose_post_was_given_up_is_posted_again_when_its_asker_asks_again()
    {
        // The experts never saw it, and asking again only said "You already asked the experts this … I'll bring you
        // their answer": a dead end.
        using var worker = new ExpertOutboxWorker(_services.GetRequiredService<IServiceScopeFactory>(), _store, _store, new ExpertOutboxSignal(),
            Options.Create(new ExpertOptions { MaxAttempts = 2, RetrySeconds = 1 }), _time, NullLogger<ExpertOutboxWorker>.Instance);
        var conversation = Conversation();
        _slack.FailNextPosts = 100;
        var ticket = (await AskExpertAsync(conversation, Asker)).Ticket;
        for (var round = 0; round < 4; round++)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(98, _slack.FailNextPosts); // given up after two attempts
        Assert.Equal(0, _store.PendingJobs);
        Assert.Empty(_slack.Posts);

        _slack.FailNextPosts = 0;
        var again = await AskExpertAsync(conversation, Asker);
        Assert.Equal(ticket.Id, again.Ticket.Id);
        Assert.Equal(1, _store.PendingJobs);
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(ticket.Id, Assert.Single(_slack.Posts).Ticket.Id);

        // Posted now: asking once more posts nothing again.
        await AskExpertAsync(conversation, Asker);
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Single(_slack.Posts);
        Assert.Equal(0, _store.PendingJobs);
    }

    [Fact]
    public async Task A_store_error_that_ends_a_round_while_the_server_stops_ends_the_worker_quietly()
    {
        // The store answers only after the stop began, and with its own error (a driver's timeout), not a cancellation:
        // the worker ends as stopped, not as a crashed background service (which the host reports as critical).
        var late = new TaskCompletionSource();
        _store.ListUnansweredFailure = late.Task;
        await _worker.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        var stopped = _worker.StopAsync(CancellationToken.None);
        late.SetException(new TimeoutException("The operation has timed out (test)."));
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(_worker.ExecuteTask!.IsFaulted, _worker.ExecuteTask.Exception?.ToString());
    }

    [Fact]
    public async Task The_worker_ends_quietly_when_its_host_is_disposed_without_a_stop()
    {
        // What a host does to its started services when a later one fails to start (the port taken): no StopAsync,
        // only Dispose. A worker that ended by throwing would be reported as a crashed background service.
        var clock = new CountingClock();
        var worker = new ExpertOutboxWorker(_services.GetRequiredService<IServiceScopeFactory>(), _store, _store, new ExpertOutboxSignal(),
            Options.Create(new ExpertOptions()), clock, NullLogger<ExpertOutboxWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => clock.Timers > 0, "the worker waits for its next round", TimeSpan.FromSeconds(10));

        worker.Dispose();

        await Task.WhenAny(worker.ExecuteTask!).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TaskStatus.RanToCompletion, worker.ExecuteTask!.Status);
    }

    [Theory]
    [InlineData(ActionKind.SendToExpert, true)]
    [InlineData(ActionKind.AskExpert, true)]
    [InlineData(ActionKind.SendToExpert, false)]
    [InlineData(ActionKind.AskExpert, false)]
    public async Task Without_an_experts_channel_the_buttons_of_an_old_message_get_a_clear_notice_naming_the_contact(ActionKind button, bool withService)
    {
        var conversation = Conversation(withExperts: false, withService: withService);
        var old = ConversationInbound.FromAction(button, new AnswerRef(null, null, OffTopic).Encode())!;

        var notice = Assert.IsType<NoticeMessage>(await OneAsync(conversation.HandleAsync(Asker, old, CancellationToken.None)));

        Assert.Equal(NoticeKind.ExpertsUnavailable, notice.Kind);
        Assert.EndsWith("Please ask the Director of Technology.", MessageText.Render(notice), StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(DateTimeOffset.MinValue, default));
    }
}
