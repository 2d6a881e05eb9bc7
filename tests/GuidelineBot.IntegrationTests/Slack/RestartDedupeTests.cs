using System.Net;
using GuidelineBot.Testing;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>Seen event ids live in the (SQLite) store, so a Slack retry after a restart is not answered again.</summary>
public sealed class RestartDedupeTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "restart-" + Guid.NewGuid().ToString("N"));
    private FakeSlackApi _api = null!;

    private string DatabasePath => Path.Combine(_directory, "guidelinebot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _api = await FakeSlackApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static HttpRequestMessage Mention(string eventId, string channel, int? retryNum = null) =>
        Signed("/slack/events",
            Event(eventId, new { type = "app_mention", user = "U0PERSON", text = "<@U0BOT> can I post anonymously?", ts = "1700000000.000100", channel }),
            JsonType, DateTimeOffset.UtcNow, retryNum: retryNum);

    [Fact]
    public async Task A_retry_delivered_after_a_restart_is_not_answered_again()
    {
        var channel = SlackHost.NewId("C");
        var eventId = SlackHost.NewId("Ev");

        await using (var first = new SlackBotFactory(_api, databasePath: DatabasePath))
        {
            using var client = first.CreateClient();
            using var response = await client.SendAsync(Mention(eventId, channel));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Eventually.WaitUntilAsync(() => first.Logged(LogLevel.Information, "Answered Slack event", eventId), "the first server answers");
        }

        await using (var second = new SlackBotFactory(_api, databasePath: DatabasePath))
        {
            using var client = second.CreateClient();
            using var retry = await client.SendAsync(Mention(eventId, channel, retryNum: 1));
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            await Eventually.WaitUntilAsync(() => second.Logged(LogLevel.Information, $"Slack event {eventId} was already handled"),
                "the second server recognises the retry");

            // The second server does answer new events, so the silence above is the dedupe, not a dead worker.
            var fresh = SlackHost.NewId("Ev");
            using var next = await client.SendAsync(Mention(fresh, channel));
            await Eventually.WaitUntilAsync(() => second.Logged(LogLevel.Information, "Answered Slack event", fresh), "the second server answers a new event");
        }

        Assert.Equal(2, _api.PostsTo(channel).Count); // the original answer and the new event's; none for the retry
    }
}
