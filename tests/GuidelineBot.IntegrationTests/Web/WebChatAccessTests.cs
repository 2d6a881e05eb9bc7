using System.Net;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The web chat over real HTTP on Kestrel: who may use it (local mode, off, Web:Enabled), antiforgery on posts, the
/// per-person rate limit, and odd or oversized input (a normal reply, 400, 413 or 415; never a 500).
/// </summary>
public sealed class WebChatAccessTests
{
    private const string Question = "can I friend parents?";
    private const string GuidelineText = "Employees should use extreme caution";

    private static Dictionary<string, string?> Lexical(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Search:Reranker"] = "None" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task Development_on_loopback_serves_the_page_and_answers_without_sign_in()
    {
        await using var bot = new WebBotFactory(settings: Lexical());
        using var chat = new ChatClient(bot.Start());

        var html = await chat.LoadPageAsync();
        using var reply = await chat.PostMessageAsync(Question);

        Assert.Contains("<label for=\"question\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
        Assert.Contains(GuidelineText, (await ChatClient.ReadOkAsync(reply)).GetRawText(), StringComparison.Ordinal);
        Assert.True(bot.Logged("Web chat: Web pages are open without sign-in to clients on this machine"));
        using var script = await chat.GetAsync("/_content/GuidelineBot.Web/chat/chat.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_refuses_requests_addressed_to_another_host_as_dns_rebinding_sends_them()
    {
        await using var bot = new WebBotFactory(settings: Lexical());
        using var chat = new ChatClient(bot.Start());
        await chat.LoadPageAsync();
        var port = new Uri(chat.BaseUrl).Port;

        foreach (var path in new[] { "/", "/admin", "/admin/export/questions.csv" })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = $"rebind.invalid:{port}" } };
            using var refused = await chat.SendAsync(get);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal($"In local mode the pages open only at an address of this machine: http://localhost:{port}/", await refused.Content.ReadAsStringAsync());
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, "/chat/messages")
        {
            Content = new StringContent("{\"text\":\"" + Question + "\"}", System.Text.Encoding.UTF8, "application/json"),
            Headers = { Host = "rebind.invalid", Accept = { new("application/json") } },
        };
        post.Headers.Add("RequestVerificationToken", chat.Token);
        using var posted = await chat.SendAsync(post);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.DoesNotContain(GuidelineText, await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var host in new[] { $"localhost:{port}", $"localhost.:{port}", $"127.0.0.1:{port}", $"chat.localhost:{port}", $"[::1]:{port}" })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, "/admin") { Headers = { Host = host } };
            using var page = await chat.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_400_and_not_answered()
    {
        await using var bot = new WebBotFactory(settings: Lexical());
        using var chat = new ChatClient(bot.Start());
        await chat.LoadPageAsync();

        using var withoutToken = await chat.PostMessageAsync(Question, withToken: false);
        var forged = chat.Token!;
        chat.Cookies.Remove("guidelinebot.antiforgery");
        using var withoutCookie = await chat.PostMessageAsync(Question);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.DoesNotContain(GuidelineText, await withoutToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutCookie.StatusCode);
        Assert.NotEmpty(forged);
    }

    [Fact]
    public async Task Posting_faster_than_the_rate_limit_gets_a_friendly_429()
    {
        await using var bot = new WebBotFactory(settings: Lexical(("Web:MessagesPerMinute", "3")));
        var baseUrl = bot.Start();
        using var chat = new ChatClient(baseUrl);
        using var other = new ChatClient(baseUrl);
        await chat.LoadPageAsync();
        await other.LoadPageAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await chat.PostMessageAsync("hi");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null);
                Assert.Contains("wait", (await ChatClient.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
            }
        }

        using var someoneElse = await other.PostMessageAsync("hi");
        // Opening the page (a reload) is no message: it neither counts nor is refused while the limit holds.
        var opened = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await other.PostOpenedAsync();
            opened.Add(response.StatusCode);
        }

