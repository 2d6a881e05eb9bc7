using Microsoft.Playwright;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The chat and the dashboard, each the first page of its server in a fresh Chromium, load without an error in the
/// console: both have an icon, so the browser asks for no /favicon.ico (a 404 the console reported on every load).
/// </summary>
public sealed class PageIconBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_chat_and_the_dashboard_load_without_an_error_in_the_console()
    {
        foreach (var path in new[] { "", "admin" })
        {
            // A server each: the browser asks an origin for its /favicon.ico once.
            await using var bot = new WebBotFactory();
            var url = bot.Start() + "/" + path;
            var page = await browser.NewPageAsync();
            try
            {
                var errors = BrowserFixture.RecordErrors(page);
                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

                Assert.True(errors.IsEmpty, url + ": " + string.Join("; ", errors));
                Assert.Equal(1, await page.Locator("link[rel=icon][href^='data:image/svg+xml,']").CountAsync());
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }
}
