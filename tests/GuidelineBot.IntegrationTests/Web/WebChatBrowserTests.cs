using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>The bot in Development on 127.0.0.1 (local mode: no sign-in), shared by the browser tests of one class.</summary>
public sealed class LocalWebBot : IAsyncLifetime
{
    public WebBotFactory Bot { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        BaseUrl = Bot.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

/// <summary>
/// The web chat in headless Chromium: ask by typing and Enter, see the guideline text and its citation, press a related
/// topic and 👍, take an onboarding step, all with the keyboard focus where it should be; at phone width nothing
/// overflows; axe finds no serious accessibility violation. Saves docs/screenshots/web-chat.png.
/// </summary>
public sealed partial class WebChatBrowserTests(BrowserFixture browser, LocalWebBot server, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<LocalWebBot>
{
    private const string Question = "can I friend parents?";
    private const string GuidelineText = "Employees should use extreme caution";
    private const string Citation = "Source: Staff Social Media Guidelines and Best Practices › Can I “friend” or “follow” parents and/or alumni?";
    private const string Screenshot = "docs/screenshots/web-chat.png";
    private static readonly LocatorWaitForOptions Slow = new() { Timeout = 90_000 };

    [BrowserFact]
    public async Task Pasted_text_with_half_a_surrogate_pair_is_answered_not_refused()
    {
        // JSON.stringify writes a lone surrogate as "\ud800", which the server cannot read as text: a 400 before.
        var page = await browser.NewPageAsync(1100, 900);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            var input = page.GetByLabel("Your question");
            await input.EvaluateAsync("(el, q) => { el.value = q + ' ' + String.fromCharCode(0xD800); }", Question);
            await input.PressAsync("Enter");

            await page.Locator("#log > .bot.answer").First.GetByText(GuidelineText).WaitForAsync(Slow);
            Assert.Equal(0, await page.Locator("#log .unsent-note").CountAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Part_of_a_long_section_offers_the_whole_section_and_a_press_shows_all_of_it()
    {
        var page = await browser.NewPageAsync(1100, 1200);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            var input = page.GetByLabel("Your question");
            await input.FillAsync(Question);
            await input.PressAsync("Enter");
            var answer = page.Locator("#log > .bot.answer").First;
            await answer.GetByText(GuidelineText).WaitForAsync(Slow);
            var part = await answer.Locator("blockquote").InnerTextAsync();

            // The button's row is named by the note above it.
            var row = answer.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { Name = MessageContent.PartialNote });
            await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = MessageContent.WholeSectionLabel }).ClickAsync();
            var whole = page.Locator("#log > .bot.answer").Nth(1);
            await whole.WaitForAsync(Slow);
            var all = await whole.Locator("blockquote").InnerTextAsync();
            Assert.True(all.Length > part.Length, $"{all.Length} <= {part.Length}");
            Assert.Contains(Citation, await whole.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await whole.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = MessageContent.WholeSectionLabel }).CountAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Ask_see_the_answer_and_citation_follow_a_related_topic_vote_and_start_onboarding()
    {
        // Tall enough for the whole exchange above the question box (which sticks to the bottom of the window).
        var page = await browser.NewPageAsync(1100, 1560);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            var input = page.GetByLabel("Your question");
            Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));

            await input.FillAsync(Question);
            await input.PressAsync("Enter");
            var answer = page.Locator("#log > .bot.answer").First;
            await answer.GetByText(GuidelineText).WaitForAsync(Slow);
            Assert.Contains(Citation, await answer.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(Question, await page.Locator("#log > .user p").First.InnerTextAsync());
            Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));
            Assert.Equal("", await input.InputValueAsync());