        using var stillLimited = await chat.PostOpenedAsync();
        using var otherStillAsks = await other.PostMessageAsync("hi");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
        Assert.All(opened, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, stillLimited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherStillAsks.StatusCode);
    }

    [Fact]
    public async Task Web_Enabled_false_switches_the_chat_off()
    {
        await using var bot = new WebBotFactory(settings: Lexical(("Web:Enabled", "false")));
        using var chat = new ChatClient(bot.Start());

        using var page = await chat.GetAsync("/");
        using var post = await chat.PostMessageAsync(Question, withToken: false);
        using var style = await chat.GetAsync("/_content/GuidelineBot.Web/chat/chat.css");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(bot.Logged("The web chat is off: Web:Enabled is false"));
        Assert.Equal(HttpStatusCode.OK, style.StatusCode); // the dashboard's assets come from the same library
    }

    [Fact]
    public async Task Production_without_sign_in_settings_answers_404_and_says_why()
    {
        await using var bot = new WebBotFactory("Production", Lexical());
        using var chat = new ChatClient(bot.Start());

        using var page = await chat.GetAsync("/");
        using var post = await chat.PostMessageAsync(Question, withToken: false);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Single(bot.Logs.Entries, e => e.Message.StartsWith(
            "Web chat: Web pages are off (404): Web:Authority and Web:ClientId are not set and the environment is Production", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_listening_beyond_loopback_without_sign_in_answers_404()
    {
        await using var bot = new WebBotFactory(settings: Lexical(), anyAddress: true);
        using var chat = new ChatClient(bot.Start());

        using var page = await chat.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.True(bot.Logged("Web pages are off (404): Web:Authority and Web:ClientId are not set and the server listens on"));
    }

    [Fact]
    public async Task Odd_and_oversized_input_gets_a_reply_or_a_4xx_never_a_500()
    {
        await using var bot = new WebBotFactory(settings: Lexical(("Web:MessagesPerMinute", "1000")));
        using var chat = new ChatClient(bot.Start());
        await chat.LoadPageAsync();

        string[] oddTexts = ["", "   ", "\u0000\u0007\u001b[31m", "<script>alert(1)</script> can I friend parents?", "🙂🙂🙂", new string('x', 5000),
            "' OR 1=1 --", "résumé naïve \u202e\u200b", "onboarding:answer:99:zzz", "AND OR NOT ( \" * ? ~ ^ :"];
        foreach (var text in oddTexts)
        {
            using var response = await chat.PostMessageAsync(text);
            await ChatClient.ReadOkAsync(response);
        }

        using var nullText = await chat.PostJsonAsync("/chat/messages", "{\"text\":null}");
        using var notJson = await chat.PostJsonAsync("/chat/messages", "{\"text\": \"unterminated");
        using var array = await chat.PostJsonAsync("/chat/messages", "[1,2,3]");
        using var wrongType = await chat.PostJsonAsync("/chat/messages", "{\"text\": 42}");
        using var form = await chat.PostJsonAsync("/chat/messages", "text=hi", contentType: "application/x-www-form-urlencoded");
        using var huge = await chat.PostJsonAsync("/chat/messages", "{\"text\":\"" + new string('a', 200_000) + "\"}");
        using var unknownKind = await chat.PostActionAsync("share", "q\ns\ncan I friend parents?");
        using var unknownStep = await chat.PostActionAsync("onboarding", "onboarding:jump:9");
        using var emptyVote = await chat.PostActionAsync("helpful", "");
        using var madeUpVote = await chat.PostActionAsync("helpful", "garbage");
        using var hugeButton = await chat.PostActionAsync("ask", new string('b', 3000));

        Assert.Equal(HttpStatusCode.OK, nullText.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("Send a JSON object: its field “text” could not be read (wrong type or malformed).",
            (await ChatClient.ReadJsonAsync(wrongType)).GetProperty("error").GetString());
        Assert.Equal("Send a JSON object.", (await ChatClient.ReadJsonAsync(array)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStep.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyVote.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, madeUpVote.StatusCode); // a vote names the answer's section
        Assert.Empty(await bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, hugeButton.StatusCode);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task The_page_sets_a_strict_content_security_policy()
    {
        await using var bot = new WebBotFactory(settings: Lexical());
        using var chat = new ChatClient(bot.Start());

        using var page = await chat.GetAsync("/");

        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options"))); // not antiforgery's SAMEORIGIN beside it
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
