using System.Net;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.Teams.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>No App ID: the Agents Playground / Emulator mode, and its guard rails.</summary>
public sealed class TeamsLocalModeTests(LocalTeamsFixture fixture) : IClassFixture<LocalTeamsFixture>
{
    [Fact]
    public async Task Request_without_authorization_is_answered_with_no_token_sent()
    {
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(fixture.Fake.ServiceUrl, "a:local", "can I friend parents?"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await fixture.Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Alocal", StringComparison.Ordinal) && r.ActivityType == "message", "the answer");
        Assert.Equal("", reply.Authorization);
        Assert.Contains("Friending", reply.Card, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Fake.TokenRequests);
    }

    [Fact]
    public async Task Ask_an_expert_is_not_offered_in_local_mode_where_an_answer_could_never_be_brought_back()
    {
        // Slack's experts' channel is on, but without an App ID the bot cannot post to a Teams conversation later.
        await using var bot = new TeamsBotFactory(fixture.Fake, localMode: true, settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "local-mode-secret",
            ["Slack:BotToken"] = "xoxb-local-mode",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Experts:SlackChannel"] = "C0EXPERTS01",
        });
        Assert.NotEmpty(bot.Services.GetServices<IExpertChannel>());
        var conversation = "a:local-experts-" + Guid.NewGuid().ToString("N");

        var response = await bot.PostActivityAsync(Activities.Message(fixture.Fake.ServiceUrl, conversation, "what is the weather on mars tomorrow"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await fixture.Fake.WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal) && r.ActivityType == "message", "the no-answer");
        Assert.DoesNotContain(MessageContent.AskExpertTitle, reply.Card, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageContent.NoAnswerExpertPrompt, reply.Card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.invalid/amer/")]
    [InlineData("http://connector.invalid/connector/")]
    [InlineData("http://127.0.0.1:9100/internal/admin")]
    [InlineData("http://localhost:9100/")]
    public async Task Service_urls_outside_Bot_LocalServiceUrls_are_refused_in_local_mode(string serviceUrl)
    {
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(serviceUrl, "a:local-ssrf", "hi"), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(fixture.Bot.Logged(LogLevel.Warning, "Rejected /api/messages request", "Bot:LocalServiceUrls"));
    }

    [Fact]
    public async Task The_allowed_origin_on_another_port_is_refused_and_nothing_is_posted()
    {
        // The fake connector's own host with a port that is not in Bot:LocalServiceUrls.
        var origin = new Uri(fixture.Fake.BaseUrl);
        var otherPort = new UriBuilder(origin) { Port = origin.Port == 65535 ? 65534 : origin.Port + 1, Path = "/connector/" }.Uri.ToString();
        await AssertRefusedAsync(HttpStatusCode.Unauthorized, "local-other-port", otherPort);
    }

    [Theory]
    [InlineData("{0}/connector/?x=")]
    [InlineData("{0}/connector/?")]
    [InlineData("{0}/connector/#top")]
    [InlineData("http://user:pass@{1}/connector/")]
    public async Task Service_url_with_query_fragment_or_user_info_is_400_and_nothing_is_posted(string template)
    {
        var serviceUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, fixture.Fake.BaseUrl, new Uri(fixture.Fake.BaseUrl).Authority);
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "local-query", serviceUrl);
    }

