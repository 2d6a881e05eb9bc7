using System.Net;
using System.Text.Json;
using GuidelineBot.Slack.Commands;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>One server whose stores can be switched off (<see cref="BreakableStores"/>), for the store-failure tests.</summary>
public sealed class BreakableSlackHost : IAsyncLifetime
{
    public BreakableStores Stores { get; } = new();

    public FakeSlackApi Api { get; private set; } = null!;

    public SlackBotFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeSlackApi.StartAsync();
        Factory = new SlackBotFactory(Api, services: Stores.Install);
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>
/// What Slack sees when the store fails inside a handler: an acknowledgement and an error in the log, never a 500; and
/// an event whose handling failed is answered when Slack retries it.
/// </summary>
public sealed class SlackHardeningTests(BreakableSlackHost host) : IClassFixture<BreakableSlackHost>, IDisposable
{
    public void Dispose() => host.Stores.Broken = false;

    [Fact]
    public async Task A_feedback_click_while_the_store_is_down_is_acknowledged_and_logged()
    {
        var user = SlackHost.NewId("U");
        using var command = await host.Client.SendAsync(Signed("/slack/commands",
            Command("can I post photos of my class?", host.Api.ResponseUrl("unused")), FormType, DateTimeOffset.UtcNow));
        var value = BlockKitText.Blocks(JsonDocument.Parse(await command.Content.ReadAsStringAsync()).RootElement, "actions")[0]
            .GetProperty("elements")[1].GetProperty("value").GetString()!;

        host.Stores.Broken = true;
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            Interaction("feedback_helpful", value, host.Api.ResponseUrl(SlackHost.NewId("fb")), user: user), FormType, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Factory.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("feedback_helpful", StringComparison.Ordinal)
                                                        && e.Exception is Microsoft.Data.Sqlite.SqliteException);
        host.Stores.Broken = false;
        Assert.DoesNotContain(await host.Factory.FeedbackAsync(), f => f.UserId == user);
    }

    [Fact]
    public async Task The_onboard_command_while_the_store_is_down_is_acknowledged_with_an_apology_and_logged()
    {
        host.Stores.Broken = true;
        using var response = await host.Client.SendAsync(Signed("/slack/commands",
            Command("onboard", host.Api.ResponseUrl("unused"), user: SlackHost.NewId("U")), FormType, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        Assert.Equal(SlashCommandEndpoint.FailedText, json.GetProperty("text").GetString());
        Assert.True(host.Factory.Logged(LogLevel.Error, "/guidelines", "failed"));
    }

    [Fact]
    public async Task An_event_whose_handling_failed_is_released_so_that_Slacks_retry_is_answered()
    {
        var channel = SlackHost.NewId("D");
        var eventId = SlackHost.NewId("Ev");
        var dm = new { type = "message", channel_type = "im", user = SlackHost.NewId("U"), text = "can I post anonymously?", ts = "5.1", channel };

        host.Stores.Broken = true; // the DM handler asks the onboarding store first
        using (var first = await host.Client.SendAsync(Signed("/slack/events", Event(eventId, dm), JsonType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Factory.Logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains(eventId, StringComparison.Ordinal)),
            "the failure is logged");
        Assert.Empty(host.Api.PostsTo(channel));

        host.Stores.Broken = false;
        using (var retry = await host.Client.SendAsync(Signed("/slack/events", Event(eventId, dm), JsonType, DateTimeOffset.UtcNow, retryNum: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(channel).Count == 1, "the retry is answered");
    }

    [Fact]
    public async Task User_and_team_ids_never_appear_in_logs_above_debug()
    {
        const string team = "T0PRIVATETEAM";
        var user = SlackHost.NewId("U0PRIVATE");
        var command = Form(("team_id", team), ("channel_id", "C0GENERAL"), ("user_id", user), ("user_name", "pat"),
            ("command", "/guidelines"), ("text", "onboard"), ("response_url", host.Api.ResponseUrl("unused")), ("trigger_id", "1.2.3"));
        using (var response = await host.Client.SendAsync(Signed("/slack/commands", command, FormType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(FakeSlackApi.DirectMessageChannel(user)).Count >= 1
                                              && host.Factory.Logged(LogLevel.Information, "Posted"), "the onboarding DM is posted");

        var eventId = SlackHost.NewId("Ev");
        var dm = JsonSerializer.Serialize(new
        {
            type = "event_callback",
            team_id = team,
            event_id = eventId,
            authorizations = new[] { new { user_id = "U0BOT", team_id = team, is_bot = true } },
            @event = new { type = "message", channel_type = "im", user, team, text = "next", ts = "6.1", channel = FakeSlackApi.DirectMessageChannel(user) },
        });
        using (var response = await host.Client.SendAsync(Signed("/slack/events", dm, JsonType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(FakeSlackApi.DirectMessageChannel(user)).Count >= 2, "the DM step is posted");
        var value = BlockKitText.Blocks(host.Api.PostsTo(FakeSlackApi.DirectMessageChannel(user))[^1].Json, "actions") is [var actions, ..]
            ? actions.GetProperty("elements")[0].GetProperty("value").GetString()!
            : "next";
        using (var click = await host.Client.SendAsync(Signed("/slack/interactions",
                   Interaction("onboarding_next", value, host.Api.ResponseUrl("unused"), user: user), FormType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(FakeSlackApi.DirectMessageChannel(user)).Count >= 3, "the click's step is posted");
        // The fake names a DM channel after its user ("D" + user id); a real DM id is not the person's id.
        var dmChannel = FakeSlackApi.DirectMessageChannel(user);
        var leaks = host.Factory.Logs.Entries
            .Where(e => e.Level >= LogLevel.Information)
            .Where(e => e.Message.Replace(dmChannel, "D…", StringComparison.Ordinal) is var m
                        && (m.Contains(user, StringComparison.Ordinal) || m.Contains(team, StringComparison.Ordinal)))
            .Select(e => $"{e.Level} {e.Category}: {e.Message}")
            .ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}
