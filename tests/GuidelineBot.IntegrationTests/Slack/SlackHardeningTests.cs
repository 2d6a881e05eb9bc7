using System.Net;
using System.Text.Json;
using GuidelineBot.Slack.Commands;
using GuidelineBot.Testing;
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
/// what the person sees: an apology, or the answer when only the record of handled events is down.
/// </summary>
public sealed class SlackHardeningTests(BreakableSlackHost host) : IClassFixture<BreakableSlackHost>, IDisposable
{
    private const string Apology = "Sorry, something went wrong on my side — please try again in a minute.";

    public void Dispose() => (host.Stores.Broken, host.Stores.ClaimsBroken) = (false, false);

    [Fact]
    public async Task A_feedback_click_while_the_store_is_down_is_acknowledged_logged_and_apologised_for_to_the_clicker()
    {
        var user = SlackHost.NewId("U");
        using var command = await host.Client.SendAsync(Signed("/slack/commands",
            Command("can I post photos of my class?", host.Api.ResponseUrl("unused")), FormType, DateTimeOffset.UtcNow));
        var value = BlockKitText.AnswerActions(JsonDocument.Parse(await command.Content.ReadAsStringAsync()).RootElement)
            .GetProperty("elements")[1].GetProperty("value").GetString()!;

        host.Stores.Broken = true;
        var reply = SlackHost.NewId("fb");
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            Interaction("feedback_helpful", value, host.Api.ResponseUrl(reply), user: user), FormType, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Factory.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("feedback_helpful", StringComparison.Ordinal)
                                                        && e.Exception is Microsoft.Data.Sqlite.SqliteException);

        // The clicker hears why nothing happened, only they see it, and the answer they clicked under stays as it was.
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(reply).Count == 1, "the apology is sent to the clicker");
        var apology = host.Api.ResponseUrlPosts(reply)[0].Json;
        Assert.Equal(Apology, apology.GetProperty("text").GetString());
        Assert.Equal("ephemeral", apology.GetProperty("response_type").GetString());
        Assert.False(apology.GetProperty("replace_original").GetBoolean());
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
    public async Task A_direct_message_while_the_store_is_down_gets_the_apology_in_the_dm_and_the_error_is_logged()
    {
        var channel = SlackHost.NewId("D");
        var eventId = SlackHost.NewId("Ev");
        var dm = new { type = "message", channel_type = "im", user = SlackHost.NewId("U"), text = "can I post anonymously?", ts = "5.1", channel };

        host.Stores.Broken = true; // the DM handler asks the onboarding store first
        using (var first = await host.Client.SendAsync(Signed("/slack/events", Event(eventId, dm), JsonType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Slack has its 200 and sends the message no more: the person hears from the bot, and the error is in the log.
        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(channel).Count == 1, "the apology is posted");
        Assert.Equal(Apology, host.Api.PostsTo(channel)[0].Json.GetProperty("text").GetString());
        Assert.Contains(host.Factory.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(eventId, StringComparison.Ordinal)
                                                        && e.Exception is Microsoft.Data.Sqlite.SqliteException);

        host.Stores.Broken = false;
        using (var next = await host.Client.SendAsync(Signed("/slack/events", Event(SlackHost.NewId("Ev"), dm with { ts = "5.2" }), JsonType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(channel).Count == 2, "the next message is answered");
        Assert.Contains(BlockKitText.All(host.Api.PostsTo(channel)[1].Json.GetProperty("blocks")), t => t.Contains("Source:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mention_is_answered_when_the_store_cannot_record_its_event_id_and_the_failure_is_a_warning()
    {
        var channel = SlackHost.NewId("C");
        var eventId = SlackHost.NewId("Ev");
        host.Stores.ClaimsBroken = true;
        var mention = new { type = "app_mention", user = SlackHost.NewId("U"), text = "<@U0BOT> can I post photos of my class?", ts = "7.1", channel };
        using (var response = await host.Client.SendAsync(Signed("/slack/events", Event(eventId, mention), JsonType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(channel).Count == 1, "the mention is answered");
        Assert.Contains("What can and can't I share on Social Media?", BlockKitText.All(host.Api.PostsTo(channel)[0].Json.GetProperty("blocks")));
        Assert.Contains(host.Factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(eventId, StringComparison.Ordinal)
                                                        && e.Message.Contains("answering it unrecorded", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Factory.Logs.Entries, e => e.Level >= LogLevel.Error && e.Message.Contains(eventId, StringComparison.Ordinal));
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
