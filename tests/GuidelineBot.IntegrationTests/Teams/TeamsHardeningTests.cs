using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>Issue 8 on the authenticated endpoint: bots are never answered, bad service URLs and oversized bodies are refused early.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsHardeningTests(TeamsFixture fixture)
{
    private FakeBotFramework Fake => fixture.Fake;

    private TeamsBotFactory Bot => fixture.Bot;

    [Theory]
    [InlineData("role bot")]
    [InlineData("from is the recipient")]
    public async Task Activities_sent_by_a_bot_are_acknowledged_and_never_answered(string sender)
    {
        var conversation = "a:from-bot-" + sender.Replace(' ', '-');
        var activity = Activities.Message(Fake.ServiceUrl, conversation, "can I friend parents?");
        activity["from"] = sender == "role bot"
            ? new JsonObject { ["id"] = "28:some-other-bot", ["name"] = "Other bot", ["role"] = "bot" }
            : new JsonObject { ["id"] = Activities.BotId, ["name"] = "GuidelineBot" };

        var response = await Bot.PostActivityAsync(activity, Fake.CreateToken(Bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingSentForAsync(conversation);
    }

    [Fact]
    public async Task The_bots_own_replies_say_they_come_from_a_bot()
    {
        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:role-on-replies", "can I friend parents?"), Fake.CreateToken(Bot.Clock.GetUtcNow()));
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Arole-on-replies", StringComparison.Ordinal) && r.ActivityType == "message", "the answer");
        Assert.Equal("bot", reply.Json["from"]!["role"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/connector/?x=")]
    [InlineData("/connector/#frag")]
    [InlineData("userinfo")]
    public async Task Service_url_with_query_fragment_or_user_info_is_400_even_when_the_token_vouches_for_it(string shape)
    {
        var serviceUrl = shape == "userinfo"
            ? new UriBuilder(Fake.BaseUrl) { UserName = "user", Password = "pass", Path = "/connector/" }.Uri.ToString()
            : Fake.BaseUrl + shape;
        var conversation = "a:bad-service-url-" + Guid.NewGuid().ToString("N");
        var response = await Bot.PostActivityAsync(Activities.Message(serviceUrl, conversation, "can I friend parents?"),
            Fake.CreateToken(Bot.Clock.GetUtcNow(), serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingSentForAsync(conversation);
    }

    [Theory]
    [InlineData("entities", "message")]
    [InlineData("membersAdded", "conversationUpdate")]
    [InlineData("membersRemoved", "conversationUpdate")]
    [InlineData("attachments", "message")]
    [InlineData("no conversation", "message")]
    [InlineData("empty conversation id", "message")]
    [InlineData("no conversation", "conversationUpdate")]
    [InlineData("conversation id over 1,024 characters", "message")]
    [InlineData("replyToId over 1,024 characters", "message")]
    [InlineData("no from", "message")]
    [InlineData("empty from id", "message")]
    public async Task An_activity_with_an_empty_list_item_or_no_conversation_id_or_an_overlong_id_is_400_and_nothing_is_sent(string fault, string type)
    {
        var conversation = "a:malformed-" + Guid.NewGuid().ToString("N");
        var activity = Activities.Message(Fake.ServiceUrl, conversation, "can I friend parents?");
        activity["type"] = type;
        switch (fault)
        {
            case "no conversation":
                activity.Remove("conversation");
                break;
            case "empty conversation id":
                activity["conversation"]!["id"] = " ";
                break;
            case "conversation id over 1,024 characters":
                // The connector would answer 414 to its URL, after a turn that failed and an apology that failed too.
                activity["conversation"]!["id"] = conversation + new string('c', 1025 - conversation.Length);
                break;
            case "replyToId over 1,024 characters":
                activity["replyToId"] = new string('1', 1025);
                break;
            case "no from":
                // Answered before: the question logged with nobody, a vote or an onboarding step kept for nobody.
                activity["from"] = null;
                break;
            case "empty from id":
                activity["from"]!["id"] = "";
                break;
            default:
                activity[fault] = new JsonArray((JsonNode?)null);
                break;
        }

        var response = await Bot.PostActivityAsync(activity, Fake.CreateToken(Bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingSentForAsync(conversation);
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_handle_is_501_a_health_check_200_and_nothing_is_sent()
    {
        // An empty 200 told Teams a foreign card's Action.Execute had been handled.
        var conversation = "a:invoke-" + Guid.NewGuid().ToString("N");
        var activity = Activities.Message(Fake.ServiceUrl, conversation, "");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";

        var response = await Bot.PostActivityAsync(activity, Fake.CreateToken(Bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        await AssertNothingSentForAsync(conversation);
        var unsigned = await Bot.PostActivityAsync(activity, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        // Azure Bot Service's health check is answered, as the SDK answers it.
        activity["name"] = "healthCheck";
        var health = await Bot.PostActivityAsync(activity, Fake.CreateToken(Bot.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(System.Text.Json.JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("healthResults").GetProperty("success").GetBoolean());
        await AssertNothingSentForAsync(conversation);
    }

    [Fact]
    public async Task Without_a_bearer_token_the_answer_is_401_before_the_body_is_read()
    {
        // Not JSON at all: had the body been parsed first, this would be a 400.
        using var client = Bot.CreateClient();
        using var content = new StringContent("{\"type\":\"message\",", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/messages", content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_413_and_nothing_is_sent()
    {
        var conversation = "a:oversized";
        var activity = Activities.Message(Fake.ServiceUrl, conversation, "can I friend parents? " + new string('x', 300 * 1024));

        var response = await Bot.PostActivityAsync(activity, Fake.CreateToken(Bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingSentForAsync(conversation);
    }

    [Fact]
    public async Task Fields_of_a_refused_request_are_logged_at_most_100_characters_long()
    {
        var marker = "chan" + new string('Q', 5000);
        var activity = Activities.Message(Fake.ServiceUrl, "a:long-fields", "hi");
        activity["channelId"] = marker;
        activity["type"] = "message" + new string('T', 5000);

        var response = await Bot.PostActivityAsync(activity, "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = Assert.Single(Bot.Logs.Entries, e => e.Message.Contains("Rejected /api/messages request", StringComparison.Ordinal) && e.Message.Contains("chanQQQ", StringComparison.Ordinal));
        Assert.DoesNotContain(new string('Q', 100), line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('T', 100), line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Bot.Logs.Entries, e => e.Message.Contains(new string('Q', 100), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endorsements_are_checked_on_the_key_that_validated_the_token_not_on_the_kid_it_names()
    {
        // Signed with the key endorsed only for "webchat", naming a key id that is not published: IdentityModel then tries
        // every published key and the webchat key validates the signature. It must not be accepted for "msteams".
        var conversation = "a:endorsement-by-key";
        var disguised = new RsaSecurityKey(Fake.WebChatKey.Rsa) { KeyId = "not-a-published-kid" };
        Bot.Clock.Offset += TimeSpan.FromMinutes(2); // past any earlier forced refresh, so this one is tried with fresh keys too
        var token = Fake.CreateToken(Bot.Clock.GetUtcNow(), key: disguised);

        var response = await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, conversation, "can I friend parents?"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(Bot.Logged(LogLevel.Warning, "is not endorsed for channel 'msteams'"));
        await AssertNothingSentForAsync(conversation);
    }

    private async Task AssertNothingSentForAsync(string conversation)
    {
        var canary = "a:hardening-canary-" + Guid.NewGuid().ToString("N");
        var response = await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, canary, "hi"), Fake.CreateToken(Bot.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Fake.WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(canary), StringComparison.Ordinal) && r.ActivityType == "message", "the canary");
        Assert.DoesNotContain(Fake.Requests, r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal));
    }
}
