using System.Net;
using GuidelineBot.Teams.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://10.0.0.5/connector/")]
    public async Task Non_loopback_service_url_is_refused_in_local_mode(string serviceUrl)
    {
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(serviceUrl, "a:local-ssrf", "hi"), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_cannot_be_checked_without_an_app_id_so_it_is_refused()
    {
        var token = fixture.Fake.CreateToken(DateTimeOffset.UtcNow);
        var response = await fixture.Bot.PostActivityAsync(Activities.Message(fixture.Fake.ServiceUrl, "a:local-token", "hi"), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Production_refuses_to_start_without_an_app_id()
    {
        using var production = new ProductionFactory();
        var error = Assert.Throws<OptionsValidationException>(() => production.Server);
        Assert.Contains("Bot:MicrosoftAppId is not set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example.com/token", "Bot:TokenEndpoint must be an absolute https URL")]
    [InlineData(null, "Bot:MicrosoftAppTenantId is required")]
    public void Misconfigured_app_registration_fails_at_start_up(string? tokenEndpoint, string message)
    {
        using var factory = new MisconfiguredFactory(tokenEndpoint);
        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private sealed class ProductionFactory : GuidelineBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Bot:MicrosoftAppId", "");
        }
    }

    private sealed class MisconfiguredFactory(string? tokenEndpoint) : GuidelineBotFactory
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
    [InlineData("http://127.0.0.1:3978/", false, true)]
    [InlineData("http://example.com/", false, false)]
    [InlineData("file:///etc/passwd", false, false)]
    [InlineData(null, true, false)]
    public void Service_url_policy(string? serviceUrl, bool localMode, bool allowed) =>
        Assert.Equal(allowed, AddressPolicy.IsAllowedServiceUrl(serviceUrl, localMode));

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
public sealed class AdaptiveCardRendererTests
{
    private static GuidelineBot.Core.Knowledge.GuidelineSection Section(string heading, string? url) => new(
        "doc#1", "doc", "Staff Handbook", heading,
        [new GuidelineBot.Core.Knowledge.Passage("Be kind.", 3, 3)], "handbook.md", 2, 4, url);

    [Fact]
    public void Citation_is_a_link_when_the_document_has_a_url()
    {
        var reply = new GuidelineBot.Core.Answers.AnswerReply("q", Section("Kindness", "https://district.example.org/handbook"), "Be kind.", 0.9, []);
        var card = GuidelineBot.Teams.Cards.AdaptiveCardRenderer.Answer(reply).Content.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Source: [Staff Handbook › Kindness](https://district.example.org/handbook)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Related topics", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Citation_is_file_and_lines_without_a_url()
    {
        var reply = new GuidelineBot.Core.Answers.AnswerReply("q", Section("Kindness", null), "Be kind.", 0.9, []);
        var card = GuidelineBot.Teams.Cards.AdaptiveCardRenderer.Answer(reply).Content.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Source: Staff Handbook › Kindness (handbook.md:2-4)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("](", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_talk_is_plain_text_without_a_card() =>
        Assert.Null(GuidelineBot.Teams.Cards.AdaptiveCardRenderer.Render(
            new GuidelineBot.Core.Answers.SmallTalkReply("hi", GuidelineBot.Core.Answers.SmallTalkKind.Greeting, "Hi!")));
}
