using Deque.AxeCore.Playwright;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// "Ask an expert" in headless Chromium, with a recording experts' channel in the server: a question the guidelines do
/// not cover offers the button; the form takes a line of context (focus in its field, accessible to axe); the ticket
/// is stored and posted; an expert answers through the core; the next visit shows the answer with the expert's name,
/// the one after does not show it again. Saves docs/screenshots/web-ask-expert.png.
/// </summary>
public sealed class WebChatExpertsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string OffTopic = "what is the weather tomorrow in Paris?";
    private const string Context = "It's for our class trip on Friday.";
    private const string Answer = "Pack a raincoat: the school follows the Met Office forecast for trips.";
    private const string Screenshot = "docs/screenshots/web-ask-expert.png";
    private static readonly LocatorWaitForOptions Slow = new() { Timeout = 90_000 };

    [BrowserFact]
    public async Task Ask_an_expert_from_a_declined_answer_and_see_their_answer_once_on_the_next_visit()
    {
        var experts = new RecordingExpertChannel(Channels.Slack, "U-dana");
        await using var bot = new WebBotFactory(settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None" },
            services: s => s.AddSingleton<IExpertChannel>(experts));
        var baseUrl = bot.Start();
        var page = await browser.NewPageAsync(1100, 1300);
        try
        {
            await page.GotoAsync(baseUrl);
            var input = page.GetByLabel("Your question");
            await input.FillAsync(OffTopic);
            await input.PressAsync("Enter");
            var declined = page.Locator("#log > .bot.noAnswer").First;
            await declined.GetByText("couldn't find this in the guidelines").WaitForAsync(Slow);

            await declined.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = MessageContent.AskExpertLabel }).ClickAsync();
            var form = page.Locator("#log > .bot.form form");
            await form.WaitForAsync(Slow);
            var context = form.GetByLabel("Anything the experts should know? (optional)");
            Assert.Equal(ExpertInputs.Context, await page.EvaluateAsync<string>("document.activeElement.name"));
            Assert.Equal("300", await context.GetAttributeAsync("maxlength"));
            var axe = await page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help}")));

            await context.FillAsync(Context);
            await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = MessageContent.SendToExpertsLabel }).ClickAsync();
            await page.Locator("#log > .bot.ticketOpened").GetByText("Sent to the experts").WaitForAsync(Slow);
            Assert.True(await context.IsDisabledAsync());
            var ticket = Assert.Single(await bot.Services.GetRequiredService<ITicketStore>().ListUnansweredAsync(CancellationToken.None));
            Assert.Equal((OffTopic, Context), (ticket.Question, ticket.Context));
            await Eventually.WaitUntilAsync(() => experts.Posts.Any(p => p.Ticket.Id == ticket.Id), "the ticket is posted to the experts");
            output.WriteLine("Screenshot: " + await BrowserFixture.ScreenshotAsync(page, Screenshot, fullPage: false));

            using (var scope = bot.Services.CreateScope())
            {
                var expert = new ConversationContext(Channels.Slack, "U-dana", RecordingExpertChannel.ConversationId, IsDirect: false, "Dana Expert");
                var sent = await scope.ServiceProvider.GetRequiredService<ConversationService>()
                    .HandleAsync(expert, new ExpertAnswerInbound(ticket.Id, Answer, AddToKnowledge: false), CancellationToken.None);
                Assert.Equal(NoticeKind.ExpertAnswerSent, Assert.IsType<NoticeMessage>(Assert.Single(sent.Messages)).Kind);
            }

            // The reload shows the tab's conversation again (the sent form still done), then the expert's answer.
            await page.ReloadAsync();
            var delivered = page.Locator("#log > .bot.expertAnswer");
            await delivered.GetByText(Answer).WaitForAsync(Slow);
            Assert.Equal(["help", "noAnswer", "form", "ticketOpened", "expertAnswer"], await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('#log > .bot')].map(m => [...m.classList].find(c => c !== 'msg' && c !== 'bot'))")); // greeting first
            Assert.True(await form.GetByLabel("Anything the experts should know? (optional)").IsDisabledAsync());
            Assert.Equal(Context, await form.GetByLabel("Anything the experts should know? (optional)").InputValueAsync()); // as sent
            Assert.Contains("Dana Expert", await delivered.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(OffTopic, await delivered.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(MessageContent.ExpertAnsweredTitle, await delivered.InnerTextAsync(), StringComparison.Ordinal);

            // Given once: the next reload has it from the tab's history only, and a new tab has the greeting alone.
            var opened = await page.RunAndWaitForResponseAsync(() => page.ReloadAsync(), r => r.Url.EndsWith("/chat/opened", StringComparison.Ordinal));
            Assert.Equal(0, (await opened.JsonAsync())!.Value.GetProperty("messages").GetArrayLength());
            Assert.Equal(1, await page.Locator("#log > .bot.expertAnswer").CountAsync());
            var tab = await page.Context.NewPageAsync();
            await tab.RunAndWaitForResponseAsync(() => tab.GotoAsync(baseUrl), r => r.Url.EndsWith("/chat/opened", StringComparison.Ordinal));
            Assert.Equal(0, await tab.Locator("#log > .bot.expertAnswer").CountAsync());
            Assert.Equal(1, await tab.Locator("#log > .bot").CountAsync()); // the greeting alone
        }
        catch
        {
            await BrowserFixture.ScreenshotAsync(page, "tests/GuidelineBot.IntegrationTests/TestResults/web/web-ask-expert-failure.png");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
