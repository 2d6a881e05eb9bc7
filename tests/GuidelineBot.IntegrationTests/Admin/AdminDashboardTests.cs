using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;
using GuidelineBot.IntegrationTests.Onboarding;
using GuidelineBot.Web.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// The dashboard at <c>/admin</c> and its CSV exports through real HTTP (Kestrel on 127.0.0.1, Development), over a
/// question log filled through <see cref="IQuestionLog"/> and onboarding records in the store.
/// </summary>
public sealed class AdminDashboardTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly KnowledgeStatus Status = new("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Now.AddMinutes(-10),
        [new DocumentStatus("staff-social-media-guidelines", "Staff Social Media Guidelines", "staff-social-media-guidelines.txt", 13, "5e884898da28047151d0e56f8dc62927")],
        [new KnowledgeError("broken-policy.md", 7, "front matter is not closed")]);

    private readonly FakeTimeProvider _clock = new(Now);
    private AdminServer _server = null!;

    private static GuidelineSection Section(int index) => OnboardingTestKnowledge.SeedDocument.Sections[index];

    public async Task InitializeAsync()
    {
        _server = new AdminServer(_clock, new FakeKnowledgeStatus(Status));
        _ = _server.Http;
        await SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static QuestionRecord Asked(string id, TimeSpan ago, string text, QuestionOutcome outcome, GuidelineSection? section = null, string user = "#aaaaaaaaaaaa") =>
        new(id, Now - ago, "web", user, text, outcome, section?.DocumentId, section?.Id, section is null ? 0.2 : 0.9, 15);

    internal static async Task SeedAsync(AdminServer server)
    {
        var log = server.Services.GetRequiredService<IQuestionLog>();
        QuestionRecord[] questions =
        [
            Asked("a1", TimeSpan.FromHours(1), "what can I share? email me at pat@example.org", QuestionOutcome.Answered, Section(1)),
            Asked("a2", TimeSpan.FromDays(1), "=HYPERLINK(\"http://x.invalid\",\"click\")", QuestionOutcome.Answered, Section(1)),
            Asked("a3", TimeSpan.FromDays(2), "do privacy settings protect everything", QuestionOutcome.Answered, Section(2)),
            Asked("d1", TimeSpan.FromHours(3), "Can I bring my dog to school?", QuestionOutcome.Declined, user: "#bbbbbbbbbbbb"),
            Asked("d2", TimeSpan.FromHours(4), "are dogs allowed at school", QuestionOutcome.Declined, user: "#cccccccccccc"),
            Asked("d3", TimeSpan.FromHours(5), "<script>alert(1)</script> wifi password", QuestionOutcome.Declined),
            Asked("old", TimeSpan.FromDays(10), "parking permit rules", QuestionOutcome.Declined),
            Asked("o1", TimeSpan.FromMinutes(30), "hello", QuestionOutcome.Other),
        ];
        foreach (var q in questions)
        {
            await log.RecordAsync(q, CancellationToken.None);
        }

        var votes = server.Services.GetRequiredService<IFeedbackStore>();
        foreach (var (id, helpful) in new[] { ("a1", true), ("a2", false) })
        {
            var q = questions.Single(q => q.Id == id);
            await votes.VoteAsync(new FeedbackRecord(q.Channel, "U1", q.Text, q.SectionId, helpful, q.At), id + ":U1", CancellationToken.None);
            await log.RecordFeedbackAsync(id, helpful, CancellationToken.None);
        }

        var store = server.Services.GetRequiredService<IOnboardingStore>();
        var seed = OnboardingTestKnowledge.SeedDocument;
        var done = Now.AddDays(-1);
        await store.TrySaveAsync(new OnboardingState(new OnboardingKey("teams", "29:dana"), "Dana Example", OnboardingStep.Completed, 0, seed.Id, seed.ContentHash, done.AddHours(-1), 0, 0, [seed.Id],
            done.AddHours(-1), done, null, done, 0), new OnboardingAcknowledgement("teams", "29:dana", "Dana Example", seed.Id, seed.Title, seed.ContentHash, done),
            CancellationToken.None);
        var idle = Now.AddDays(-5);
        await store.TrySaveAsync(new OnboardingState(new OnboardingKey("slack", "T1:U7"), "Sam Idle", OnboardingStep.Reading, 0, seed.Id, seed.ContentHash, idle, 3, 0, [],
            idle, idle, null, null, 0), null, CancellationToken.None);
    }

    private async Task<IDocument> PageAsync(string query = "")
    {
        using var response = await _server.Http.GetAsync("/admin" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static IElement TableWithCaption(IDocument page, string caption) =>
        page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith(caption, StringComparison.Ordinal));

    private static List<List<string>> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToList())];

    [Fact]
    public async Task Dashboard_has_headings_a_labelled_range_and_three_accessible_svg_charts_of_the_log()
    {
        var page = await PageAsync();

        Assert.Equal("GuidelineBot admin", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Questions", "Ask an expert", "Onboarding", "Knowledge"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.NotNull(page.QuerySelector("label[for=days]"));
        Assert.Equal(["7", "30", "90"], page.QuerySelectorAll("select#days option").Select(o => o.GetAttribute("value")));
        Assert.Equal("30", page.QuerySelector("select#days option[selected]")!.GetAttribute("value"));

        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(3, charts.Length);
        foreach (var chart in charts)
        {
            var ids = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(ids, id => Assert.NotNull(chart.QuerySelector($"[id='{id}']")));
        }

        var tooltips = charts[0].QuerySelectorAll("rect > title").Select(t => t.TextContent).ToList();
        Assert.Equal(["2026-11-20: 1 questions", "2026-11-28: 1 questions", "2026-11-29: 1 questions", "2026-11-30: 5 questions"], tooltips);
        Assert.Contains("2026-11-30: 3 declined", charts[1].QuerySelectorAll("rect > title").Select(t => t.TextContent));
        Assert.Equal(["2026-11-29: 1 not helpful", "2026-11-30: 1 helpful"],
            charts[2].QuerySelectorAll("rect > title").Select(t => t.TextContent).Order(StringComparer.Ordinal));
        Assert.Equal("2026-11-01 to 2026-11-30: 1 helpful, 1 not helpful.", charts[2].QuerySelector("desc")!.TextContent);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/")]
    public async Task The_dashboard_and_the_chat_page_answer_HEAD_as_uptime_monitors_ask_with_headers_only(string path)
    {
        using var get = await _server.Http.GetAsync(path);
        using var head = await _server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var put = await _server.Http.PutAsync(path, new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }

    [Fact]
    public async Task The_page_allows_no_script_and_no_framing_and_its_files_are_not_sniffed()
    {
        using var page = await _server.Http.GetAsync("/admin");
        using var csv = await _server.Http.GetAsync("/admin/export/latest.csv");

        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options"))); // not antiforgery's SAMEORIGIN beside it
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Equal(["nosniff"], page.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(["nosniff"], csv.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Tables_show_top_sections_masked_latest_questions_grouped_unanswered_onboarding_and_knowledge()
    {
        var page = await PageAsync();
        var html = page.DocumentElement.OuterHtml;

        Assert.All(page.QuerySelectorAll("table"), t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.QuerySelector("caption")?.TextContent));
            Assert.All(t.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        });

        var sections = Rows(TableWithCaption(page, "Top sections"));
        Assert.Equal([Section(1).Breadcrumb, "2", "1", "1"], sections[0].Take(4));
        Assert.Equal([Section(2).Breadcrumb, "1", "0", "0"], sections[1].Take(4));

        var latest = Rows(TableWithCaption(page, "Latest questions"));
        Assert.Equal(["2026-11-30 11:30", "web", "hello", "other"], latest[0].Take(4));
        Assert.Contains(latest, r => r[2] == "what can I share? email me at [email]" && r[3] == "answered" && r[4] == Section(1).Breadcrumb && r[6] == "helpful");
        Assert.DoesNotContain("pat@example.org", html, StringComparison.Ordinal);
        Assert.Contains(latest, r => r[2] == "<script>alert(1)</script> wifi password");
        Assert.Empty(page.QuerySelectorAll("script"));

        var unanswered = Rows(TableWithCaption(page, "Top unanswered"));
        Assert.Equal(["Can I bring my dog to school?", "2", "2", "2026-11-30 09:00", "are dogs allowed at school"], unanswered[0]);
        Assert.Contains(unanswered, r => r[0] == "parking permit rules");

        var versions = Rows(TableWithCaption(page, "Onboarding completion"));
        var seed = OnboardingTestKnowledge.SeedDocument;
        Assert.Equal([seed.Title, seed.ShortHash, "current", "1", "50%"], versions.Single().Take(5));
        var overdue = Rows(TableWithCaption(page, "Overdue"));
        Assert.Equal(["Sam Idle", "slack", "T1:U7", $"reading topic 4/{seed.Sections.Count} of {seed.Title}", "2026-11-25 12:00", "5"], overdue.Single());

        Assert.Contains(Status.Version, page.QuerySelector("section[aria-labelledby=knowledge]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Staff Social Media Guidelines", "staff-social-media-guidelines", "staff-social-media-guidelines.txt", "13", Status.Documents[0].ContentHash],
            Rows(TableWithCaption(page, "Live documents")).Single());
        Assert.Equal(["broken-policy.md", "7", "front matter is not closed"], Rows(TableWithCaption(page, "Knowledge warnings")).Single());
    }

    [Fact]
    public async Task Reload_button_posts_to_admin_reload_with_the_antiforgery_token()
    {
        var page = await PageAsync();

        var form = page.QuerySelectorAll("form").Single(f => f.GetAttribute("method") == "post");
        Assert.Equal("/admin/reload", form.GetAttribute("action"));
        Assert.Equal("Reload knowledge", form.QuerySelector("button[type=submit]")!.TextContent);
        var token = form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]");
        Assert.False(string.IsNullOrEmpty(token?.GetAttribute("value")));
        // The range goes with the post, so the dashboard comes back at it.
        Assert.Equal("7", (await PageAsync("?days=7")).QuerySelector("form[action='/admin/reload'] input[type=hidden][name=days]")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task After_a_form_post_the_page_confirms_what_was_done_once()
    {
        async Task<(string? Status, string? SetCookie)> ConfirmedAsync(string query, string? done)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin" + query);
            if (done is not null)
            {
                request.Headers.Add("Cookie", $"{AdminEndpoints.DoneCookie}={Uri.EscapeDataString(done)}");
            }

            using var response = await _server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            return (page.QuerySelector("p[role=status]")?.TextContent,
                response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith(AdminEndpoints.DoneCookie, StringComparison.Ordinal)) : null);
        }

        var reloaded = await ConfirmedAsync("?days=7", "reload");
        Assert.Equal("The knowledge was reloaded.", reloaded.Status);
        // Said once: the page deletes the cookie, so a refresh does not say it again.
        Assert.Contains("expires=Thu, 01 Jan 1970", reloaded.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("The answer was approved: it is in the knowledge now.", (await ConfirmedAsync("", "approve")).Status);
        Assert.Null((await ConfirmedAsync("", "<b>hacked</b>")).Status);
        // A link can no longer make the page confirm what no one did.
        Assert.Null((await ConfirmedAsync("?days=7&done=reload", null)).Status);
    }

    [Fact]
    public async Task The_range_filter_limits_charts_and_tables_and_a_bad_range_shows_the_default_range_and_says_so()
    {
        var week = await PageAsync("?days=7");

        Assert.Equal("7", week.QuerySelector("select#days option[selected]")!.GetAttribute("value"));
        Assert.Equal(7, Rows(TableWithCaption(week, "Questions per day")).Count);
        Assert.DoesNotContain(Rows(TableWithCaption(week, "Top unanswered")), r => r[0] == "parking permit rules");
        Assert.All(week.QuerySelectorAll("a[download]"), a => Assert.EndsWith("?days=7", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Null(week.QuerySelector("p.notice"));

        foreach (var bad in new[] { "0", "367", "abc", "-5", "1.5" })
        {
            // The page (what a person types or follows): the default range, with what was wrong.
            var page = await PageAsync($"?days={bad}");
            Assert.Equal("The range must be a whole number of days from 1 to 366: showing the last 30 days.", page.QuerySelector("p.notice[role=alert]")?.TextContent);
            Assert.Equal("30", page.QuerySelector("select#days option[selected]")!.GetAttribute("value"));
            Assert.Equal(30, Rows(TableWithCaption(page, "Questions per day")).Count);
            // An export (what a tool fetches): refused with the reason.
            using var export = await _server.Http.GetAsync($"/admin/export/daily.csv?days={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
            Assert.Contains("days must be a whole number from 1 to 366", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_table_downloads_as_a_csv_file_with_the_same_columns_and_rows()
    {
        var page = await PageAsync();
        var links = page.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(11, links.Count); // 10 tables (the experts' two empty here) + every question in the range

        foreach (var link in links)
        {
            using var response = await _server.Http.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            var name = link[(link.LastIndexOf('/') + 1)..link.IndexOf(".csv", StringComparison.Ordinal)];
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"guidelinebot-{name}-30d-2026-11-30.csv", response.Content.Headers.ContentDisposition?.FileName);

            var csv = await response.Content.ReadAsStringAsync();
            var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var table = page.QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")!.Id == $"table-{name}");
            if (table is not null)
            {
                Assert.Equal(string.Join(',', table.QuerySelectorAll("thead th").Select(th => th.TextContent)), lines[0]);
                Assert.Equal(table.QuerySelectorAll("tbody tr").Length, lines.Length - 1);
            }
            else if (name is DashboardTables.Tickets or DashboardTables.Suggestions)
            {
                Assert.Single(lines); // nothing was sent to the experts: the header only
            }
            else
            {
                Assert.Equal("questions", name);
                Assert.Equal(string.Join(',', QuestionTable.Header), lines[0]);
                Assert.Equal(8, lines.Length - 1);
            }
        }
    }

    [Fact]
    public async Task Csv_cells_that_would_run_as_formulas_are_escaped_and_unknown_tables_are_404()
    {
        var csv = await _server.Http.GetStringAsync("/admin/export/latest.csv");

        Assert.Contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        using var unknown = await _server.Http.GetAsync("/admin/export/secrets.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No table 'secrets' on the dashboard: daily, sections", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_table_the_dashboard_builds_is_one_of_the_names_an_export_accepts()
    {
        var model = await _server.Services.GetRequiredService<AdminDashboard>().LoadAsync(30, CancellationToken.None);

        Assert.Equal(DashboardTables.Names.Order(StringComparer.Ordinal), model.Tables.Keys.Order(StringComparer.Ordinal));
    }
}

/// <summary>The dashboard of a server nobody has asked anything yet.</summary>
public sealed class AdminDashboardOfAnEmptyLogTests
{
    [Fact]
    public async Task An_empty_log_renders_as_sentences_and_its_tables_still_export()
    {
        await using var server = new AdminServer(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)));

        var html = await server.Http.GetStringAsync("/admin");

        var text = new HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("No questions in this range.", text, StringComparison.Ordinal); // an empty log: no table, a sentence
        Assert.Contains("Nobody is overdue.", text, StringComparison.Ordinal);
        // Nothing was asked: no sentence claims every question was answered or has an expert's answer.
        Assert.Contains("Top unanswered questions, similar wordings grouped: No questions in this range yet.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("answered.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("has an answer", text, StringComparison.Ordinal);
        using var documents = await server.Http.GetAsync("/admin/export/documents.csv");
        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
        using var daily = await server.Http.GetAsync("/admin/export/daily.csv");
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
    }
}
