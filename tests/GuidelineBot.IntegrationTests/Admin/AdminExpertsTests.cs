using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.IntegrationTests.Web;
using GuidelineBot.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// The dashboard's "Ask an expert" section over real HTTP (Kestrel on 127.0.0.1, Development) on a fake clock, with
/// tickets and suggestions in the server's store: expert answers to review and approved ones, open tickets with their
/// wait, the median time to a first answer over the range; approve, reject and withdraw through the page's forms.
/// </summary>
public sealed class AdminExpertsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly KnowledgeStatus Status = new("v1", Now.AddMinutes(-10), [], []);

    private static readonly ExpertRef Dana = new("slack", "U-dana", "Dana Expert");

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly FakeKnowledgeStatus _knowledge = new(Status);
    private AdminServer _server = null!;
    private ChatClient _browser = null!;

    public async Task InitializeAsync()
    {
        _server = new AdminServer(_clock, _knowledge);
        _browser = new ChatClient(_server.Http.BaseAddress!.ToString().TrimEnd('/'));
        await SeedAsync(_server.Services);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _server.DisposeAsync();
    }

    private static Ticket Asked(string id, string question, TimeSpan ago, string channel = "web", string asker = "Pat Asker") =>
        new(id, question, "context of " + id, new ExpertAsker(channel, "user-" + id, asker, null, channel + ":user-" + id, true, null), null, null, 0, Now - ago);

    /// <summary>
    /// Open: "dog" (26 h, assigned to Dana, from Slack) and "parking" (50 days). Answered within the 30-day range after
    /// 2 h and 30 min; answered 40 days ago after 10 h (in the 90-day range only). Two suggestions wait, one is approved.
    /// </summary>
    internal static async Task SeedAsync(IServiceProvider services)
    {
        var tickets = services.GetRequiredService<ITicketStore>();
        async Task AnsweredAsync(Ticket ticket, TimeSpan after)
        {
            await tickets.OpenAsync(ticket, "key-" + ticket.Id, CancellationToken.None);
            Assert.True(await tickets.AddAnswerAsync(new TicketAnswer("answer-" + ticket.Id, ticket.Id, Dana, "An answer.", false, ticket.AskedAt + after),
                "answer-key-" + ticket.Id, CancellationToken.None));
        }

        var dog = Asked("ticket-0000dog001", "Can I bring my dog to school?", TimeSpan.FromHours(26), channel: "slack", asker: "Sam Slack");
        await tickets.OpenAsync(dog, "key-dog", CancellationToken.None);
        Assert.True(await tickets.AssignAsync(dog.Id, Dana, from: null, Now.AddHours(-20), CancellationToken.None));
        await tickets.OpenAsync(Asked("ticket-0parking01", "parking permit rules", TimeSpan.FromDays(50)), "key-parking", CancellationToken.None);
        await AnsweredAsync(Asked("ticket-00wifi0001", "wifi password?", TimeSpan.FromDays(3)), TimeSpan.FromHours(2));
        await AnsweredAsync(Asked("ticket-00trip0001", "class trip forms?", TimeSpan.FromDays(1)), TimeSpan.FromMinutes(30));
        await AnsweredAsync(Asked("ticket-00old00001", "old question", TimeSpan.FromDays(40)), TimeSpan.FromHours(10));

        var suggestions = services.GetRequiredService<ISuggestionStore>();
        await suggestions.AddAsync(Suggestion("s-pending-1", "Can I bring my dog to school?", "Only guide dogs.", TimeSpan.FromHours(2)), CancellationToken.None);
        await suggestions.AddAsync(Suggestion("s-pending-2", "wifi password?", "Ask the office.", TimeSpan.FromHours(5)), CancellationToken.None);
        await suggestions.AddAsync(Suggestion("s-approved", "class trip forms?", "Use form B7.", TimeSpan.FromDays(1)), CancellationToken.None);
        Assert.True(await suggestions.DecideAsync("s-approved", SuggestionStatus.Pending, "class trip forms?", "Use form B7.", SuggestionStatus.Approved, "Ann Admin", Now.AddHours(-12),
            CancellationToken.None));
    }

    private static KnowledgeSuggestion Suggestion(string id, string question, string answer, TimeSpan ago) =>
        new(id, "ticket-of-" + id, "answer-of-" + id, question, answer, Dana, Now - ago);

    private async Task<IDocument> PageAsync(string query = "")
    {
        using var response = await _browser.GetAsync("/admin" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static IElement Section(IDocument page) => page.QuerySelector("section[aria-labelledby=experts]")!;

    private static IElement FormFor(IDocument page, string id) =>
        page.QuerySelectorAll("form").Single(f => f.GetAttribute("action") == "/admin/suggestions/" + id);

    private static List<List<string>> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList())];

    /// <summary>Posts <paramref name="form"/> as the browser would, its fields overridden by <paramref name="fields"/>.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(IElement form, string decision, IReadOnlyDictionary<string, string>? fields = null, bool withToken = true,
        string? accept = null)
    {
        var values = form.QuerySelectorAll("input[name], textarea[name]")
            .Where(e => withToken || e.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        values["decision"] = decision;
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(values) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await _browser.SendAsync(request);
    }

    private Task<KnowledgeSuggestion?> StoredAsync(string id) =>
        _server.Services.GetRequiredService<ISuggestionStore>().GetAsync(id, CancellationToken.None);

    [Fact]
    public async Task The_section_shows_answers_to_review_approved_ones_open_tickets_and_the_median_time_to_answer()
    {
        var page = await PageAsync();
        var section = Section(page);

        Assert.Equal(["Questions", "Ask an expert", "Onboarding", "Knowledge"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(["3 sent to the experts", "2 answered", "2 open now", "1 h 15 min median time to first answer"],
            section.QuerySelectorAll(".totals li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));

        var pending = FormFor(page, "s-pending-1");
        Assert.Equal("Can I bring my dog to school?", pending.QuerySelector("input[name=question]")!.GetAttribute("value"));
        Assert.Equal("Only guide dogs.", pending.QuerySelector("textarea[name=answer]")!.TextContent);
        Assert.All(pending.QuerySelectorAll("input:not([type=hidden]), textarea"), field =>
            Assert.NotNull(pending.QuerySelector($"label[for='{field.Id}']")));
        Assert.Equal(["approve", "reject"], pending.QuerySelectorAll("button[name=decision]").Select(b => b.GetAttribute("value")));
        Assert.False(string.IsNullOrEmpty(pending.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value")));
        Assert.Contains("Dana Expert", pending.TextContent, StringComparison.Ordinal);
        Assert.NotNull(FormFor(page, "s-pending-2"));

        var approved = FormFor(page, "s-approved");
        Assert.Equal("withdraw", approved.QuerySelector("button[name=decision]")!.GetAttribute("value"));
        Assert.Contains("Use form B7.", approved.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("approved by Ann Admin", approved.ParentElement!.TextContent, StringComparison.Ordinal);

        var open = Rows(section.QuerySelector("table")!);
        Assert.Equal(
        [
            ["parking permit rules", "50 d 0 h", "2026-10-11 12:00", "Pat Asker", "web", "", "context of ticket-0parking01", "#king01"],
            ["Can I bring my dog to school?", "1 d 2 h", "2026-11-29 10:00", "Sam Slack", "slack", "Dana Expert", "context of ticket-0000dog001", "#dog001"],
        ], open);
    }

    [Fact]
    public async Task The_median_follows_the_range_and_the_waits_follow_the_clock()
    {
        var quarter = Section(await PageAsync("?days=90"));
        Assert.Contains("2 h 0 min", quarter.QuerySelector(".totals")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 sent to the experts", string.Join(' ', quarter.QuerySelector(".totals")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(23));
        var later = Rows(Section(await PageAsync()).QuerySelector("table")!);
        Assert.Equal(["50 d 23 h", "2 d 1 h"], later.Select(r => r[1]));
    }

    [Fact]
    public async Task Approve_stores_the_edited_answer_with_the_admin_and_reloads_the_knowledge()
    {
        var page = await PageAsync();

        using var response = await SubmitAsync(FormFor(page, "s-pending-1"), "approve",
            new Dictionary<string, string> { ["question"] = "Can I bring a dog to school?", ["answer"] = "Only guide dogs, with the head's consent." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin?days=30#review", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{AdminEndpoints.DoneCookie}=approve;", StringComparison.Ordinal));
        var stored = await StoredAsync("s-pending-1");
        Assert.Equal(SuggestionStatus.Approved, stored!.Status);
        Assert.Equal(("Can I bring a dog to school?", "Only guide dogs, with the head's consent."), (stored.Question, stored.Answer));
        Assert.Equal("local admin", stored.DecidedBy);
        Assert.Equal(Now, stored.DecidedAt);
        Assert.Equal(1, _knowledge.Reloads);
        var after = await PageAsync();
        Assert.Equal("withdraw", FormFor(after, "s-pending-1").QuerySelector("button[name=decision]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Reject_keeps_it_out_of_the_knowledge_and_withdraw_takes_an_approved_one_out()
    {
        var page = await PageAsync();

        using var reject = await SubmitAsync(FormFor(page, "s-pending-2"), "reject", new Dictionary<string, string> { ["days"] = "90" });
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal("/admin?days=90#review", reject.Headers.Location?.OriginalString);
        Assert.Contains(reject.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{AdminEndpoints.DoneCookie}=reject;", StringComparison.Ordinal));
        Assert.Equal(SuggestionStatus.Rejected, (await StoredAsync("s-pending-2"))!.Status);
        Assert.Equal(0, _knowledge.Reloads);

        using var withdraw = await SubmitAsync(FormFor(page, "s-approved"), "withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal("/admin?days=30#review", withdraw.Headers.Location?.OriginalString);
        Assert.Contains(withdraw.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{AdminEndpoints.DoneCookie}=withdraw;", StringComparison.Ordinal));
        var withdrawn = await StoredAsync("s-approved");
        Assert.Equal((SuggestionStatus.Withdrawn, "class trip forms?", "Use form B7."), (withdrawn!.Status, withdrawn.Question, withdrawn.Answer));
        Assert.Equal(1, _knowledge.Reloads);

        var after = await PageAsync();
        Assert.DoesNotContain(after.QuerySelectorAll("form"), f => f.GetAttribute("action") is "/admin/suggestions/s-pending-2" or "/admin/suggestions/s-approved");
        Assert.Contains("No expert answer is in the knowledge yet.", Section(after).TextContent, StringComparison.Ordinal);

        // The export tells a withdrawn answer (once live) from one never approved.
        var rows = (await _server.Http.GetStringAsync("/admin/export/expert-answers.csv")).Split("\r\n");
        Assert.Contains(rows, r => r.StartsWith("class trip forms?,Use form B7.,withdrawn,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",rejected,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_withdrawal_from_a_page_opened_before_another_admin_s_says_who_withdrew_it()
    {
        var stale = await PageAsync();
        using var first = await SubmitAsync(FormFor(await PageAsync(), "s-approved"), "withdraw");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var reloads = _knowledge.Reloads;

        using var again = await SubmitAsync(FormFor(stale, "s-approved"), "withdraw");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal($"This answer was already withdrawn by local admin on {Now.UtcDateTime:yyyy-MM-dd HH:mm} UTC: reload the dashboard to see it as it is now.",
            await again.Content.ReadAsStringAsync());
        Assert.Equal(SuggestionStatus.Withdrawn, (await StoredAsync("s-approved"))!.Status);
        Assert.Equal(reloads, _knowledge.Reloads);
    }

    [Fact]
    public async Task A_decision_from_a_page_opened_before_another_admin_s_is_refused_and_changes_nothing()
    {
        // Admin B's page, opened while the answer waited: once admin A had decided, B's Reject took a live answer out of
        // the knowledge, and B's Approve put back the text A had corrected, or made live an answer A had rejected.
        var stale = await PageAsync();
        using var first = await SubmitAsync(FormFor(await PageAsync(), "s-pending-1"), "approve",
            new Dictionary<string, string> { ["answer"] = "Only guide dogs, with the head's consent." });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var firstReject = await SubmitAsync(FormFor(await PageAsync(), "s-pending-2"), "reject");
        Assert.Equal(HttpStatusCode.Redirect, firstReject.StatusCode);
        var reloads = _knowledge.Reloads;

        using var staleReject = await SubmitAsync(FormFor(stale, "s-pending-1"), "reject");
        using var staleApprove = await SubmitAsync(FormFor(stale, "s-pending-1"), "approve");
        using var staleApproveRejected = await SubmitAsync(FormFor(stale, "s-pending-2"), "approve");

        Assert.Equal(HttpStatusCode.Conflict, staleReject.StatusCode);
        Assert.Equal($"This answer was already approved by local admin on {Now.UtcDateTime:yyyy-MM-dd HH:mm} UTC: reload the dashboard to see it as it is now.",
            await staleReject.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, staleApprove.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleApproveRejected.StatusCode);
        Assert.StartsWith("This answer was already rejected by local admin", await staleApproveRejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approved = await StoredAsync("s-pending-1");
        Assert.Equal((SuggestionStatus.Approved, "Only guide dogs, with the head's consent."), (approved!.Status, approved.Answer));
        Assert.Equal(SuggestionStatus.Rejected, (await StoredAsync("s-pending-2"))!.Status);
        Assert.Equal(reloads, _knowledge.Reloads);
    }

    [Fact]
    public async Task Without_the_antiforgery_token_or_with_bad_fields_nothing_changes()
    {
        var page = await PageAsync();
        var form = FormFor(page, "s-pending-1");

        using var noToken = await SubmitAsync(form, "approve", withToken: false);
        using var badDecision = await SubmitAsync(form, "delete");
        using var emptyAnswer = await SubmitAsync(form, "approve", new Dictionary<string, string> { ["answer"] = "  " });
        using var tooLong = await SubmitAsync(form, "approve", new Dictionary<string, string> { ["answer"] = new string('a', ExpertInputs.MaxAnswerLength + 1) });
        // Only Markdown marks: nothing of it would be in the knowledge, so "approved: it is in the knowledge now" would be untrue.
        using var markOnlyQuestion = await SubmitAsync(form, "approve", new Dictionary<string, string> { ["question"] = "###" });
        using var markOnlyAnswer = await SubmitAsync(form, "approve", new Dictionary<string, string> { ["answer"] = "---" });
        using var withdrawPending = await SubmitAsync(form, "withdraw");
        // A U+0000 in a field: ASP.NET Core's form reader refuses the form, and the 400 says that, not "reload the dashboard".
        using var nul = await SubmitAsync(form, "approve", new Dictionary<string, string> { ["answer"] = "Only guide\0 dogs." });
        using var json = await _browser.PostJsonAsync("/admin/suggestions/s-pending-1", "{\"decision\":\"approve\"}");
        var unknownForm = new HtmlParser().ParseDocument(form.OuterHtml.Replace("s-pending-1", "s-unknown", StringComparison.Ordinal)).QuerySelector("form")!;
        using var unknown = await SubmitAsync(unknownForm, "approve");

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDecision.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, markOnlyQuestion.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, markOnlyAnswer.StatusCode);
        Assert.Contains("write it in words", await markOnlyAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, withdrawPending.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.StartsWith("The form could not be read", await nul.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("The form is missing a valid antiforgery token", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var stored = await StoredAsync("s-pending-1");
        Assert.Equal((SuggestionStatus.Pending, "Only guide dogs.", null), (stored!.Status, stored.Answer, stored.DecidedBy));
        Assert.Equal(0, _knowledge.Reloads);
    }

    [Fact]
    public async Task A_refused_review_shows_a_page_that_says_why_and_links_back_to_the_dashboard_at_its_range()
    {
        var page = await PageAsync("?days=7");
        var form = FormFor(page, "s-pending-1");

        var tooLong = await RefusalPageAsync(form, "approve", new Dictionary<string, string> { ["answer"] = new string('a', ExpertInputs.MaxAnswerLength + 600) });
        var empty = await RefusalPageAsync(form, "approve", new Dictionary<string, string> { ["question"] = " " });
        var marksOnly = await RefusalPageAsync(form, "approve", new Dictionary<string, string> { ["answer"] = "### " });
        var pending = await RefusalPageAsync(form, "withdraw");
        // (It was a line of plain text, not the page that links back.)
        var unknownDecision = await RefusalPageAsync(form, "publish");

        Assert.Equal((HttpStatusCode.BadRequest, "The answer was not saved"), (tooLong.Status, tooLong.Title));
        Assert.StartsWith($"The question can be up to 500 characters and the answer up to 3,000; this question has {FormQuestionLength(form)} and this answer 3,600.",
            tooLong.Message, StringComparison.Ordinal);
        Assert.StartsWith("The question and the answer must not be empty.", empty.Message, StringComparison.Ordinal);
        Assert.Contains("write it in words", marksOnly.Message, StringComparison.Ordinal);
        Assert.EndsWith("Go back to your edits to change it.", marksOnly.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Conflict, "Not approved yet"), (pending.Status, pending.Title));
        Assert.Equal((HttpStatusCode.BadRequest, "Unknown decision"), (unknownDecision.Status, unknownDecision.Title));
        Assert.StartsWith("The decision must be approve, reject or withdraw", unknownDecision.Message, StringComparison.Ordinal);
        Assert.All(new[] { tooLong, empty, marksOnly, pending, unknownDecision }, refusal => Assert.Equal("/admin?days=7#review", refusal.Link));
        Assert.Equal(SuggestionStatus.Pending, (await StoredAsync("s-pending-1"))!.Status);
    }

    private static int FormQuestionLength(IElement form) =>
        form.QuerySelectorAll("input[name=question], textarea[name=question]").Select(e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "").Single().Trim().Length;

    /// <summary>Posts the form as a browser's navigation (Accept: text/html) and reads the page it gets back.</summary>
    private async Task<(HttpStatusCode Status, string Title, string Message, string Link)> RefusalPageAsync(
        IElement form, string decision, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var response = await SubmitAsync(form, decision, fields, accept: "text/html");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, page.QuerySelector("h1")!.TextContent, page.QuerySelector("main p")!.TextContent,
            page.QuerySelector("main a")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task Both_tables_export_as_csv_with_the_rows_shown()
    {
        var page = await PageAsync();
        var links = Section(page).QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["/admin/export/expert-answers.csv?days=30", "/admin/export/open-tickets.csv?days=30"], links.Order(StringComparer.Ordinal));

        var tickets = (await _server.Http.GetStringAsync("/admin/export/open-tickets.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("question,waiting,asked (UTC),asked by,asker channel,assigned to,context,ticket", tickets[0]);
        Assert.Equal(["parking permit rules", "Can I bring my dog to school?"], tickets.Skip(1).Select(l => l.Split(',')[0]));

        var answers = (await _server.Http.GetStringAsync("/admin/export/expert-answers.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("question,answer,status,expert,expert channel,suggested (UTC),decided by,decided (UTC)", answers[0]);
        Assert.Equal(3, answers.Length - 1);
        Assert.Contains(answers, l => l.StartsWith("class trip forms?,Use form B7.,approved,Dana Expert,slack,2026-11-29 12:00,Ann Admin,2026-11-30 00:00", StringComparison.Ordinal));
    }
}

/// <summary>With sign-in: a signed-in teacher cannot decide (403, nothing changes); an admin's decision carries their name.</summary>
public sealed class AdminExpertsSignInTests
{
    [Fact]
    public async Task Only_an_admin_decides_and_the_decision_is_stored_under_their_name()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = WebSignInTests.SignInBot(idp);
        var baseUrl = bot.Start();
        var suggestions = bot.Services.GetRequiredService<ISuggestionStore>();
        await suggestions.AddAsync(new KnowledgeSuggestion("s1", "t1", "a1", "Can I bring my dog?", "Only guide dogs.", new ExpertRef("slack", "U1", "Dana"),
            DateTimeOffset.UtcNow), CancellationToken.None);
        using var teacher = new ChatClient(baseUrl);
        using var admin = new ChatClient(baseUrl);
        await WebSignInTests.SignInAsync(teacher, (nonce, _) => idp.IdToken(nonce, "44444444-aaaa-4bbb-8ccc-000000000004", "Tom Teacher"));
        await WebSignInTests.SignInAsync(admin, (nonce, _) => idp.IdToken(nonce, "55555555-aaaa-4bbb-8ccc-000000000005", "Ann Admin", [WebSignInTests.AdminRole]));
        using var adminPage = await admin.GetAsync("/admin");
        var form = new HtmlParser().ParseDocument(await adminPage.Content.ReadAsStringAsync()).QuerySelector("form[action='/admin/suggestions/s1']")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["question"] = "Can I bring my dog?",
            ["answer"] = "Only guide dogs.",
            ["decision"] = "approve",
        };

        using var teacherPost = await teacher.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/suggestions/s1") { Content = new FormUrlEncodedContent(fields) });
        var afterTeacher = await suggestions.GetAsync("s1", CancellationToken.None);
        using var adminPost = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/suggestions/s1") { Content = new FormUrlEncodedContent(fields) });

        Assert.Equal(HttpStatusCode.Forbidden, teacherPost.StatusCode);
        Assert.Equal(SuggestionStatus.Pending, afterTeacher!.Status);
        Assert.Equal(HttpStatusCode.Redirect, adminPost.StatusCode);
        var approved = await suggestions.GetAsync("s1", CancellationToken.None);
        Assert.Equal((SuggestionStatus.Approved, "Ann Admin"), (approved!.Status, approved.DecidedBy));
    }
}
