using GuidelineBot.Core.Experts;
using GuidelineBot.Storage;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>
/// The "Ask an expert" stores (tickets, outbox, suggestions, settings) on every provider. <c>OpenAnother()</c> is a second
/// replica on the same store: every "once" is checked across two instances.
/// </summary>
public abstract class ExpertStoreContractTests<TStore> : ProviderTestBase<TStore> where TStore : ITestStore, new()
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 30, 15, 123, TimeSpan.Zero);
    private static readonly ExpertRef Ana = new("slack", "T1:UANA", "Ana Expert");
    private static readonly ExpertRef Ben = new("teams", "29:ben", "Ben Expert");

    private static Ticket NewTicket(string id, string user = "U1", DateTimeOffset? at = null, string channel = "slack", string? tenant = null) =>
        new(id, "Can I post photos of pupils?", "for the school blog",
            new ExpertAsker(channel, user, "Pat Asker", tenant, "D123", IsDirect: true, ReplyAddress: "C9|1700000000.000100"),
            "staff-social-media-guidelines#photos", "Photos of pupils", 0.42, at ?? T0);

    private static TicketAnswer NewAnswer(string id, string ticketId, ExpertRef? expert = null, string text = "Only with consent.",
        DateTimeOffset? at = null) =>
        new(id, ticketId, expert ?? Ana, text, AddToKnowledge: true, at ?? T0.AddHours(1));

    private async Task<IReadOnlyList<T>> InParallelAsync<T>(int count, Func<int, Task<T>> run)
    {
        await Database.EnsureMigratedAsync(CancellationToken.None);
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await run(i);
        })).ToList();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    [SkippableFact]
    public async Task Ticket_round_trips_every_field_with_its_posts_answers_and_assignee_across_replicas()
    {
        var store = new SqlTicketStore(Database);
        var ticket = NewTicket("tk-1", tenant: "tenant-1");

        var (opened, created) = await store.OpenAsync(ticket, "U1|can i post photos of pupils", CancellationToken.None);
        Assert.True(created);
        Assert.Equal(ticket.Id, opened.Id);
        Assert.Equal(ticket.Asker, opened.Asker);
        Assert.Equal(TicketStatus.Open, opened.Status);

        await store.AddPostAsync("tk-1", new TicketPost("slack", "CEXPERTS", "1700000000.000200"), CancellationToken.None);
        await store.AddPostAsync("tk-1", new TicketPost("teams", "19:x@thread.tacv2", "act-1"), CancellationToken.None);
        Assert.True(await store.AssignAsync("tk-1", Ana, from: null, T0.AddMinutes(5), CancellationToken.None));
        Assert.True(await store.AddAnswerAsync(NewAnswer("an-2", "tk-1", Ben, "Second.", T0.AddHours(2)), "k2", CancellationToken.None));
        Assert.True(await store.AddAnswerAsync(NewAnswer("an-1", "tk-1"), "k1", CancellationToken.None));

        var read = await new SqlTicketStore(OpenAnother()).GetAsync("tk-1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal((ticket.Question, ticket.Context, ticket.Asker, ticket.GuessSectionId, ticket.GuessHeading, ticket.GuessConfidence, ticket.AskedAt),
            (read.Question, read.Context, read.Asker, read.GuessSectionId, read.GuessHeading, read.GuessConfidence, read.AskedAt));
        Assert.Equal(Ana, read.AssignedTo);
        Assert.Equal(T0.AddMinutes(5), read.AssignedAt);
        Assert.Null(read.RemindedAt);
        Assert.Equal([NewAnswer("an-1", "tk-1"), NewAnswer("an-2", "tk-1", Ben, "Second.", T0.AddHours(2))], read.Answers);
        Assert.Equal([new TicketPost("slack", "CEXPERTS", "1700000000.000200"), new TicketPost("teams", "19:x@thread.tacv2", "act-1")], read.Posts);
        Assert.Equal(TicketStatus.Answered, read.Status);
        Assert.Null(await store.GetAsync("tk-missing", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Ticket_open_returns_the_unanswered_ticket_for_the_same_key_and_opens_a_new_one_once_it_is_answered()
    {
        var store = new SqlTicketStore(Database);
        Assert.True((await store.OpenAsync(NewTicket("tk-1"), "key-a", CancellationToken.None)).Created);

        var (again, created) = await new SqlTicketStore(OpenAnother()).OpenAsync(NewTicket("tk-2", at: T0.AddMinutes(1)), "key-a", CancellationToken.None);
        Assert.False(created);
        Assert.Equal("tk-1", again.Id);
        Assert.True((await store.OpenAsync(NewTicket("tk-3"), "key-b", CancellationToken.None)).Created);

        Assert.True(await store.AddAnswerAsync(NewAnswer("an-1", "tk-1"), "k", CancellationToken.None));
        var (fresh, createdAfterAnswer) = await store.OpenAsync(NewTicket("tk-4", at: T0.AddDays(1)), "key-a", CancellationToken.None);
        Assert.True(createdAfterAnswer);
        Assert.Equal("tk-4", fresh.Id);

        // Opening the answered ticket's id again returns it rather than failing or duplicating it.
        var (same, createdSame) = await store.OpenAsync(NewTicket("tk-1"), "key-c", CancellationToken.None);
        Assert.False(createdSame);
        Assert.Equal("tk-1", same.Id);
        Assert.Equal(3, await CountAsync(Database, "SELECT count(*) FROM tickets"));
    }

    [SkippableFact]
    public async Task Ticket_concurrent_opens_of_one_question_from_two_replicas_create_exactly_one()
    {
        var stores = new[] { new SqlTicketStore(Database), new SqlTicketStore(OpenAnother()) };
        for (var round = 0; round < 3; round++)
        {
            var key = $"U1|question {round}";
            var results = await InParallelAsync(8, i => stores[i % 2].OpenAsync(NewTicket($"tk-{round}-{i}"), key, CancellationToken.None));

            var winner = Assert.Single(results, r => r.Created).Ticket.Id;
            Assert.All(results, r => Assert.Equal(winner, r.Ticket.Id));
        }

        Assert.Equal(3, await CountAsync(Database, "SELECT count(*) FROM tickets"));
    }

    [SkippableFact]
    public async Task Answer_is_added_once_per_dedupe_key_even_when_submitted_concurrently_and_never_to_a_missing_ticket()
    {
        var stores = new[] { new SqlTicketStore(Database), new SqlTicketStore(OpenAnother()) };
        await stores[0].OpenAsync(NewTicket("tk-1"), "key", CancellationToken.None);

        var added = await InParallelAsync(8, i => stores[i % 2].AddAnswerAsync(NewAnswer($"an-{i}", "tk-1"), "tk-1|ana|only with consent", CancellationToken.None));

        Assert.Single(added, a => a);
        Assert.True(await stores[0].AddAnswerAsync(NewAnswer("an-other", "tk-1", text: "Also ask the head."), "tk-1|ana|also ask the head", CancellationToken.None));
        Assert.False(await stores[1].AddAnswerAsync(NewAnswer("an-x", "tk-missing"), "k", CancellationToken.None));
        Assert.Equal(2, (await stores[1].GetAsync("tk-1", CancellationToken.None))!.Answers.Count);
    }

    [SkippableFact]
    public async Task Assign_changes_the_assignee_only_from_the_holder_given_and_reports_a_repeat_or_a_missing_ticket_as_no_change()
    {
        var store = new SqlTicketStore(Database);
        await store.OpenAsync(NewTicket("tk-1"), "key", CancellationToken.None);

        Assert.True(await store.AssignAsync("tk-1", Ana, from: null, T0.AddMinutes(1), CancellationToken.None));
        Assert.False(await store.AssignAsync("tk-1", Ana with { DisplayName = "Ana E." }, from: Ana, T0.AddMinutes(2), CancellationToken.None));
        Assert.False(await store.AssignAsync("tk-1", Ben, from: null, T0.AddMinutes(2), CancellationToken.None)); // Ana holds it
        Assert.False(await store.AssignAsync("tk-1", Ben, from: Ana with { Channel = "teams" }, T0.AddMinutes(2), CancellationToken.None));
        Assert.True(await store.AssignAsync("tk-1", Ben, from: Ana with { DisplayName = "renamed" }, T0.AddMinutes(3), CancellationToken.None));
        Assert.False(await store.AssignAsync("tk-missing", Ana, from: null, T0, CancellationToken.None));

        var ticket = (await store.GetAsync("tk-1", CancellationToken.None))!;
        Assert.Equal((Ben, T0.AddMinutes(3), TicketStatus.Assigned), (ticket.AssignedTo, ticket.AssignedAt, ticket.Status));
    }

    [SkippableFact]
    public async Task Assign_concurrent_claims_from_the_same_holder_on_two_replicas_give_the_ticket_to_exactly_one()
    {
        var stores = new[] { new SqlTicketStore(Database), new SqlTicketStore(OpenAnother()) };
        for (var round = 0; round < 3; round++)
        {
            var id = $"tk-{round}";
            await stores[0].OpenAsync(NewTicket(id), "key-" + round, CancellationToken.None);
            var experts = Enumerable.Range(0, 8).Select(i => new ExpertRef("slack", $"U{i}", $"Expert {i}")).ToArray();

            // Everyone claims the open ticket at once; then everyone else takes it over from the winner at once.
            var claims = await InParallelAsync(8, i => stores[i % 2].AssignAsync(id, experts[i], from: null, T0.AddMinutes(i), CancellationToken.None));
            var winner = experts[Assert.Single(Enumerable.Range(0, 8), i => claims[i])];
            Assert.Equal(winner, (await stores[1].GetAsync(id, CancellationToken.None))!.AssignedTo);

            var takeovers = await InParallelAsync(8, i => stores[i % 2].AssignAsync(id, experts[i], from: winner, T0.AddHours(1), CancellationToken.None));
            var next = experts[Assert.Single(Enumerable.Range(0, 8), i => takeovers[i])];
            Assert.NotEqual(winner, next);
            Assert.Equal(next, (await stores[0].GetAsync(id, CancellationToken.None))!.AssignedTo);
        }
    }

    [SkippableFact]
    public async Task Find_by_post_matches_channel_conversation_and_message_and_adding_a_post_twice_records_it_once()
    {
        var store = new SqlTicketStore(Database);
        await store.OpenAsync(NewTicket("tk-1"), "k1", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-2", user: "U2"), "k2", CancellationToken.None);
        var post = new TicketPost("slack", "CEXPERTS", "1700000000.000200");
        await store.AddPostAsync("tk-2", post, CancellationToken.None);
        await store.AddPostAsync("tk-2", post, CancellationToken.None);
        await store.AddPostAsync("tk-2", post with { MessageId = "1700000099.000300" }, CancellationToken.None); // a reminder

        Assert.Equal("tk-2", (await store.FindByPostAsync("slack", "CEXPERTS", "1700000099.000300", CancellationToken.None))?.Id);
        var found = await new SqlTicketStore(OpenAnother()).FindByPostAsync("slack", "CEXPERTS", "1700000000.000200", CancellationToken.None);
        Assert.Equal(2, found?.Posts.Count);
        Assert.Null(await store.FindByPostAsync("slack", "COTHER", "1700000000.000200", CancellationToken.None));
        Assert.Null(await store.FindByPostAsync("teams", "CEXPERTS", "1700000000.000200", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Undelivered_answers_are_taken_once_per_asker_channel_and_tenant_and_delivered_ones_are_not_taken()
    {
        var stores = new[] { new SqlTicketStore(Database), new SqlTicketStore(OpenAnother()) };
        var store = stores[0];
        await store.OpenAsync(NewTicket("tk-web", "W1", channel: "web"), "a", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-web2", "W1", channel: "web", at: T0.AddMinutes(1)), "b", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-other", "W2", channel: "web"), "c", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-tenant", "W1", channel: "web", tenant: "t1"), "d", CancellationToken.None);
        await store.AddAnswerAsync(NewAnswer("an-1", "tk-web", at: T0.AddHours(1)), "1", CancellationToken.None);
        await store.AddAnswerAsync(NewAnswer("an-2", "tk-web2", Ben, at: T0.AddHours(2)), "2", CancellationToken.None);
        await store.AddAnswerAsync(NewAnswer("an-3", "tk-web", Ben, "More.", at: T0.AddHours(3)), "3", CancellationToken.None);
        await store.AddAnswerAsync(NewAnswer("an-other", "tk-other"), "4", CancellationToken.None);
        await store.AddAnswerAsync(NewAnswer("an-tenant", "tk-tenant"), "5", CancellationToken.None);
        await store.MarkDeliveredAsync("an-3", T0.AddHours(4), CancellationToken.None);

        var now = T0.AddHours(5);
        var takes = await InParallelAsync(6, i => stores[i % 2].TakeUndeliveredAsync("web", null, "W1", now, CancellationToken.None));

        var taken = Assert.Single(takes, t => t.Count > 0);
        Assert.Equal(["an-1", "an-2"], taken.Select(t => t.Answer.Id));
        Assert.Equal(["tk-web", "tk-web2"], taken.Select(t => t.Ticket.Id));
        Assert.All(taken, t => Assert.Equal(now, t.Answer.DeliveredAt));
        Assert.Equal(2, taken[0].Ticket.Answers.Count);
        Assert.Equal("an-tenant", Assert.Single(await store.TakeUndeliveredAsync("web", "t1", "W1", now, CancellationToken.None)).Answer.Id);
        Assert.Empty(await store.TakeUndeliveredAsync("slack", null, "W2", now, CancellationToken.None));
        Assert.Equal(T0.AddHours(4), (await store.GetAsync("tk-web", CancellationToken.None))!.Answers[1].DeliveredAt);
    }

    [SkippableFact]
    public async Task Reminders_are_claimed_once_across_replicas_for_old_unanswered_tickets_only()
    {
        var stores = new[] { new SqlTicketStore(Database), new SqlTicketStore(OpenAnother()) };
        var store = stores[0];
        await store.OpenAsync(NewTicket("tk-old"), "a", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-old2", at: T0.AddMinutes(30)), "b", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-answered"), "c", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-new", at: T0.AddHours(23)), "d", CancellationToken.None);
        await store.AddPostAsync("tk-old", new TicketPost("slack", "CEXPERTS", "1.1"), CancellationToken.None);
        await store.AddAnswerAsync(NewAnswer("an-1", "tk-answered"), "k", CancellationToken.None);

        var now = T0.AddHours(24).AddMinutes(45);
        var claims = await InParallelAsync(8, i => stores[i % 2].ClaimRemindersAsync(now.AddHours(-24), now, CancellationToken.None));

        var claimed = claims.SelectMany(c => c).ToList();
        Assert.Equal(["tk-old", "tk-old2"], claimed.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.All(claimed, t => Assert.Equal(now, t.RemindedAt));
        Assert.Single(claimed.Single(t => t.Id == "tk-old").Posts);
        var later = await store.ClaimRemindersAsync(now.AddDays(5), now.AddDays(5), CancellationToken.None);
        Assert.Equal(["tk-new"], later.Select(t => t.Id)); // the others were reminded once already
    }

    [SkippableFact]
    public async Task Lists_give_recent_tickets_newest_first_and_unanswered_ones_oldest_first()
    {
        var store = new SqlTicketStore(Database);
        await store.OpenAsync(NewTicket("tk-a", at: T0), "a", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-b", at: T0.AddDays(1)), "b", CancellationToken.None);
        await store.OpenAsync(NewTicket("tk-c", at: T0.AddDays(2)), "c", CancellationToken.None);
        await store.AddAnswerAsync(NewAnswer("an-1", "tk-b"), "k", CancellationToken.None);

        var recent = await store.ListAsync(T0.AddDays(1), CancellationToken.None);
        Assert.Equal(["tk-c", "tk-b"], recent.Select(t => t.Id));
        Assert.Single(recent[1].Answers);
        Assert.Equal(["tk-a", "tk-c"], (await store.ListUnansweredAsync(CancellationToken.None)).Select(t => t.Id));
    }

    private static ExpertJob Job(string id, DateTimeOffset due, ExpertJobKind kind = ExpertJobKind.PostTicket) =>
        new(id, kind, "tk-1", kind == ExpertJobKind.Deliver ? "an-1" : null, kind == ExpertJobKind.Deliver ? null : "slack", due);

    [SkippableFact]
    public async Task Outbox_revives_a_done_job_with_its_attempts_afresh_and_leaves_one_still_being_tried()
    {
        var outbox = new SqlExpertOutbox(Database);
        await outbox.EnqueueAsync(Job("given-up", T0), CancellationToken.None);
        await outbox.EnqueueAsync(Job("trying", T0), CancellationToken.None);
        await outbox.RetryAsync("given-up", T0, "not_in_channel", CancellationToken.None);
        await outbox.CompleteAsync("given-up", T0.AddMinutes(1), CancellationToken.None);
        await outbox.RetryAsync("trying", T0.AddHours(1), "ratelimited", CancellationToken.None);

        Assert.True(await outbox.ReviveAsync("given-up", T0.AddMinutes(2), CancellationToken.None));
        Assert.False(await outbox.ReviveAsync("trying", T0.AddMinutes(2), CancellationToken.None));
        Assert.False(await outbox.ReviveAsync("missing", T0.AddMinutes(2), CancellationToken.None));

        var claimed = await outbox.ClaimDueAsync(T0.AddMinutes(3), TimeSpan.FromMinutes(2), 10, CancellationToken.None);
        Assert.Equal([Job("given-up", T0.AddMinutes(2))], claimed);
    }

    [SkippableFact]
    public async Task Outbox_claims_due_jobs_with_a_lease_retries_them_later_and_never_returns_a_completed_job()
    {
        var outbox = new SqlExpertOutbox(Database);
        await outbox.EnqueueAsync(Job("post", T0), CancellationToken.None);
        await outbox.EnqueueAsync(Job("deliver", T0.AddSeconds(1), ExpertJobKind.Deliver), CancellationToken.None);
        await outbox.EnqueueAsync(Job("later", T0.AddHours(1)), CancellationToken.None);
        await outbox.EnqueueAsync(Job("post", T0.AddDays(9), ExpertJobKind.Remind), CancellationToken.None); // same id: ignored

        var now = T0.AddMinutes(1);
        var claimed = await outbox.ClaimDueAsync(now, TimeSpan.FromMinutes(2), 10, CancellationToken.None);
        Assert.Equal([Job("post", T0), Job("deliver", T0.AddSeconds(1), ExpertJobKind.Deliver)], claimed);
        Assert.Empty(await new SqlExpertOutbox(OpenAnother()).ClaimDueAsync(now.AddMinutes(1), TimeSpan.FromMinutes(2), 10, CancellationToken.None));

        await outbox.CompleteAsync("post", now, CancellationToken.None);
        await outbox.RetryAsync("deliver", now.AddMinutes(10), "Slack said ratelimited", CancellationToken.None);
        Assert.Empty(await outbox.ClaimDueAsync(now.AddMinutes(5), TimeSpan.FromMinutes(2), 10, CancellationToken.None));

        var retried = await outbox.ClaimDueAsync(now.AddMinutes(10), TimeSpan.FromMinutes(2), 10, CancellationToken.None);
        Assert.Equal([Job("deliver", now.AddMinutes(10), ExpertJobKind.Deliver) with { Attempts = 1 }], retried);

        // A lease that runs out (the replica died mid-post) makes the job claimable again; completed jobs never are.
        var afterLease = await outbox.ClaimDueAsync(now.AddHours(2), TimeSpan.FromMinutes(2), 10, CancellationToken.None);
        Assert.Equal(["deliver", "later"], afterLease.Select(j => j.Id));
        await outbox.RetryAsync("post", now.AddHours(3), "late failure report", CancellationToken.None);
        Assert.DoesNotContain("post", (await outbox.ClaimDueAsync(now.AddDays(1), TimeSpan.FromMinutes(2), 10, CancellationToken.None)).Select(j => j.Id));
        Assert.Equal(1, await CountAsync(Database, "SELECT count(*) FROM expert_outbox WHERE id = 'deliver' AND last_error = 'Slack said ratelimited'"));
    }

    [SkippableFact]
    public async Task Outbox_keeps_the_person_a_job_is_for()
    {
        var outbox = new SqlExpertOutbox(Database);
        var tell = Job("tell", T0, ExpertJobKind.TellTakenOver) with { UserId = "U0EXPERT1" };
        await outbox.EnqueueAsync(tell, CancellationToken.None);
        await outbox.EnqueueAsync(Job("post", T0.AddSeconds(1)), CancellationToken.None);

        var claimed = await new SqlExpertOutbox(OpenAnother()).ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 10, CancellationToken.None);

        Assert.Equal([tell, Job("post", T0.AddSeconds(1))], claimed);
        Assert.Null(claimed[1].UserId);
    }

    [SkippableFact]
    public async Task Outbox_concurrent_claimers_on_two_replicas_never_get_the_same_job()
    {
        var outboxes = new[] { new SqlExpertOutbox(Database), new SqlExpertOutbox(OpenAnother()) };
        for (var i = 0; i < 30; i++)
        {
            await outboxes[0].EnqueueAsync(Job($"job-{i:00}", T0.AddSeconds(i)), CancellationToken.None);
        }

        var claims = await InParallelAsync(8, i => outboxes[i % 2].ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(5), 3, CancellationToken.None));

        var ids = claims.SelectMany(c => c.Select(j => j.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(claims, c => Assert.True(c.Count <= 3));
        Assert.True(ids.Count >= 3, $"only {ids.Count} jobs claimed");
    }

    private static KnowledgeSuggestion Suggestion(string id, string answerId, DateTimeOffset at) =>
        new(id, "tk-1", answerId, "Can I post photos of pupils?", "Only with written consent.", Ana, at);

    [SkippableFact]
    public async Task Suggestions_are_added_once_per_answer_and_listed_newest_first_by_status()
    {
        var store = new SqlSuggestionStore(Database);
        var first = Suggestion("sg-1", "an-1", T0);
        var second = Suggestion("sg-2", "an-2", T0.AddHours(1)) with { Expert = Ben };
        await store.AddAsync(first, CancellationToken.None);
        await store.AddAsync(second, CancellationToken.None);
        await store.AddAsync(Suggestion("sg-3", "an-1", T0.AddHours(2)), CancellationToken.None); // same answer: ignored

        var other = new SqlSuggestionStore(OpenAnother());
        Assert.Equal([second, first], await other.ListAsync(null, CancellationToken.None));
        Assert.Equal(first, await other.GetAsync("sg-1", CancellationToken.None));
        Assert.Null(await other.GetAsync("sg-3", CancellationToken.None));

        Assert.True(await store.DecideAsync("sg-1", SuggestionStatus.Pending, "Photos of pupils?", "Only with consent.", SuggestionStatus.Approved, "admin@x", T0.AddDays(1), CancellationToken.None));
        Assert.Equal([first with { Question = "Photos of pupils?", Answer = "Only with consent.", Status = SuggestionStatus.Approved, DecidedAt = T0.AddDays(1), DecidedBy = "admin@x" }],
            await other.ListAsync(SuggestionStatus.Approved, CancellationToken.None));
        Assert.Equal([second], await other.ListAsync(SuggestionStatus.Pending, CancellationToken.None));
        Assert.Empty(await other.ListAsync(SuggestionStatus.Rejected, CancellationToken.None));
        Assert.False(await store.DecideAsync("sg-missing", SuggestionStatus.Pending, "q", "a", SuggestionStatus.Approved, "admin@x", T0, CancellationToken.None));

        // A decision made from a status the suggestion no longer has (another admin's came first) changes nothing.
        Assert.False(await other.DecideAsync("sg-1", SuggestionStatus.Pending, "q", "a", SuggestionStatus.Rejected, "admin@y", T0.AddDays(2), CancellationToken.None));
        Assert.Equal((SuggestionStatus.Approved, "Only with consent.", "admin@x"),
            await store.GetAsync("sg-1", CancellationToken.None) is { } kept ? (kept.Status, kept.Answer, kept.DecidedBy) : default);
    }

    [SkippableFact]
    public async Task Approved_version_changes_on_every_approval_edit_and_withdrawal_even_at_the_same_instant_and_is_the_same_on_every_replica()
    {
        var store = new SqlSuggestionStore(Database);
        var other = new SqlSuggestionStore(OpenAnother());
        await store.AddAsync(Suggestion("sg-1", "an-1", T0), CancellationToken.None);
        var seen = new List<string> { await store.ApprovedVersionAsync(CancellationToken.None) };

        async Task DecideAndRecordAsync(string answer, SuggestionStatus status)
        {
            var from = (await store.GetAsync("sg-1", CancellationToken.None))!.Status;
            Assert.True(await store.DecideAsync("sg-1", from, "Q?", answer, status, "admin", T0, CancellationToken.None));
            var version = await store.ApprovedVersionAsync(CancellationToken.None);
            Assert.Equal(version, await other.ApprovedVersionAsync(CancellationToken.None));
            seen.Add(version);
        }

        await DecideAndRecordAsync("A.", SuggestionStatus.Approved);
        await DecideAndRecordAsync("A, edited.", SuggestionStatus.Approved);
        await DecideAndRecordAsync("A, edited.", SuggestionStatus.Withdrawn);
        await DecideAndRecordAsync("A, edited.", SuggestionStatus.Approved);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen[^1], await store.ApprovedVersionAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Settings_are_missing_until_set_and_a_later_set_replaces_the_value_for_every_replica()
    {
        var store = new SqlSettingStore(Database);
        var other = new SqlSettingStore(OpenAnother());
        Assert.Null(await store.GetAsync("teams.experts.serviceUrl", CancellationToken.None));

        await store.SetAsync("teams.experts.serviceUrl", "https://smba.example.invalid/emea/", T0, CancellationToken.None);
        await other.SetAsync("other", "x", T0, CancellationToken.None);
        Assert.Equal("https://smba.example.invalid/emea/", await other.GetAsync("teams.experts.serviceUrl", CancellationToken.None));

        await other.SetAsync("teams.experts.serviceUrl", "https://smba.example.invalid/amer/", T0.AddDays(1), CancellationToken.None);
        Assert.Equal("https://smba.example.invalid/amer/", await store.GetAsync("teams.experts.serviceUrl", CancellationToken.None));
        Assert.Equal("x", await store.GetAsync("other", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Retention_purges_old_completed_outbox_jobs_and_keeps_pending_jobs_tickets_answers_and_suggestions()
    {
        var tickets = new SqlTicketStore(Database);
        var outbox = new SqlExpertOutbox(Database);
        var suggestions = new SqlSuggestionStore(Database);
        var now = T0.AddDays(400);
        var cutoff = now.AddDays(-30);
        await tickets.OpenAsync(NewTicket("tk-1"), "k", CancellationToken.None);
        await tickets.AddAnswerAsync(NewAnswer("an-1", "tk-1"), "a", CancellationToken.None);
        await suggestions.AddAsync(Suggestion("sg-1", "an-1", T0), CancellationToken.None);
        foreach (var id in new[] { "done-old", "done-recent", "pending-old" })
        {
            await outbox.EnqueueAsync(Job(id, T0), CancellationToken.None);
        }

        await outbox.CompleteAsync("done-old", cutoff.AddSeconds(-1), CancellationToken.None);
        await outbox.CompleteAsync("done-recent", cutoff.AddSeconds(1), CancellationToken.None);

        var deleted = await new SqlStoreRetention(OpenAnother()).PurgeAsync(cutoff, now, CancellationToken.None);

        Assert.Equal(1, deleted["expert_outbox"]);
        Assert.Equal(2, await CountAsync(Database, "SELECT count(*) FROM expert_outbox"));
        Assert.Equal(["pending-old"], (await outbox.ClaimDueAsync(now, TimeSpan.FromMinutes(1), 10, CancellationToken.None)).Select(j => j.Id));
        Assert.Single((await tickets.GetAsync("tk-1", CancellationToken.None))!.Answers);
        Assert.Single(await suggestions.ListAsync(null, CancellationToken.None));
    }
}

public sealed class SqliteExpertStoreTests : ExpertStoreContractTests<SqliteTestStore>;

public sealed class PostgresExpertStoreTests : ExpertStoreContractTests<PostgresTestStore>;
