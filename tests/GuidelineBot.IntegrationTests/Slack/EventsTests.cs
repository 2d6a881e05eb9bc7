using System.Net;
using System.Text.Json;
using GuidelineBot.Testing;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

[Collection(SlackCollection.Name)]
public sealed class EventsTests(SlackHost host)
{
    private async Task<HttpResponseMessage> SendEventAsync(string eventId, object slackEvent, string? botUserId = "U0BOT", int? retryNum = null) =>
        await host.Client.SendAsync(Signed("/slack/events", Event(eventId, slackEvent, botUserId), JsonType, host.Now, retryNum: retryNum));

    [Fact]
    public async Task Url_verification_returns_the_challenge()
    {
        var body = JsonSerializer.Serialize(new { token = "x", challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type = "url_verification" });
        using var response = await host.Client.SendAsync(Signed("/slack/events", body, JsonType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task App_mention_is_acknowledged_and_answered_with_exactly_one_post_in_its_thread()
    {
        var channel = SlackHost.NewId("C");
        var eventId = SlackHost.NewId("Ev");
        using var response = await SendEventAsync(eventId, new
        {
            type = "app_mention",
            user = "U0PERSON",
            text = "<@U0BOT> can I post photos of my class?",
            ts = "1700000000.000100",
            channel,
            event_ts = "1700000000.000100",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Information, "Answered Slack event", eventId), "the mention is answered");
        var post = Assert.Single(host.Api.PostsTo(channel));
        Assert.Equal("Bearer " + SlackBotFactory.BotToken, post.Authorization);
        Assert.Equal("1700000000.000100", post.Json.GetProperty("thread_ts").GetString());
        var texts = BlockKitText.All(post.Json.GetProperty("blocks")).ToList();
        Assert.Contains("What can and can't I share on Social Media?", texts);
        Assert.Contains(texts, t => t.Contains("Source: Staff Social Media Guidelines", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(post.Json.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Onboard_by_mention_says_in_the_thread_when_the_dm_cannot_be_opened()
    {
        var channel = SlackHost.NewId("C");
        var user = SlackHost.NewId("U");
        host.Api.Script(FakeSlackApi.OpenKey(user), new ScriptedResponse(200, """{"ok":false,"error":"cannot_dm_bot"}"""));

        using var response = await SendEventAsync(SlackHost.NewId("Ev"), new
        {
            type = "app_mention",
            user,
            text = "<@U0BOT> onboard",
            ts = "1700000060.000100",
            channel,
        });

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(channel).Count == 1, "the person is told where they asked");
        var post = host.Api.PostsTo(channel)[0];
        Assert.Equal("1700000060.000100", post.Json.GetProperty("thread_ts").GetString());
        Assert.Contains("couldn't reach you in a direct message", post.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Api.PostsTo(FakeSlackApi.DirectMessageChannel(user)));
    }

    [Fact]
    public async Task Mention_inside_a_thread_is_answered_in_that_thread()
    {
        var channel = SlackHost.NewId("C");
        using var response = await SendEventAsync(SlackHost.NewId("Ev"), new
        {
            type = "app_mention",
            user = "U0PERSON",
            text = "<@U0BOT> can I post anonymously?",
            ts = "1700000050.000100",
            thread_ts = "1700000000.000001",
            channel,
        });

        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(channel).Count == 1, "the mention is answered");
        Assert.Equal("1700000000.000001", host.Api.PostsTo(channel)[0].Json.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task Direct_message_is_answered_with_one_post_in_the_dm()
    {
        var channel = SlackHost.NewId("D");
        var eventId = SlackHost.NewId("Ev");
        using var response = await SendEventAsync(eventId, new
        {
            type = "message",
            channel_type = "im",
            user = "U0PERSON",
            text = "Can I post anonymously?",
            ts = "1700000000.000200",
            channel,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Information, "Answered Slack event", eventId), "the DM is answered");
        var post = Assert.Single(host.Api.PostsTo(channel));
        Assert.False(post.Json.TryGetProperty("thread_ts", out _));
        Assert.Contains("Can I post anonymously?", BlockKitText.All(post.Json.GetProperty("blocks")));
    }

    [Fact]
    public async Task The_same_event_id_delivered_three_times_with_retry_headers_is_answered_once()
    {
        var channel = SlackHost.NewId("D");
        var eventId = SlackHost.NewId("Ev");
        var slackEvent = new { type = "message", channel_type = "im", user = "U0PERSON", text = "hi", ts = "1700000000.000300", channel };

        using var first = await SendEventAsync(eventId, slackEvent);
        using var second = await SendEventAsync(eventId, slackEvent, retryNum: 1);
        using var third = await SendEventAsync(eventId, slackEvent, retryNum: 2);

        Assert.All(new[] { first, second, third }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.WaitUntilAsync(
            () => host.Factory.Logs.Entries.Count(e => e.Message.Contains($"Slack event {eventId} was already handled", StringComparison.Ordinal)) == 2
                  && host.Factory.Logged(LogLevel.Information, "Answered Slack event", eventId),
            "all three deliveries are processed");
        Assert.Single(host.Api.PostsTo(channel));
    }

    [Fact]
    public async Task Messages_from_bots_or_the_bot_itself_are_not_answered()
    {
        var channel = SlackHost.NewId("D");
        var events = new (string Id, object Event, string? BotUserId)[]
        {
            (SlackHost.NewId("Ev"), new { type = "message", channel_type = "im", user = "U0OTHER", bot_id = "B0OTHER", text = "can I post photos?", ts = "1.1", channel }, "U0BOT"),
            (SlackHost.NewId("Ev"), new { type = "message", channel_type = "im", subtype = "bot_message", text = "can I post photos?", ts = "1.2", channel }, "U0BOT"),
            (SlackHost.NewId("Ev"), new { type = "message", channel_type = "im", user = "U0BOT", text = "can I post photos?", ts = "1.3", channel }, "U0BOT"),
            // No authorizations in the envelope: the bot's id comes from auth.test.
            (SlackHost.NewId("Ev"), new { type = "message", channel_type = "im", user = FakeSlackApi.BotUserIdFromAuthTest, text = "can I post photos?", ts = "1.4", channel }, null),
            (SlackHost.NewId("Ev"), new { type = "app_mention", user = "U0BOT", text = "<@U0BOT> can I post photos?", ts = "1.5", channel }, "U0BOT"),
        };

        foreach (var (id, slackEvent, botUserId) in events)
        {
            using var response = await SendEventAsync(id, slackEvent, botUserId);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.WaitUntilAsync(
            () => events.All(e => host.Factory.Logged(LogLevel.Debug, $"Slack event {e.Id} comes from a bot")
                                   || host.Factory.Logged(LogLevel.Debug, $"Slack event {e.Id} is not a new direct message")),
            "every bot message is looked at and dropped");
        Assert.Empty(host.Api.PostsTo(channel));
        Assert.Contains(host.Api.Requests, r => r.Target == "auth.test");
    }

    [Fact]
    public async Task Message_edits_and_channel_messages_are_not_answered_but_acknowledged()
    {
        var channel = SlackHost.NewId("D");
        using var edit = await SendEventAsync(SlackHost.NewId("Ev"),
            new { type = "message", channel_type = "im", subtype = "message_changed", text = "x", ts = "1.1", channel });
        using var join = await SendEventAsync(SlackHost.NewId("Ev"),
            new { type = "team_join", user = new { id = "U0NEW", name = "new" } });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, join.StatusCode);

        // A real DM in the same channel afterwards is answered; the edit never is.
        var control = SlackHost.NewId("Ev");
        using var dm = await SendEventAsync(control, new { type = "message", channel_type = "im", user = "U0PERSON", text = "hi", ts = "1.2", channel });
        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Information, "Answered Slack event", control), "the DM is answered");
        Assert.Single(host.Api.PostsTo(channel));
    }

    [Fact]
    public async Task A_dm_with_a_file_attached_or_broadcast_from_a_thread_is_answered_a_file_alone_is_not()
    {
        var channel = SlackHost.NewId("D");
        var fileAlone = SlackHost.NewId("Ev");
        using var alone = await SendEventAsync(fileAlone,
            new { type = "message", channel_type = "im", subtype = "file_share", user = "U0PERSON", text = " ", ts = "1.1", channel });
        var withFile = SlackHost.NewId("Ev");
        using var file = await SendEventAsync(withFile,
            new { type = "message", channel_type = "im", subtype = "file_share", user = "U0PERSON", text = "Can I post anonymously?", ts = "1.2", channel });
        var broadcast = SlackHost.NewId("Ev");
        using var thread = await SendEventAsync(broadcast,
            new { type = "message", channel_type = "im", subtype = "thread_broadcast", user = "U0PERSON", text = "can I friend parents?", ts = "1.4", thread_ts = "1.2", channel });

        Assert.All(new[] { alone, file, thread }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.WaitUntilAsync(
            () => host.Factory.Logged(LogLevel.Information, "Answered Slack event", withFile)
                  && host.Factory.Logged(LogLevel.Information, "Answered Slack event", broadcast)
                  && host.Factory.Logged(LogLevel.Debug, $"Slack event {fileAlone} is not a new direct message"),
            "both questions are answered and the file alone is dropped");
        var posts = host.Api.PostsTo(channel);
        Assert.Equal(2, posts.Count);
        Assert.Contains(posts, p => BlockKitText.All(p.Json.GetProperty("blocks")).Contains("Can I post anonymously?"));
        var inThread = Assert.Single(posts, p => p.Json.TryGetProperty("thread_ts", out _));
        Assert.Equal("1.2", inThread.Json.GetProperty("thread_ts").GetString());
    }

    [Theory]
    [InlineData("{not json", "The body is not a Slack event envelope (a JSON object).")]
    [InlineData("[]", "The body is not a Slack event envelope (a JSON object).")]
    [InlineData("null", "The body is not a Slack event envelope (a JSON object).")]
    [InlineData("""{"type":"event_callback","event":{"type":"app_mention"}}""", "event_callback needs an event_id and an event.")]
    [InlineData("""{"type":"url_verification"}""", "url_verification has no challenge.")]
    [InlineData("""{"challenge":"abc"}""", "The event envelope has no type.")]
    public async Task Malformed_event_body_is_400_saying_why(string body, string why)
    {
        using var response = await host.Client.SendAsync(Signed("/slack/events", body, JsonType, host.Now));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(why, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Seen_event_ids_are_claimed_in_the_store_under_the_slack_event_scope()
    {
        var eventId = SlackHost.NewId("Ev");
        var channel = SlackHost.NewId("D");
        using var response = await SendEventAsync(eventId, new { type = "message", channel_type = "im", user = "U0PERSON", text = "hi", ts = "1.1", channel });
        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(channel).Count == 1, "the DM is answered");
        Assert.True(await host.Factory.EventWasClaimedAsync(eventId));
    }

    [Fact]
    public async Task An_event_written_by_the_bot_itself_is_never_answered_even_when_the_authorization_is_a_persons()
    {
        // A user installation's authorization names a person, not the bot: the bot's own id then comes from auth.test.
        var channel = SlackHost.NewId("D");
        var fromBot = SlackHost.NewId("Ev");
        var fromInstaller = SlackHost.NewId("Ev");
        using var bot = await host.Client.SendAsync(Signed("/slack/events", Event(fromBot,
            new { type = "message", channel_type = "im", user = FakeSlackApi.BotUserIdFromAuthTest, text = "can I post photos?", ts = "2.1", channel },
            botUserId: "U0INSTALLER", botAuthorization: false), JsonType, host.Now));
        using var person = await host.Client.SendAsync(Signed("/slack/events", Event(fromInstaller,
            new { type = "message", channel_type = "im", user = "U0INSTALLER", text = "can I post photos?", ts = "2.2", channel },
            botUserId: "U0INSTALLER", botAuthorization: false), JsonType, host.Now));

        Assert.Equal(HttpStatusCode.OK, bot.StatusCode);
        await Eventually.WaitUntilAsync(
            () => host.Factory.Logged(LogLevel.Debug, $"Slack event {fromBot} comes from a bot")
                  && host.Factory.Logged(LogLevel.Information, "Answered Slack event", fromInstaller),
            "the bot's own message is dropped and the person's answered");
        Assert.Single(host.Api.PostsTo(channel));
        Assert.False(await host.Factory.EventWasClaimedAsync(fromBot));
    }

    [Fact]
    public async Task Events_no_handler_accepts_are_acknowledged_without_claiming_their_id()
    {
        var inChannel = SlackHost.NewId("Ev");
        var join = SlackHost.NewId("Ev");
        var fromBot = SlackHost.NewId("Ev");
        using var message = await SendEventAsync(inChannel,
            new { type = "message", channel_type = "channel", user = "U0PERSON", text = "can I post photos?", ts = "3.1", channel = "C0GENERAL" });
        using var teamJoin = await SendEventAsync(join, new { type = "team_join", user = new { id = "U0NEW", name = "new" } });
        using var botMessage = await SendEventAsync(fromBot,
            new { type = "message", channel_type = "im", user = "U0OTHER", bot_id = "B0OTHER", text = "hi", ts = "3.2", channel = "D0BOTS" });

        Assert.All(new[] { message, teamJoin, botMessage }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.WaitUntilAsync(
            () => host.Factory.Logged(LogLevel.Debug, $"Slack event {inChannel} of type message needs no answer")
                  && host.Factory.Logged(LogLevel.Debug, $"Slack event {join} of type team_join needs no answer")
                  && host.Factory.Logged(LogLevel.Debug, $"Slack event {fromBot} of type message needs no answer"),
            "the three events are looked at");
        Assert.False(await host.Factory.EventWasClaimedAsync(inChannel));
        Assert.False(await host.Factory.EventWasClaimedAsync(join));
        Assert.False(await host.Factory.EventWasClaimedAsync(fromBot));
    }

    [Fact]
    public async Task Null_elements_in_an_event_body_are_no_crash()
    {
        var channel = SlackHost.NewId("D");
        var eventId = SlackHost.NewId("Ev");
        var body = $$$"""
            {"type":"event_callback","team_id":"T0TEAM","event_id":"{{{eventId}}}","authorizations":[null,{"user_id":"U0BOT","is_bot":true}],
             "event":{"type":"message","channel_type":"im","user":"U0PERSON","text":"can I post anonymously?","ts":"4.1","channel":"{{{channel}}}","blocks":[null]}}
            """;
        using var response = await host.Client.SendAsync(Signed("/slack/events", body, JsonType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Information, "Answered Slack event", eventId), "the DM is answered");
        Assert.Single(host.Api.PostsTo(channel));
    }
}
