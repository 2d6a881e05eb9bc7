using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The question box sticks to the bottom of the window, over the end of the conversation. In headless Chromium at desktop
/// (1280×800) and phone (390×844) size, once the page scrolls: the reply to 👎, the "Ask an expert" form and the reply
/// to onboarding's "I have a question" each end above the box, whole in the window; a question of only spaces empties the
/// box and the status line says "Type a question first." where it can be seen, not under the box.
/// </summary>
public sealed class WebChatLayoutBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorWaitForOptions Slow = new() { Timeout = 90_000 };

    [BrowserFact]
    public Task At_desktop_size_new_replies_and_the_status_line_show_above_the_question_box() => CheckAsync(1280, 800, "desktop");

    [BrowserFact]
    public Task At_phone_size_new_replies_and_the_status_line_show_above_the_question_box() => CheckAsync(390, 844, "phone");

    private async Task CheckAsync(int width, int height, string name)
    {
        await using var bot = new WebBotFactory(services: s => s.AddSingleton<IExpertChannel>(new RecordingExpertChannel(Channels.Slack, "U-dana")));
        var baseUrl = bot.Start();
        var page = await browser.NewPageAsync(width, height);
        try
        {
            await page.GotoAsync(baseUrl);
            var input = page.GetByLabel("Your question");
            await AskAsync(page, "can I friend parents?");
            var answer = page.Locator("#log > .bot.answer").Last;
            await answer.WaitForAsync(Slow);

            await answer.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "👎 Not helpful" }).ClickAsync();
            var thanks = page.Locator("#log > .bot.feedbackThanks").Last;
            await AssertAboveTheBoxAsync(page, thanks, "the reply to 👎");

            await thanks.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = MessageContent.AskExpertLabel }).ClickAsync();
            await AssertAboveTheBoxAsync(page, page.Locator("#log > .bot.form").Last, "the Ask an expert form");

            await input.FillAsync("   ");
            await input.PressAsync("Enter");
            var status = page.Locator("#status");
            Assert.Equal("Type a question first.", await status.InnerTextAsync());
            Assert.Equal("", await input.InputValueAsync());
            Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));
            Assert.True(await page.EvaluateAsync<bool>(
                    """
                    () => {
                      const status = document.getElementById("status").getBoundingClientRect();
                      const top = document.elementFromPoint(status.left + 5, status.top + status.height / 2);
                      return status.bottom <= window.innerHeight && document.getElementById("status").contains(top);
                    }
                    """),
                "the status line is covered or outside the window");

            await AskAsync(page, "start onboarding");
            var step = page.Locator("#log > .bot.onboarding").Last;
            await step.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "I have a question" }).ClickAsync();
            await AssertAboveTheBoxAsync(page, page.Locator("#log > .bot").Last, "the reply to I have a question");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, $"tests/GuidelineBot.IntegrationTests/TestResults/web/web-chat-layout-{name}-failure.png", fullPage: false);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Onboarding's topics at phone size, Next after Next: each opens at its start. Where its first button sits further
    /// down than the room above the question box, the reply itself takes the focus (focusing Next scrolled a long topic
    /// to its end); elsewhere its first button does, in view.
    /// </summary>
    [BrowserFact]
    public async Task At_phone_size_a_long_topic_after_next_opens_at_its_start()
    {
        await using var bot = new WebBotFactory();
        var baseUrl = bot.Start();
        var page = await browser.NewPageAsync(375, 700);
        try
        {
            await page.GotoAsync(baseUrl);
            await AskAsync(page, "onboard");
            var (tall, brief) = (0, 0);
            for (var i = 0; i < 20; i++)
            {
                var next = page.Locator("#log > .bot").Last.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Next", Exact = true });
                if (await next.CountAsync() == 0)
                {
                    break;
                }

                var before = await page.Locator("#log > .bot").CountAsync();
                await next.ClickAsync();
                await page.Locator("#log > .bot").Nth(before).WaitForAsync(Slow);
                await IdleAsync(page);
                var reply = page.Locator("#log > .bot").Last;
                var seen = await reply.EvaluateAsync<System.Text.Json.JsonElement>(
                    """
                    r => {
                      const room = window.innerHeight - document.getElementById("ask").offsetHeight;
                      const focus = document.activeElement;
                      const at = focus.getBoundingClientRect();
                      return [r.getBoundingClientRect().top,
                              focus === r ? "reply" : r.contains(focus) && at.top >= 0 && at.bottom <= room + 1 ? "control in view" : "elsewhere"];
                    }
                    """);
                var (top, focused) = (seen[0].GetDouble(), seen[1].GetString());
                Assert.True(top >= -1 && top < 700 - 100, $"topic {i + 2} starts at y={top}, out of view");
                Assert.NotEqual("elsewhere", focused);
                if (focused == "reply")
                {
                    tall++;
                }
                else
                {
                    brief++;
                }
            }

            Assert.True(tall > 0 && brief > 0, $"{tall} topics focused whole and {brief} at a control: the walk-through should have both at this size");
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "tests/GuidelineBot.IntegrationTests/TestResults/web/web-chat-long-topic-failure.png", fullPage: false);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task AskAsync(IPage page, string question)
    {
        var before = await page.Locator("#log > .bot").CountAsync();
        await page.GetByLabel("Your question").FillAsync(question);
        await page.GetByLabel("Your question").PressAsync("Enter");
        await page.Locator("#log > .bot").Nth(before).WaitForAsync(Slow);
        await IdleAsync(page);
    }

    private static async Task IdleAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => !document.getElementById('log').hasAttribute('aria-busy')", null, new PageWaitForFunctionOptions { Timeout = 90_000 });

    /// <summary>The reply is whole in the window, its bottom at or above the top of the question box.</summary>
    private static async Task AssertAboveTheBoxAsync(IPage page, ILocator reply, string what)
    {
        await reply.WaitForAsync(Slow);
        await IdleAsync(page);
        var shown = await reply.BoundingBoxAsync();
        var box = await page.Locator("#ask").BoundingBoxAsync();
        Assert.NotNull(shown);
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= page.ViewportSize!.Height + 1, $"the question box ends at {box.Y + box.Height}, below the window");
        Assert.True(shown.Y >= 0 && shown.Y + shown.Height <= box.Y + 1,
            $"{what} spans y={shown.Y}..{shown.Y + shown.Height}; the question box starts at y={box.Y}");
    }
}