    [Fact]
    public async Task A_request_addressed_to_another_host_is_400_and_nothing_is_posted()
    {
        // What a page of another site sends after DNS rebinding points its name at 127.0.0.1.
        var body = await AssertRefusedAsync(HttpStatusCode.BadRequest, "local-rebind", host: "rebind.invalid");
        Assert.Contains("addressed to this machine", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task A_body_a_page_of_another_site_could_send_without_asking_is_415_and_nothing_is_posted(string contentType)
    {
        // No CORS preflight for these, so any site open in this machine's browser could post them to the local bot.
        var body = await AssertRefusedAsync(HttpStatusCode.UnsupportedMediaType, "local-cross-site", contentType: contentType);
        Assert.Contains("application/json", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/vnd.activity+json")]
    public async Task A_json_body_is_answered_in_local_mode(string contentType)
    {
        var conversation = "a:local-json-" + Guid.NewGuid().ToString("N");
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(fixture.Fake.ServiceUrl, conversation, "can I friend parents?"), token: null,
            contentType: contentType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.Fake.WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal) && r.ActivityType == "message", "the answer");
    }

    /// <summary>
    /// Posts a message in conversation <c>a:</c><paramref name="conversation"/> (to the fake connector unless
    /// <paramref name="serviceUrl"/>), asserts the <paramref name="status"/> and that nothing was posted for it once a
    /// genuine message after it is answered; returns the refusal's body.
    /// </summary>
    private async Task<string> AssertRefusedAsync(HttpStatusCode status, string conversation, string? serviceUrl = null, string? host = null,
        string contentType = "application/json")
    {
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(serviceUrl ?? fixture.Fake.ServiceUrl, "a:" + conversation, "can I friend parents?"),
            token: null, host: host, contentType: contentType);
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();

        await AnswerCanaryAsync();
        Assert.DoesNotContain(fixture.Fake.Requests, r => r.RawTarget.Contains(conversation, StringComparison.Ordinal));
        return body;
    }

    /// <summary>A genuine message after the refused one: once it is answered, the refused one would have been too.</summary>
    private async Task AnswerCanaryAsync()
    {
        var canary = "a:canary-local-" + Guid.NewGuid().ToString("N");
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(fixture.Fake.ServiceUrl, canary, "hi"), token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.Fake.WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(canary), StringComparison.Ordinal) && r.ActivityType == "message", "the canary");
    }

    [Fact]
    public async Task A_token_cannot_be_checked_without_an_app_id_so_it_is_refused()
    {
        var token = fixture.Fake.CreateToken(DateTimeOffset.UtcNow);
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(fixture.Fake.ServiceUrl, "a:local-token", "hi"), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void A_local_service_url_entry_that_is_not_a_loopback_origin_fails_at_start_up()
    {
        using var factory = new BadLocalOriginFactory();
        AssertRefusedAtStart(factory, "Bot:LocalServiceUrls entries must be loopback origins");
    }

    [Theory]
    [InlineData("http://login.example.invalid/token", "Bot:TokenEndpoint must be an absolute https URL")]
    [InlineData(null, "Bot:MicrosoftAppTenantId is required")]
    public void Misconfigured_app_registration_fails_at_start_up(string? tokenEndpoint, string message)
    {
        using var factory = new MisconfiguredFactory(tokenEndpoint);
        AssertRefusedAtStart(factory, message);
    }

    /// <summary>The start ends at the options' check (one critical line naming the setting), before a request is served.</summary>
    private static void AssertRefusedAtStart(RefusedFactory factory, string message)
    {
        try
        {
            using var client = factory.CreateClient();
            var answered = client.GetAsync(new Uri("/healthz", UriKind.Relative)).GetAwaiter().GetResult();
            Assert.Fail($"the server answered {(int)answered.StatusCode}");
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.FailException)
        {
            // Not started.
        }

        var failed = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.StartsWith("Hosting failed to start: ", StringComparison.Ordinal));
        Assert.Contains(message, failed.Message, StringComparison.Ordinal);
        Assert.Null(failed.Exception);
    }

    private abstract class RefusedFactory : GuidelineBotFactory
    {
        public TestLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    private sealed class BadLocalOriginFactory : RefusedFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Bot:MicrosoftAppId", "");
            builder.UseSetting("Bot:LocalServiceUrls:0", "http://127.0.0.1:9100/internal/admin");
        }
    }

    private sealed class MisconfiguredFactory(string? tokenEndpoint) : RefusedFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Bot:MicrosoftAppId", FakeBotFramework.AppId);
            builder.UseSetting("Bot:MicrosoftAppPassword", "secret");
            if (tokenEndpoint is not null)
            {
                builder.UseSetting("Bot:TokenEndpoint", tokenEndpoint);
                builder.UseSetting("Bot:MicrosoftAppTenantId", FakeBotFramework.TenantId);
            }
        }
    }
}

