using Deque.AxeCore.Playwright;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// A sign-in problem as a person meets it in Chromium: the identity provider is out of reach (a closed loopback port), so
/// opening the chat gets the 503 page in the chat's style, which its security policy lets load, with a link that tries
/// the same address again; axe finds no serious accessibility violation.
/// </summary>
public sealed class SignInProblemPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Sign_in_out_of_reach_shows_a_styled_page_that_says_when_to_try_again()
    {
        await using var bot = new WebBotFactory("Production", new Dictionary<string, string?>
        {
            ["Search:Reranker"] = "None",
            ["Web:Authority"] = "http://127.0.0.1:9/tenant/v2.0",
            ["Web:ClientId"] = FakeOpenIdProvider.ClientId,
        });
        var baseUrl = bot.Start();
        var page = await browser.NewPageAsync(900, 700);
        try
        {
            var errors = BrowserFixture.RecordErrors(page);
            var response = await page.GotoAsync(baseUrl + "/?from=test");

            Assert.Equal(503, response!.Status);
            Assert.Equal("Sign-in is unavailable right now", await page.Locator("h1").InnerTextAsync());
            Assert.Contains("try again in 30 seconds", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            // The chat's style sheet applies (the page's policy allows it): the header is centred at the chat's width.
            Assert.Equal("768px", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('header.top')).maxWidth"));
            Assert.Equal(baseUrl + "/?from=test", await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Try again" })
                .EvaluateAsync<string>("a => a.href"));
            // The only error is the 503 itself: nothing the page loads is refused.
            Assert.Equal([$"503 GET {baseUrl}/?from=test"], errors.Where(e => !e.StartsWith("console: Failed to load resource", StringComparison.Ordinal)));

            var results = await page.RunAxe();
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
