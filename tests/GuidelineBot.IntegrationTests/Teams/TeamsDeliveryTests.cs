using System.Net;
using GuidelineBot.Http;
using GuidelineBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>Replies the bot acknowledged reach the connector exactly once: across a shutdown, and never repeated after a timeout.</summary>
public sealed class TeamsDeliveryTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBotFramework.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_burst_acknowledged_before_shutdown_is_answered_in_full_by_a_slow_connector()
    {
        const int burst = 12;
        _fake.Delay("a%3Aburst-", TimeSpan.FromMilliseconds(400));
        var bot = new TeamsBotFactory(_fake);
        try
        {
            var posts = Enumerable.Range(0, burst).Select(i =>
                bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, $"a:burst-{i}", "can I friend parents?"), _fake.CreateToken(bot.Clock.GetUtcNow())));
            Assert.All(await Task.WhenAll(posts), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }
        finally
        {
            // Stops the host (as SIGTERM does) while most replies are still queued or on their way.
            await bot.DisposeAsync();
        }

        for (var i = 0; i < burst; i++)
        {
            var conversation = Uri.EscapeDataString($"a:burst-{i}");
            Assert.Single(_fake.ConnectorRequests, r => r.RawTarget.Contains(conversation + "/", StringComparison.Ordinal)
                                                        && r.ActivityType == "message" && r.Card.Contains("Friending", StringComparison.Ordinal));
        }

        Assert.False(bot.Logged(LogLevel.Error, "not delivered"));
    }

    [Fact]
    public async Task What_the_shutdown_timeout_cuts_off_is_counted_in_the_log()
    {
        _fake.Delay("a%3Acut-", TimeSpan.FromSeconds(5));
        var bot = new TeamsBotFactory(_fake, services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var response = await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, $"a:cut-{i}", "hi"), _fake.CreateToken(bot.Clock.GetUtcNow()));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            await bot.DisposeAsync();
        }

        Assert.True(bot.Logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.StartsWith("Shutdown timeout reached with 6 acknowledged item(s) left undone", StringComparison.Ordinal)),
            string.Join("\n", bot.Logs.Entries.Select(e => e.Message)));
    }

    [Fact]
    public async Task A_connector_slower_than_the_attempt_timeout_gets_the_reply_once_never_repeated()
    {
        _fake.Delay("a%3Aslow/activities/slow-1", TimeSpan.FromSeconds(3)); // the answer (and the apology), not the typing indicator
        await using var bot = new TeamsBotFactory(_fake, services: ShortTimeouts);

        await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:slow", "can I friend parents?", id: "slow-1"), _fake.CreateToken(bot.Clock.GetUtcNow()));

        // The answer times out; the turn then apologises (also timing out). A retry of the answer would come before that.
        await _fake.WaitForAsync(r => r.RawTarget.Contains("a%3Aslow", StringComparison.Ordinal) && r.Body.Contains("Sorry, something went wrong", StringComparison.Ordinal), "the apology");
        Assert.Single(_fake.ConnectorRequests, r => r.RawTarget.Contains("a%3Aslow", StringComparison.Ordinal) && r.Card.Contains("Friending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_503_without_Retry_After_is_not_repeated_but_429_and_503_with_Retry_After_are()
    {
        await using var bot = new TeamsBotFactory(_fake, services: ShortTimeouts);

        // The typing indicator meets the 503: it is not sent again, and (a courtesy only) it costs the person no answer.
        _fake.FailNext("a%3Ano-retry-after", 1, retryAfter: false);
        await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:no-retry-after", "can I friend parents?"), _fake.CreateToken(bot.Clock.GetUtcNow()));
        await _fake.WaitForAsync(r => r.RawTarget.Contains("a%3Ano-retry-after", StringComparison.Ordinal) && r.Card.Contains("Friending", StringComparison.Ordinal), "the answer");
        Assert.Single(_fake.ConnectorRequests, r => r.RawTarget.Contains("a%3Ano-retry-after", StringComparison.Ordinal) && r.ActivityType == "typing");
        Assert.DoesNotContain(_fake.ConnectorRequests, r => r.RawTarget.Contains("a%3Ano-retry-after", StringComparison.Ordinal) && r.Body.Contains("Sorry, something went wrong", StringComparison.Ordinal));

        _fake.FailNext("a%3Awith-retry-after", 2);
        await bot.PostActivityAsync(Activities.Message(_fake.ServiceUrl, "a:with-retry-after", "can I friend parents?"), _fake.CreateToken(bot.Clock.GetUtcNow()));
        await _fake.WaitForAsync(r => r.RawTarget.Contains("a%3Awith-retry-after", StringComparison.Ordinal) && r.Card.Contains("Friending", StringComparison.Ordinal), "the answer");
    }

    private static void ShortTimeouts(IServiceCollection services) =>
        services.Configure<OutboundHttpOptions>(nameof(ConnectorClient), o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.BaseDelay = TimeSpan.FromMilliseconds(20);
        });
}
