using System.Net;
using System.Security.Cryptography;
using GuidelineBot.Testing;
using Microsoft.IdentityModel.Tokens;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>Inbound JWT validation end to end: a genuine token gets a reply, every forgery a 401 and no call anywhere.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsAuthTests(TeamsFixture fixture)
{
    private FakeBotFramework Fake => fixture.Fake;

    private TeamsBotFactory Bot => fixture.Bot;

    [Fact]
    public async Task Valid_token_gets_one_reply_at_the_reply_path_with_the_connector_token()
    {
        const string conversation = "a:1valid;messageid=17";
        var activity = Activities.Message(Fake.ServiceUrl, conversation, "can I friend parents?", id: "1700000000001");

        var response = await Bot.PostActivityAsync(activity, Fake.CreateToken(Bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replyPath = "/connector/v3/conversations/" + Uri.EscapeDataString(conversation) + "/activities/1700000000001";
        var reply = await Fake.WaitForAsync(r => r.RawTarget == replyPath && r.ActivityType == "message", "the answer");
        Assert.Equal("POST", reply.Method);
        Assert.Equal("Bearer " + FakeBotFramework.ConnectorToken, reply.Authorization);
        Assert.Contains("a%3A1valid%3Bmessageid%3D17", reply.RawTarget, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Json["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("Friending", reply.Card, StringComparison.Ordinal);
        Assert.Contains("Was this helpful?", reply.Card, StringComparison.Ordinal);
        Assert.Contains("Source:", reply.Card, StringComparison.Ordinal);
        Assert.Null(reply.Json["text"]); // the card alone, with a one-line summary for notifications
        Assert.False(string.IsNullOrWhiteSpace(reply.Json["summary"]!.GetValue<string>()));
        Assert.Single(Fake.ConnectorRequests, r => r.RawTarget.Contains("a%3A1valid", StringComparison.Ordinal) && r.ActivityType == "message");
        var typing = Fake.ConnectorRequests.Single(r => r.RawTarget.Contains("a%3A1valid", StringComparison.Ordinal) && r.ActivityType == "typing");
        Assert.Equal("Bearer " + FakeBotFramework.ConnectorToken, typing.Authorization);
    }

    public static TheoryData<string> Forgeries() =>
    [
        "wrong issuer", "wrong audience", "expired", "not yet valid", "valid only after it expires", "bad signature", "unknown key",
        "unendorsed channel", "serviceurl mismatch", "no header", "not a bearer", "garbage",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_or_unsuitable_requests_get_401_and_nothing_is_sent(string forgery)
    {
        var conversation = "a:forged-" + forgery.Replace(' ', '-');
        var now = Bot.Clock.GetUtcNow();
        var activity = Activities.Message(Fake.ServiceUrl, conversation, "can I friend parents?");
        string? header = forgery switch
        {
            "wrong issuer" => "Bearer " + Fake.CreateToken(now, issuer: "https://sts.windows.invalid/evil/"),
            "wrong audience" => "Bearer " + Fake.CreateToken(now, audience: "00000000-0000-0000-0000-000000000000"),
            "expired" => "Bearer " + Fake.CreateToken(now, age: TimeSpan.FromMinutes(66), lifetime: TimeSpan.FromMinutes(60)),
            "not yet valid" => "Bearer " + Fake.CreateToken(now, age: TimeSpan.FromMinutes(-6)),
            // Each bound within the skew of now, but not before 4 minutes from now and expired 1 minute from now.
            "valid only after it expires" => "Bearer " + Fake.CreateToken(now, age: TimeSpan.FromMinutes(-4), lifetime: TimeSpan.FromMinutes(-3)),
            "bad signature" => "Bearer " + Fake.CreateToken(now, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = FakeBotFramework.TeamsKeyId }),
            "unknown key" => "Bearer " + Fake.CreateToken(now, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "some-other-key" }),
            "unendorsed channel" => "Bearer " + Fake.CreateToken(now, key: Fake.WebChatKey),
            "serviceurl mismatch" => "Bearer " + Fake.CreateToken(now, serviceUrl: "https://smba.trafficmanager.invalid/amer/"),
            "not a bearer" => "Basic dXNlcjpwYXNz",
            "garbage" => "Bearer not.a.jwt",
            _ => null,
        };

        var response = await PostWithHeaderAsync(activity, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingSentForAsync(conversation);
    }

    [Fact]
    public async Task Lifetime_allows_five_minutes_of_clock_skew_on_the_injected_clock()
    {
        var now = Bot.Clock.GetUtcNow();
        var activity = Activities.Message(Fake.ServiceUrl, "a:skew", "hi");

        // Expired 4 minutes ago: within the skew.
        var response = await Bot.PostActivityAsync(activity, Fake.CreateToken(now, age: TimeSpan.FromMinutes(64), lifetime: TimeSpan.FromMinutes(60)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Askew", StringComparison.Ordinal) && r.ActivityType == "message", "the skew reply");

        // The same token once the bot's clock has moved on 2 minutes more.
        var token = Fake.CreateToken(now, age: TimeSpan.FromMinutes(64), lifetime: TimeSpan.FromMinutes(60));
        Bot.Clock.Offset += TimeSpan.FromMinutes(2);
        try
        {
            var late = await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:skew-late", "hi"), token);
            Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        }
        finally
        {
            Bot.Clock.Offset -= TimeSpan.FromMinutes(2);
        }
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_published_key_is_accepted_after_the_keys_are_refetched()
    {
        // Make sure the keys are cached, then publish a new one.
        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:before-rotation", "hi"), Token());
        Fake.RotateKeys();
        var fetches = Fake.KeySetRequests;
        // Forced refreshes are rate-limited (another test may just have sent an unknown key id): move the bot's clock on,
        // and let IdentityModel's own minimum interval between refresh requests (1 s, real time) pass.
        Bot.Clock.Offset += TimeSpan.FromMinutes(2);
        await Task.Delay(Microsoft.IdentityModel.Protocols.ConfigurationManager<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration>.MinimumRefreshInterval);

        var response = await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:rotated", "hi"),
            Fake.CreateToken(Bot.Clock.GetUtcNow(), key: Fake.RotatedKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Fake.KeySetRequests > fetches);
        await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Arotated", StringComparison.Ordinal) && r.ActivityType == "message", "the reply");
    }

    [Fact]
    public async Task Forged_key_ids_cannot_make_every_request_fetch_the_keys()
    {
        // As above: past our own rate limit (bot clock) and IdentityModel's minimum interval (real time), whatever ran before.
        Bot.Clock.Offset += TimeSpan.FromMinutes(2);
        await Task.Delay(Microsoft.IdentityModel.Protocols.ConfigurationManager<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration>.MinimumRefreshInterval);
        var before = Fake.KeySetRequests;
        for (var i = 0; i < 3; i++)
        {
            var forged = Fake.CreateToken(Bot.Clock.GetUtcNow(), key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forged-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, (await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:forged-kid", "hi"), forged)).StatusCode);
        }

        // The refresh runs in the background: wait for it, then make sure it stayed the only one.
        await Eventually.WaitUntilAsync(() => Fake.KeySetRequests > before, "the one forced key refresh");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, Fake.KeySetRequests - before);
    }

    private string Token() => Fake.CreateToken(Bot.Clock.GetUtcNow());

    [Fact]
    public async Task Missing_type_is_400()
    {
        var activity = Activities.Message(Fake.ServiceUrl, "a:notype", "hi");
        activity.Remove("type");
        var response = await Bot.PostActivityAsync(activity, Fake.CreateToken(Bot.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingSentForAsync("a:notype");
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("[]")]
    [InlineData("null")] // (it said "The activity has no type.", where other non-objects say what this says)
    public async Task Malformed_json_is_400_saying_it_is_not_an_activity(string body)
    {
        using var client = Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token());
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The body is not a JSON activity.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_after_a_utf8_byte_order_mark_is_answered()
    {
        // RFC 8259 lets a parser ignore the mark; System.Text.Json refuses it on bytes, so it was a 400.
        var activity = Activities.Message(Fake.ServiceUrl, "a:bom", "can I friend parents?").ToJsonString();
        using var client = Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(activity)]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token());

        var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Abom", StringComparison.Ordinal) && r.ActivityType == "message", "the answer");
        Assert.Contains("Friending", reply.Card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_is_405()
    {
        using var client = Bot.CreateClient();
        var response = await client.GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostWithHeaderAsync(System.Text.Json.Nodes.JsonObject activity, string? header)
    {
        using var client = Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Sends a genuine message after the rejected one and waits for its answer: had the rejected one been queued, it would have been answered by then too.</summary>
    private async Task AssertNothingSentForAsync(string conversation)
    {
        var canary = "a:canary-" + Guid.NewGuid().ToString("N");
        var response = await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, canary, "hi"), Fake.CreateToken(Bot.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Fake.WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(canary), StringComparison.Ordinal) && r.ActivityType == "message", "the canary");
        Assert.DoesNotContain(Fake.Requests, r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal));
    }
}