/// <summary>The pieces that need no server.</summary>
public sealed class TeamsUnitTests
{
    [Theory]
    [InlineData("SingleTenant", "tenant-1", null, "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token")]
    [InlineData("MultiTenant", null, null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("SingleTenant", "tenant-1", "http://127.0.0.1:5000/t/token", "http://127.0.0.1:5000/t/token")]
    public void Token_endpoint_defaults_from_the_tenant(string type, string? tenant, string? configured, string expected)
    {
        var options = new BotOptions { MicrosoftAppId = "app", MicrosoftAppType = type, MicrosoftAppTenantId = tenant, TokenEndpoint = configured };
        Assert.Equal(expected, options.ResolvedTokenEndpoint);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", false, true)]
    [InlineData("https://smba.trafficmanager.net/amer/", true, false)]
    [InlineData("http://localhost:56150/_connector", true, true)]
    [InlineData("http://127.0.0.1:56150/_connector", true, true)]
    [InlineData("http://localhost:9000/", true, true)]
    [InlineData("http://127.0.0.1:9100/internal/admin", true, false)]
    [InlineData("http://localhost:3978/api/messages", true, false)]
    [InlineData("http://localhost:56150/_connector?x=", true, false)]
    [InlineData("http://localhost:56150/_connector#x", true, false)]
    [InlineData("http://me@localhost:56150/_connector", true, false)]
    [InlineData("https://smba.trafficmanager.net/amer/?x=", false, false)]
    [InlineData("https://evil@smba.trafficmanager.net/amer/", false, false)]
    [InlineData("http://127.0.0.1:3978/", false, true)]
    [InlineData("http://example.invalid/", false, false)]
    [InlineData("file:///etc/passwd", false, false)]
    [InlineData(null, true, false)]
    public void Service_url_policy(string? serviceUrl, bool localMode, bool allowed) =>
        Assert.Equal(allowed, AddressPolicy.IsAllowedServiceUrl(serviceUrl, new BotOptions { MicrosoftAppId = localMode ? null : "app" }));

    [Fact]
    public void Only_the_bots_own_mention_is_removed()
    {
        var activity = new GuidelineBot.Teams.Protocol.Activity
        {
            Text = "<at>GuidelineBot</at> should I tell <at>Sam Lee</at> about friending parents?",
            Recipient = new() { Id = "28:bot" },
            Entities =
            [
                new() { Type = "mention", Mentioned = new() { Id = "28:BOT" }, Text = "<at>GuidelineBot</at>" },
                new() { Type = "mention", Mentioned = new() { Id = "29:sam" }, Text = "<at>Sam Lee</at>" },
            ],
        };
        Assert.Equal("should I tell <at>Sam Lee</at> about friending parents?", GuidelineBot.Teams.Turns.MentionText.WithoutBotMention(activity));
    }
}

/// <summary>The Adaptive Card rendering of the core's replies.</summary>
public sealed class TeamsCardRendererAnswerTests
{
    private static GuidelineBot.Core.Knowledge.GuidelineSection Section(string heading, string? url) => new(
        "doc#1", "doc", "Staff Handbook", heading,
        [new GuidelineBot.Core.Knowledge.Passage("Be kind.", 3, 3)], "handbook.md", 2, 4, url);

    [Fact]
    public void Citation_is_a_link_when_the_document_has_a_url()
    {
        var reply = new GuidelineBot.Core.Answers.AnswerReply("q", Section("Kindness", "https://district.example.org/handbook"), "Be kind.", 0.9, []);
        var card = GuidelineBot.Teams.Cards.TeamsCardRenderer.Render(new GuidelineBot.Core.Conversation.AnswerMessage(reply, null))!.Content.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Source: [Staff Handbook › Kindness](https://district.example.org/handbook)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Related topics", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Citation_is_file_and_lines_without_a_url()
    {
        var reply = new GuidelineBot.Core.Answers.AnswerReply("q", Section("Kindness", null), "Be kind.", 0.9, []);
        var card = GuidelineBot.Teams.Cards.TeamsCardRenderer.Render(new GuidelineBot.Core.Conversation.AnswerMessage(reply, null))!.Content.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Source: Staff Handbook › Kindness (handbook.md:2-4)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("](", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_talk_is_plain_text_without_a_card() =>
        Assert.Null(GuidelineBot.Teams.Cards.TeamsCardRenderer.Render(new GuidelineBot.Core.Conversation.SmallTalkMessage(
            new GuidelineBot.Core.Answers.SmallTalkReply("hi", GuidelineBot.Core.Answers.SmallTalkKind.Greeting, "Hi!"))));
}
