using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// A real Microsoft client: the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) talking to the bot
/// server in local mode on Kestrel, driven through its conversation API and through its web UI in headless Chromium.
/// </summary>
public sealed class PlaygroundEndToEndTests(ITestOutputHelper output)
{
    private const string Question = "can I friend parents?";
    private const string GuidelineText = "“Friending” Parents: Employees should use extreme caution";
    private const string OffTopic = "what is the weather on mars";
    private const string Citation = "Source: Staff Social Media Guidelines and Best Practices › Can I “friend” or “follow” parents and/or alumni?";

    [PlaygroundFact]
    public async Task Playground_conversation_api_gets_the_friending_answer_and_feedback_updates_the_card()
    {
        if (Playground.MissingTools is { } missing)
        {
            Assert.Fail(missing + " — tests/scripts/playground-start.sh installs them.");
        }

        var port = Playground.FreePort();
        await using var bot = new PlaygroundBotFactory(port);
        await using var playground = await Playground.StartAsync(bot.StartAndGetMessagesEndpoint(), port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(playground.BaseUrl) };
            var config = await http.GetFromJsonAsync<JsonObject>("/_internal/v1/config");
            var chatId = config!["config"]!["personalChat"]!["id"]!.GetValue<string>();
            var userId = config["config"]!["currentUser"]!["id"]!.GetValue<string>();
            await using var stream = await ConversationStream.ConnectAsync(playground.Port);

            var sent = await http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(chatId)}/messages",
                new JsonObject { ["from"] = new JsonObject { ["id"] = userId }, ["text"] = Question, ["textFormat"] = "plain" });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

            var cardEvent = await stream.WaitForAsync(e => e["action"]?.GetValue<string>() == "createMessage"
                                                          && e["message"]?["attachments"]?.AsArray().Count > 0, "the answer card");
            var message = cardEvent["message"]!;
            var card = message["attachments"]![0]!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
            var cardText = card["content"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.Contains(GuidelineText, cardText, StringComparison.Ordinal);
            Assert.Contains(Citation, cardText, StringComparison.Ordinal);
            Assert.Contains("Was this helpful?", cardText, StringComparison.Ordinal);
            // The card alone: the activity's text does not repeat the answer (its summary is the notification preview).
            Assert.DoesNotContain(GuidelineText, message["text"]?.GetValue<string>() ?? "", StringComparison.Ordinal);

            // 👍 on the card: the Playground posts the card's data back; the bot stores it and updates the card.
            var thumbsUp = FindAction(card["content"]!, MessageContent.HelpfulLabel)!["data"]!.DeepClone();
            var submit = await http.PostAsJsonAsync("/_conversation/v1/submit", new JsonObject
            {
                ["conversation"] = new JsonObject { ["id"] = chatId },
                ["from"] = new JsonObject { ["id"] = userId },
                ["replyToId"] = message["messageId"]!.GetValue<string>(),
                ["value"] = thumbsUp,
            });
            Assert.True(submit.IsSuccessStatusCode, await submit.Content.ReadAsStringAsync());
            var update = await stream.WaitForAsync(e => e.ToJsonString().Contains("Thanks for your feedback", StringComparison.Ordinal), "the card update");
            output.WriteLine("update event: " + update.ToJsonString());
            var feedback = Assert.Single(await bot.Feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
            Assert.True(feedback.Helpful);
            Assert.Equal(Question, feedback.Question);
            Assert.Equal("teams", feedback.Channel);
        }
        finally
        {
            output.WriteLine(playground.Output);
        }
    }

    [PlaygroundFact]
    public async Task Playground_web_ui_in_chromium_shows_the_answer_card_with_its_citation_and_a_decline_once()
    {
        if (Playground.MissingTools is { } missing)
        {
            Assert.Fail(missing + " — tests/scripts/playground-start.sh installs them.");
        }

        var port = Playground.FreePort();
        await using var bot = new PlaygroundBotFactory(port);
        await using var playground = await Playground.StartAsync(bot.StartAndGetMessagesEndpoint(), port);

        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Playground.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1100 } });
        var screenshot = Path.Combine(RepoPaths.Root, "tests", "GuidelineBot.IntegrationTests", "TestResults", "teams");
        Directory.CreateDirectory(screenshot);
        try
        {
            await page.GotoAsync(playground.BaseUrl, new PageGotoOptions { Timeout = 60_000 });
            var compose = page.Locator("div[contenteditable=\"true\"][role=\"textbox\"]");
            await compose.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            await compose.ClickAsync();
            await compose.PressSequentiallyAsync(Question);
            await compose.PressAsync("Enter");

            var guideline = page.GetByText(GuidelineText).Last;
            await guideline.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            var citation = page.GetByText(Citation).Last;
            await citation.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            var thumbsUp = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = MessageContent.HelpfulLabel }).Last;
            await thumbsUp.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await thumbsUp.ScrollIntoViewIfNeededAsync();
            // Opening the chat installs the app (conversationUpdate + installationUpdate): one welcome card, not two (its
            // heading alone: the Playground's log panel also quotes the card's summary line).
            Assert.Equal(1, await page.GetByText("Hi, I'm GuidelineBot 👋", new PageGetByTextOptions { Exact = true }).CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshot, "playground-answer.png"), FullPage = true });
            output.WriteLine("Screenshot: " + Path.Combine(screenshot, "playground-answer.png"));

            // A decline is its card alone, once: a text beside the card would show the same words again above it.
            var declined = Assert.IsType<NoAnswerReply>(bot.Services.GetRequiredService<AnswerService>().Ask(OffTopic));
            await compose.ClickAsync();
            await compose.PressSequentiallyAsync(OffTopic);
            await compose.PressAsync("Enter");
            var suggestion = page.GetByText("› " + declined.Suggestions[0].Heading).Last;
            await suggestion.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            Assert.Equal(1, await page.GetByText(new Regex("^" + Regex.Escape(declined.Text))).CountAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshot, "playground-decline.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshot, "playground-failure.png"), FullPage = true });
            output.WriteLine(playground.Output);
            throw;
        }
    }

    private static JsonNode? FindAction(JsonNode card, string title) =>
        CardJson.Submits(card).FirstOrDefault(a => a["title"]!.GetValue<string>() == title);

    /// <summary>The Playground's websocket of conversation events (what its web UI renders).</summary>
    private sealed class ConversationStream : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly List<JsonNode> _events = [];
        private Task _reader = Task.CompletedTask;

        public static async Task<ConversationStream> ConnectAsync(int port)
        {
            var stream = new ConversationStream();
            await stream._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
            stream._reader = Task.Run(stream.ReadAsync);
            return stream;
        }

        public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> match, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                lock (_events)
                {
                    if (_events.FirstOrDefault(match) is { } hit)
                    {
                        return hit;
                    }
                }

                await Task.Delay(50);
            }

            lock (_events)
            {
                throw new Xunit.Sdk.XunitException($"No Playground event for {what} within 60 s. Events:\n" +
                                                   string.Join("\n", _events.Select(e => e.ToJsonString())));
            }
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[1 << 16];
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Text && JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is { } node)
                    {
                        lock (_events)
                        {
                            _events.Add(node);
                        }
                    }
                }
            }
            catch (WebSocketException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }

            await Task.WhenAny(_reader, Task.Delay(2000));
            _socket.Dispose();
        }
    }
}