            // A related topic: its answer follows, headed by that topic.
            var related = answer.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { Name = "Related topics" }).GetByRole(AriaRole.Button).First;
            var topic = await related.InnerTextAsync();
            await related.ClickAsync();
            var second = page.Locator("#log > .bot.answer").Nth(1);
            await second.WaitForAsync(Slow);
            Assert.Equal(topic, (await second.Locator("h3").First.InnerTextAsync()).Trim());

            // 👍 on the first answer: the acknowledgement appears, the vote is stored for the web channel.
            await answer.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "👍 Helpful" }).ClickAsync();
            await page.Locator("#log > .bot.feedbackThanks").GetByText("Thanks for your feedback").WaitForAsync(Slow);
            Assert.True(await answer.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "👍 Helpful" }).IsDisabledAsync());
            var vote = Assert.Single(await server.Bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None),
                f => f.Channel == "web" && f.Question == Question);
            Assert.True(vote.Helpful);

            output.WriteLine("Screenshot: " + await BrowserFixture.ScreenshotAsync(page, Screenshot, fullPage: false));

            // Onboarding: the greeting and the first topic, then Next (focus moves to the new step's first button).
            await input.FillAsync("start onboarding");
            await input.PressAsync("Enter");
            var nextButtons = page.Locator("#log > .bot.onboarding").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Next", Exact = true });
            await nextButtons.Last.WaitForAsync(Slow);
            var next = nextButtons.Nth(await nextButtons.CountAsync() - 1);
            Assert.True(await page.Locator("#log > .bot.onboarding h3").First.InnerTextAsync() is var welcome && welcome.StartsWith("Welcome", StringComparison.Ordinal));
            var before = await page.Locator("#log > .bot.onboarding").CountAsync();
            await next.ClickAsync();
            await page.Locator("#log > .bot.onboarding").Nth(before).WaitForAsync(Slow);
            var step = await page.Locator("#log > .bot.onboarding").Nth(before).Locator("h3").First.InnerTextAsync();
            Assert.Matches(StepHeading(), step);
            Assert.True(await next.IsDisabledAsync());
            Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "tests/GuidelineBot.IntegrationTests/TestResults/web/web-chat-failure.png");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task The_page_opens_with_the_greeting_and_an_example_question_pressed_is_answered()
    {
        var page = await browser.NewPageAsync(1100, 900);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            var greeting = page.Locator("#log > .bot").First;
            Assert.Equal(1, await page.Locator("#log > .bot").CountAsync());
            Assert.Equal("Hi, I'm GuidelineBot 👋", (await greeting.Locator("h3").First.InnerTextAsync()).Trim());
            Assert.Contains("Staff Social Media Guidelines and Best Practices", await greeting.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));
            Assert.Equal("polite", await page.Locator("#log").GetAttributeAsync("aria-live")); // silent while the greeting was added

            Assert.Contains(MessageContent.ExamplesLabel, await greeting.InnerTextAsync(), StringComparison.Ordinal);
            output.WriteLine("Screenshot: " + await BrowserFixture.ScreenshotAsync(page, "tests/GuidelineBot.IntegrationTests/TestResults/web/web-chat-greeting.png", fullPage: false));
            var example = greeting.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { Name = MessageContent.ExamplesLabel }).GetByRole(AriaRole.Button).First;
            var asked = (await example.InnerTextAsync()).Trim();
            await example.ClickAsync();
            await page.Locator("#log > .user ~ .bot").First.WaitForAsync(Slow);
            Assert.Equal(asked, (await page.Locator("#log > .user p").First.InnerTextAsync()).Trim());
            Assert.Equal(1, await page.Locator("#log > .user ~ .bot.answer").CountAsync());
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "tests/GuidelineBot.IntegrationTests/TestResults/web/web-chat-greeting-failure.png");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task At_phone_width_nothing_overflows_and_bot_text_stays_text()
    {
        var page = await browser.NewPageAsync(375, 740);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            var input = page.GetByLabel("Your question");
            await input.FillAsync("<img src=x onerror=\"document.title='pwned'\"> " + Question);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send" }).ClickAsync();
            await page.Locator("#log > .user ~ .bot").First.WaitForAsync(Slow);

            Assert.Equal(0, await page.Locator("#log img").CountAsync());
            Assert.Equal("GuidelineBot", await page.TitleAsync());
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                "the page scrolls sideways at 375 px");
            var send = await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send" }).BoundingBoxAsync();
            Assert.NotNull(send);
            Assert.True(send.X >= 0 && send.X + send.Width <= 375, $"Send button at x={send.X}, width {send.Width}");
            Assert.True(await input.IsVisibleAsync());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Axe_finds_no_serious_accessibility_violation_on_the_page_with_an_answer()
    {
        var page = await browser.NewPageAsync(1100, 900);
        try
        {
            await page.GotoAsync(server.BaseUrl);
            var input = page.GetByLabel("Your question");
            await input.FillAsync(Question);
            await input.PressAsync("Enter");
            await page.Locator("#log > .bot.answer").GetByText(GuidelineText).WaitForAsync(Slow);

            var results = await page.RunAxe();

            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
            Assert.NotEmpty(results.Passes);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"^\d+/\d+ · ")]
    private static partial Regex StepHeading();
}
