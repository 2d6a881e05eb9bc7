using Microsoft.Playwright;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The web chat in headless Chromium keeps the tab's conversation across a reload: the questions and answers come back in
/// order after the greeting, a vote stays given, the page goes on from there; another person (a new local id) starts
/// with the greeting alone.
/// </summary>
public sealed class WebChatHistoryBrowserTests(BrowserFixture browser, LocalWebBot server)
    : IClassFixture<BrowserFixture>, IClassFixture<LocalWebBot>
{
    private const string Question = "can I friend parents?";
    private const string SecondQuestion = "can I post photos of my class?";
    private const string GuidelineText = "Employees should use extreme caution";
    private static readonly LocatorWaitForOptions Slow = new() { Timeout = 90_000 };
    private static readonly LocatorGetByRoleOptions Helpful = new() { Name = "👍 Helpful" };

    [BrowserFact]
    public async Task A_reload_shows_the_conversation_again_with_its_vote_and_goes_on_from_there()
    {
        var page = await browser.NewPageAsync(1100, 900);
        var errors = BrowserFixture.RecordErrors(page);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            await AskAsync(page, Question);
            var answer = page.Locator("#log > .bot.answer").First;
            await answer.GetByText(GuidelineText).WaitForAsync(Slow);
            await answer.GetByRole(AriaRole.Button, Helpful).ClickAsync();
            await page.Locator("#log > .bot.feedbackThanks").WaitForAsync(Slow);
            var before = await page.Locator("#log").InnerTextAsync();

            await page.ReloadAsync();

            await page.Locator("#log > .bot.feedbackThanks").WaitForAsync(Slow);
            Assert.Equal(before, await page.Locator("#log").InnerTextAsync());
            Assert.StartsWith("Hi, I'm GuidelineBot", (await page.Locator("#log > .bot").First.Locator("h3").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
            Assert.Equal(new[] { Question }, await page.Locator("#log > .user p").AllInnerTextsAsync());
            var restored = page.Locator("#log > .bot.answer").First;
            Assert.Contains(GuidelineText, await restored.InnerTextAsync(), StringComparison.Ordinal);
            var vote = restored.GetByRole(AriaRole.Button, Helpful);
            Assert.True(await vote.IsDisabledAsync());
            Assert.Equal("true", await vote.GetAttributeAsync("aria-pressed"));
            Assert.True(await restored.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "👎 Not helpful" }).IsDisabledAsync());
            var related = restored.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { Name = "Related topics" }).GetByRole(AriaRole.Button).First;
            Assert.True(await related.IsEnabledAsync()); // a topic can still be asked
            Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));
            Assert.Equal("polite", await page.Locator("#log").GetAttributeAsync("aria-live")); // silent while it was put back

            // The conversation goes on after what was restored, and the next reload has both exchanges, in order.
            await AskAsync(page, SecondQuestion);
            await page.Locator("#log > .user ~ .bot.answer").Nth(1).WaitForAsync(Slow);
            await page.ReloadAsync();
            await page.Locator("#log > .user ~ .bot.answer").Nth(1).WaitForAsync(Slow);
            Assert.Equal(new[] { Question, SecondQuestion }, await page.Locator("#log > .user p").AllInnerTextsAsync());
            Assert.Equal(1, await page.Locator("#log > .bot.feedbackThanks").CountAsync());
            Assert.True(await page.Locator("#log > .bot.answer").First.GetByRole(AriaRole.Button, Helpful).IsDisabledAsync());
            Assert.True(await page.Locator("#log > .bot.answer").Nth(1).GetByRole(AriaRole.Button, Helpful).IsEnabledAsync());

            // The tab keeps it under a name of its own for the person, not under their id.
            var keys = await page.EvaluateAsync<string[]>("Object.keys(sessionStorage)");
            var key = Assert.Single(keys);
            Assert.StartsWith("guidelinebot.chat.", key, StringComparison.Ordinal);
            var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "guidelinebot.webuser");
            Assert.DoesNotContain(cookie.Value, key, StringComparison.Ordinal);

            // Someone else in the same tab (a new local id): the greeting alone.
            await page.Context.ClearCookiesAsync();
            await page.ReloadAsync();
            await page.Locator("#log > .bot").First.WaitForAsync(Slow);
            Assert.Equal(1, await page.Locator("#log > .bot").CountAsync());
            Assert.Equal(0, await page.Locator("#log > .user").CountAsync());
            Assert.Empty(errors);
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "tests/GuidelineBot.IntegrationTests/TestResults/web/web-chat-history-failure.png");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task A_history_the_page_cannot_read_is_dropped_and_the_chat_still_works()
    {
        var page = await browser.NewPageAsync(1100, 900);
        var errors = BrowserFixture.RecordErrors(page);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            var key = await page.Locator("#log").GetAttributeAsync("data-history");
            Assert.False(string.IsNullOrEmpty(key));
            await page.EvaluateAsync("key => sessionStorage.setItem(key, '{not json')", key);
            await page.ReloadAsync();
            await page.Locator("#log > .bot").First.WaitForAsync(Slow);
            Assert.Equal(1, await page.Locator("#log > .bot").CountAsync());

            await page.EvaluateAsync("key => sessionStorage.setItem(key, JSON.stringify([{ user: 'from before' }, { bot: 42 }, null, { bot: { blocks: 'x' } }]))", key);
            await page.ReloadAsync();
            await page.Locator("#log > .user").First.WaitForAsync(Slow);
            Assert.Equal(new[] { "from before" }, await page.Locator("#log > .user p").AllInnerTextsAsync());

            await AskAsync(page, Question);
            await page.Locator("#log > .bot.answer").GetByText(GuidelineText).WaitForAsync(Slow);
            Assert.Empty(errors);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task AskAsync(IPage page, string question)
    {
        var input = page.GetByLabel("Your question");
        await input.FillAsync(question);
        await input.PressAsync("Enter");
    }
}
