using Microsoft.Playwright;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The web chat in headless Chromium keeps the tab's conversation across a reload: the questions and answers come back in
/// order after the greeting, silently, scrolled to the newest above the question box; the votes given stay given (the one
/// pressed marked); what the bot did not take is not remembered; the page goes on from there; another person (a new
/// local id) starts with the greeting alone, and the earlier person's conversation leaves the tab.
/// </summary>
public sealed class WebChatHistoryBrowserTests(BrowserFixture browser, LocalWebBot server)
    : IClassFixture<BrowserFixture>, IClassFixture<LocalWebBot>
{
    private const string Question = "can I friend parents?";
    private const string SecondQuestion = "can I post photos of my class?";
    private const string GuidelineText = "Employees should use extreme caution";
    private static readonly LocatorWaitForOptions Slow = new() { Timeout = 90_000 };
    private static readonly LocatorGetByRoleOptions Helpful = new() { Name = "👍 Helpful" };
    private static readonly LocatorGetByRoleOptions NotHelpful = new() { Name = "👎 Not helpful" };

    /// <summary>
    /// Before the page's script: for every message added to the log, the log's <c>aria-live</c> at that moment (the
    /// observer's records come in order, later: an attribute record holds the value before its change, so the value after
    /// it is the next such record's old value, or the current one).
    /// </summary>
    private const string RecordAnnouncements = """
        window.__announced = [];
        new MutationObserver((changes) => {
          const live = changes.filter((c) => c.type === "attributes");
          let next = 0;
          const now = () => (next < live.length ? live[next].oldValue : document.getElementById("log").getAttribute("aria-live"));
          for (const change of changes) {
            if (change.type === "attributes") { next++; continue; }
            if (change.target.id !== "log") continue;
            for (const node of change.addedNodes) if (node.classList?.contains("msg")) window.__announced.push(now());
          }
        }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-live"], attributeOldValue: true });
        """;

    [BrowserFact]
    public async Task A_reload_shows_the_conversation_again_with_its_vote_and_goes_on_from_there()
    {
        var page = await browser.NewPageAsync(1100, 700);
        var errors = BrowserFixture.RecordErrors(page);
        await page.AddInitScriptAsync(RecordAnnouncements);
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
            Assert.True(await restored.GetByRole(AriaRole.Button, NotHelpful).IsDisabledAsync());
            var related = restored.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { Name = "Related topics" }).GetByRole(AriaRole.Button).First;
            Assert.True(await related.IsEnabledAsync()); // a topic can still be asked
            Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));
            Assert.Equal(new[] { "off", "off", "off", "off" }, await page.EvaluateAsync<string[]>("window.__announced")); // greeting, question, answer, thanks: put back silently
            Assert.Equal("polite", await page.Locator("#log").GetAttributeAsync("aria-live"));

            // The conversation goes on after what was restored (announced now); 👎 on the second answer; the next reload has
            // both exchanges in order, each vote marked on the button pressed, and ends above the question box.
            await AskAsync(page, SecondQuestion);
            var second = page.Locator("#log > .bot.answer").Nth(1);
            await second.WaitForAsync(Slow);
            Assert.Equal("polite", (await page.EvaluateAsync<string[]>("window.__announced")).Last());
            await second.GetByRole(AriaRole.Button, NotHelpful).ClickAsync();
            await page.Locator("#log > .bot.feedbackThanks").Nth(1).WaitForAsync(Slow);
            await page.ReloadAsync();
            await page.Locator("#log > .bot.feedbackThanks").Nth(1).WaitForAsync(Slow);
            Assert.Equal(new[] { Question, SecondQuestion }, await page.Locator("#log > .user p").AllInnerTextsAsync());
            var (first, last) = (page.Locator("#log > .bot.answer").First, page.Locator("#log > .bot.answer").Nth(1));
            Assert.Equal("true", await first.GetByRole(AriaRole.Button, Helpful).GetAttributeAsync("aria-pressed"));
            Assert.Null(await first.GetByRole(AriaRole.Button, NotHelpful).GetAttributeAsync("aria-pressed"));
            Assert.Null(await last.GetByRole(AriaRole.Button, Helpful).GetAttributeAsync("aria-pressed"));
            Assert.Equal("true", await last.GetByRole(AriaRole.Button, NotHelpful).GetAttributeAsync("aria-pressed"));
            Assert.True(await last.GetByRole(AriaRole.Button, Helpful).IsDisabledAsync());
            var gap = await page.EvaluateAsync<double>(
                "document.getElementById('ask').getBoundingClientRect().top - document.querySelector('#log').lastElementChild.getBoundingClientRect().bottom");
            Assert.True(gap >= -1, $"the newest message ends {-gap:0} px under the question box");

            // The tab keeps it under a name of its own for the person, not under their id.
            var keys = await page.EvaluateAsync<string[]>("Object.keys(sessionStorage)");
            var key = Assert.Single(keys);
            Assert.StartsWith("guidelinebot.chat.", key, StringComparison.Ordinal);
            var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "guidelinebot.webuser");
            Assert.DoesNotContain(cookie.Value, key, StringComparison.Ordinal);

            // Someone else in the same tab (a new local id): the greeting alone, and the earlier conversation is gone from the tab.
            await page.Context.ClearCookiesAsync();
            await page.ReloadAsync();
            await page.Locator("#log > .bot").First.WaitForAsync(Slow);
            Assert.Equal(1, await page.Locator("#log > .bot").CountAsync());
            Assert.Equal(0, await page.Locator("#log > .user").CountAsync());
            Assert.DoesNotContain(key, await page.EvaluateAsync<string[]>("Object.keys(sessionStorage)"));
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

            await page.EvaluateAsync(
                "key => sessionStorage.setItem(key, JSON.stringify([{ user: 'from before' }, { bot: 42 }, null, { bot: { blocks: 'x' } }, { bot: { blocks: [null] } }]))", key);
            await page.ReloadAsync();
            await page.Locator("#log > .user").First.WaitForAsync(Slow);
            Assert.Equal(new[] { "from before" }, await page.Locator("#log > .user p").AllInnerTextsAsync());
            Assert.Equal(1, await page.Locator("#log > .bot").CountAsync()); // the greeting: nothing of the entry that could not be shown

            await AskAsync(page, Question);
            await page.Locator("#log > .bot.answer").GetByText(GuidelineText).WaitForAsync(Slow);
            Assert.Empty(errors);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task What_the_bot_did_not_take_is_not_remembered_and_its_buttons_work_again()
    {
        var page = await browser.NewPageAsync(1100, 900);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            await AskAsync(page, Question);
            var answer = page.Locator("#log > .bot.answer").First;
            await answer.GetByText(GuidelineText).WaitForAsync(Slow);
            var vote = answer.GetByRole(AriaRole.Button, Helpful);

            // A failed vote: the error is shown and 👍 can be pressed again.
            await page.RouteAsync("**/chat/actions", Unavailable);
            await page.RunAndWaitForResponseAsync(() => vote.ClickAsync(), r => r.Url.EndsWith("/chat/actions", StringComparison.Ordinal));
            await SettledAsync(page);
            await page.Locator("#status.error").GetByText("Sorry, try again.").WaitForAsync(Slow);
            Assert.True(await vote.IsEnabledAsync());
            Assert.Null(await vote.GetAttributeAsync("aria-pressed"));

            // A typed question that fails is not kept either.
            await page.RouteAsync("**/chat/messages", Unavailable);
            await page.RunAndWaitForResponseAsync(() => AskAsync(page, SecondQuestion), r => r.Url.EndsWith("/chat/messages", StringComparison.Ordinal));
            await SettledAsync(page);
            Assert.Equal(new[] { Question, SecondQuestion }, await page.Locator("#log > .user p").AllInnerTextsAsync()); // shown, not kept
            // … and marked so, its text back in the box to send again.
            Assert.Equal(new[] { "Not sent" }, await page.Locator("#log > .user.unsent .unsent-note").AllInnerTextsAsync());
            Assert.Equal(SecondQuestion, await page.GetByLabel("Your question").InputValueAsync());
            await page.GetByLabel("Your question").FillAsync("");

            // The sign-in expired (401): the page reloads itself, and 👍 is still there to press.
            await page.UnrouteAllAsync();
            await page.RouteAsync("**/chat/actions", route => route.FulfillAsync(new() { Status = 401 }));
            await page.RunAndWaitForResponseAsync(() => vote.ClickAsync(), r => r.Request.ResourceType == "document");
            await page.UnrouteAllAsync();
            await vote.WaitForAsync(Slow);
            Assert.Equal(new[] { Question }, await page.Locator("#log > .user p").AllInnerTextsAsync());
            Assert.True(await vote.IsEnabledAsync());
            await vote.ClickAsync();
            await page.Locator("#log > .bot.feedbackThanks").WaitForAsync(Slow);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The bot's answer to a post it could not take (503 with its message).</summary>
    private static Task Unavailable(IRoute route) =>
        route.FulfillAsync(new() { Status = 503, ContentType = "application/json", Body = """{"error":"Sorry, try again."}""" });

    /// <summary>The page's post has been dealt with (the log is no longer busy).</summary>
    private static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !document.getElementById('log').hasAttribute('aria-busy')");

    private static async Task AskAsync(IPage page, string question)
    {
        var input = page.GetByLabel("Your question");
        await input.FillAsync(question);
        await input.PressAsync("Enter");
    }
}
