using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// The dashboard in headless Chromium over two weeks of questions asked through the conversation core (the path every
/// channel takes), on a clock that moves a few hours per question: the charts, the masked latest questions and the
/// grouped unanswered ones are shown; declined questions go to the experts (a recording experts' channel), who answer
/// some, one for the knowledge, so the "Ask an expert" section shows an answer to review, open tickets and the median
/// time to answer; no table needs a sideways scroll at 1280 px (hashes and ids wrap), nothing overflows at phone width,
/// and docs/screenshots/admin-dashboard.png is saved.
/// </summary>
public sealed class AdminDashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Screenshot = "docs/screenshots/admin-dashboard.png";
    private const string Expert = "U-dana";

    /// <summary>What staff might ask; whether each is answered is the engine's decision, read from the replies.</summary>
    private static readonly string[] Questions =
    [
        "can I friend parents?",
        "can I post photos of my class?",
        "I posted something I regret, what now?",
        "can I bring my dog to school?",
        "may I message a student on instagram?",
        "are dogs allowed at school?",
        "do privacy settings protect what I post?",
        "what is the wifi password in the staff room?",
        "is it ok to criticise a colleague online?",
        "can I bring my dog to work?",
        "what happens if I break these guidelines?",
    ];

    /// <summary>Asked last, so it is among the latest questions: its e-mail address must be masked there.</summary>
    private const string WithEmail = "my address is pat@example.org, can I use my school email for facebook?";

    [BrowserFact]
    public async Task Two_weeks_of_questions_show_as_charts_and_tables_and_the_page_fits_a_phone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-13));
        await using var server = new AdminServer(clock, services: s => s.AddSingleton<IExpertChannel>(new RecordingExpertChannel(Channels.Slack, Expert)));
        var baseUrl = server.Http.BaseAddress!;
        var (answered, declined) = await AskForTwoWeeksAsync(server, clock);
        Assert.True(answered > 0 && declined > 0, $"answered {answered}, declined {declined}");
        var tickets = await server.Services.GetRequiredService<ITicketStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Contains(tickets, t => t.Answers.Count > 0);
        Assert.Contains(tickets, t => t.Answers.Count == 0);

        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync(new Uri(baseUrl, "admin").ToString());

        Assert.Equal("GuidelineBot admin", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("svg.chart[role=img]").CountAsync() >= 3);
        var latest = await page.Locator("#table-latest").Locator("xpath=ancestor::table").InnerTextAsync();
        Assert.Contains("[email]", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("pat@example.org", await page.ContentAsync(), StringComparison.Ordinal);
        var unanswered = await page.Locator("#table-unanswered").Locator("xpath=ancestor::table").InnerTextAsync();
        Assert.Contains("dog", unanswered, StringComparison.OrdinalIgnoreCase);
        var experts = page.Locator("section[aria-labelledby=experts]");
        Assert.Equal(1, await experts.Locator("form button[value=approve]").CountAsync());
        Assert.DoesNotContain("—", await experts.Locator(".totals").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#table-open-tickets").CountAsync() == 1);
        var scrolled = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('.scroll')].filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.getAttribute('aria-labelledby'))");
        Assert.True(scrolled.Length == 0, "tables wider than the page at 1280 px (long hashes and ids must wrap): " + string.Join(", ", scrolled));
        await BrowserFixture.ScreenshotAsync(page, Screenshot);
        await AssertChartTextReadableAsync(page);

        // 320 px too (the narrowest phones, and 400 % zoom): the charts' columns were at least 20rem, 8 px over.
        foreach (var width in new[] { 390, 320 })
        {
            var phone = await browser.NewPageAsync(width, 844);
            await phone.GotoAsync(new Uri(baseUrl, "admin").ToString());
            var tooWide = await phone.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll'))" +
                ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            Assert.True(tooWide.Length == 0, $"wider than a {width} px screen: " + string.Join(", ", tooWide.Take(8)));
            if (width > 320)
            {
                await AssertChartTextReadableAsync(phone);
            }
        }
    }

    /// <summary>The charts' labels (axis, legend) show at 11 px or more: the drawing is scaled to its width on the page.</summary>
    private static async Task AssertChartTextReadableAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<double[]>(
            "[...document.querySelectorAll('svg.chart text')].map(t => parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width)");
        Assert.NotEmpty(sizes);
        Assert.True(sizes.Min() >= 11, $"chart text at {sizes.Min():0.#} px on a {page.ViewportSize!.Width} px wide page");
    }

    /// <summary>Each day a few people ask a few of <see cref="Questions"/>; about every other answer gets a vote.</summary>
    private static async Task<(int Answered, int Declined)> AskForTwoWeeksAsync(AdminServer server, FakeTimeProvider clock)
    {
        int answered = 0, declined = 0, asked = 0;
        for (var day = 0; day < 14; day++)
        {
            for (var i = 0; i < 2 + (day * 7 % 5); i++, asked++)
            {
                await using var scope = server.Services.CreateAsyncScope();
                var conversation = scope.ServiceProvider.GetRequiredService<ConversationService>();
                var person = new ConversationContext(Channels.Web, "person-" + (asked % 9), "web-" + (asked % 9), IsDirect: true);
                var response = await conversation.HandleAsync(person, new TextInbound(Questions[asked % Questions.Length]), CancellationToken.None);
                foreach (var message in response.Messages)
                {
                    if (message is AnswerMessage answer)
                    {
                        answered++;
                        if (asked % 2 == 0)
                        {
                            await conversation.HandleAsync(person, new FeedbackInbound(answer.Ref, Helpful: asked % 3 != 0), CancellationToken.None);
                        }
                    }
                    else if (message is NoAnswerMessage { ExpertOffer: { } offer })
                    {
                        declined++;
                        if (declined % 3 == 1)
                        {
                            await SendToExpertsAsync(conversation, person, offer, answerAfterMinutes: declined % 6 == 1 ? 30 * (1 + (declined / 6 % 3)) : null,
                                addToKnowledge: declined == 1, clock);
                        }
                    }
                }

                clock.Advance(TimeSpan.FromHours(2));
            }

            if (day < 13)
            {
                clock.SetUtcNow(new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(8), TimeSpan.Zero));
            }
        }

        await using (var last = server.Services.CreateAsyncScope())
        {
            var person = new ConversationContext(Channels.Web, "person-last", "web-last", IsDirect: true);
            await last.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(person, new TextInbound(WithEmail), CancellationToken.None);
        }

        return (answered, declined);
    }

    /// <summary>The asker sends the declined question to the experts; an expert answers it <paramref name="answerAfterMinutes"/> later, if given.</summary>
    private static async Task SendToExpertsAsync(ConversationService conversation, ConversationContext person, AnswerRef question, int? answerAfterMinutes,
        bool addToKnowledge, FakeTimeProvider clock)
    {
        var sent = await conversation.HandleAsync(person, new SendToExpertInbound(question, "Asked in the staff room"), CancellationToken.None);
        var opened = Assert.IsType<ExpertTicketOpenedMessage>(Assert.Single(sent.Messages));
        if (answerAfterMinutes is not { } minutes || !opened.Created)
        {
            return;
        }

        clock.Advance(TimeSpan.FromMinutes(minutes));
        var expert = new ConversationContext(Channels.Slack, Expert, RecordingExpertChannel.ConversationId, IsDirect: false, "Dana Expert");
        await conversation.HandleAsync(expert, new ExpertAnswerInbound(opened.Ticket.Id, "Please check with the office; an answer for the guidelines is on its way.",
            addToKnowledge), CancellationToken.None);
    }
}
