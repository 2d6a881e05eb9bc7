using System.Net;
using System.Security.Cryptography;
using GuidelineBot.Teams.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>The OpenID metadata endpoint goes down: the last good keys keep working, and nothing answers 500.</summary>
public sealed class TeamsSigningKeyOutageTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBotFramework.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task With_the_metadata_endpoint_down_known_keys_still_validate_and_unknown_or_unsigned_tokens_get_401()
    {
        await using var bot = new TeamsBotFactory(_fake);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:outage-0", "hi"), Token(bot))).StatusCode);

        _fake.MetadataDown = true;

        var unknownKid = _fake.CreateToken(bot.Clock.GetUtcNow(), key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rotated-away" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:outage-unknown", "hi"), unknownKid)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:outage-unsigned", "hi"), Unsigned(bot))).StatusCode);

        // The cached keys survived both: a genuine token is still served and answered.
        var response = await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:outage-known", "can I friend parents?"), Token(bot));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _fake.WaitForAsync(r => r.RawTarget.Contains("a%3Aoutage-known", StringComparison.Ordinal) && r.ActivityType == "message", "the answer");
        Assert.DoesNotContain(_fake.Requests, r => r.RawTarget.Contains("outage-unknown", StringComparison.Ordinal) || r.RawTarget.Contains("outage-unsigned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_never_fetched_and_the_endpoint_down_is_503_with_Retry_After()
    {
        _fake.MetadataDown = true;
        await using var bot = new TeamsBotFactory(_fake);

        var response = await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:outage-cold", "hi"), Token(bot));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain(_fake.Requests, r => r.RawTarget.Contains("outage-cold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_failed_first_fetch_requests_are_refused_at_once_until_the_hold_has_passed()
    {
        // Requests queued behind a slow failing fetch each fetched again in turn (30 s apiece), and so did every forged token.
        _fake.MetadataDown = true;
        await using var bot = new TeamsBotFactory(_fake);
        int Fetches() => _fake.MetadataRequests;

        using var first = await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:hold-1", "hi"), Token(bot));
        var fetches = Fetches();
        using var second = await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:hold-2", "hi"), Token(bot));
        using var third = await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:hold-3", "hi"), Token(bot));

        Assert.True(fetches > 0, "the first request fetched the metadata");
        Assert.All(new[] { first, second, third }, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.Equal(fetches, Fetches());

        // Past the hold the next request fetches again, and with the endpoint back it is served.
        _fake.MetadataDown = false;
        bot.Clock.Offset += BotSigningKeys.FailedFetchHold + TimeSpan.FromSeconds(1);
        using var later = await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:hold-4", "hi"), Token(bot));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.True(Fetches() > fetches);
    }

    private string Token(TeamsBotFactory bot) => _fake.CreateToken(bot.Clock.GetUtcNow());

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    private static string Unsigned(TeamsBotFactory bot)
    {
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = FakeBotFramework.AppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = "x" },
        });
    }
}
