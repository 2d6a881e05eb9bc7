using System.Net;
using GuidelineBot.Testing;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

[Collection(SlackCollection.Name)]
public sealed class WebApiResilienceTests(SlackHost host)
{
    private async Task<string> MentionAsync(string channel)
    {
        var eventId = SlackHost.NewId("Ev");
        using var response = await host.Client.SendAsync(Signed("/slack/events",
            Event(eventId, new { type = "app_mention", user = "U0PERSON", text = "<@U0BOT> can I post anonymously?", ts = "1700000000.000100", channel }),
            JsonType, host.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return eventId;
    }

    [Fact]
    public async Task Rate_limited_429_with_Retry_After_then_200_delivers_exactly_one_message()
    {
        var channel = SlackHost.NewId("C");
        host.Api.Script(channel, new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 1));

        var eventId = await MentionAsync(channel);

        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Information, "Answered Slack event", eventId), "the retry succeeds");
        var attempts = host.Api.PostsTo(channel);
        Assert.Equal(2, attempts.Count); // the 429 and the one delivered message
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        // A lower bound only: the retry waited for Retry-After (1 s) rather than the test back-off of 20 ms.
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
        Assert.False(host.Factory.Logged(LogLevel.Error, eventId));
    }

    [Fact]
    public async Task A_server_error_is_not_repeated_since_the_message_may_have_been_posted_it_is_logged_and_the_server_stays_healthy()
    {
        var channel = SlackHost.NewId("C");
        host.Api.AlwaysAnswer(channel, new ScriptedResponse(500, """{"ok":false,"error":"internal_error"}"""));

        var eventId = await MentionAsync(channel);

        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Error, "chat.postMessage", eventId, "HTTP 500"), "the failure is logged");
        Assert.Single(host.Api.PostsTo(channel));

        using var health = await host.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // Still answering afterwards.
        var other = SlackHost.NewId("C");
        var next = await MentionAsync(other);
        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Information, "Answered Slack event", next), "the next mention is answered");
    }

    [Fact]
    public async Task A_503_with_Retry_After_is_repeated_one_without_is_not()
    {
        var waitThenOk = SlackHost.NewId("C");
        host.Api.Script(waitThenOk, new ScriptedResponse(503, """{"ok":false}""", RetryAfterSeconds: 0));
        var failed = SlackHost.NewId("C");
        host.Api.Script(failed, new ScriptedResponse(503, """{"ok":false}"""));

        var retried = await MentionAsync(waitThenOk);
        var notRetried = await MentionAsync(failed);

        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Information, "Answered Slack event", retried), "the retry succeeds");
        Assert.Equal(2, host.Api.PostsTo(waitThenOk).Count);
        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Error, "chat.postMessage", notRetried, "HTTP 503"), "the failure is logged");
        Assert.Single(host.Api.PostsTo(failed));
    }

    [Fact]
    public async Task A_Slack_slower_than_the_attempt_timeout_gets_the_message_once_never_repeated()
    {
        var channel = SlackHost.NewId("C");
        host.Api.Script(channel, new ScriptedResponse(200, """{"ok":true}""", DelaySeconds: (int)SlackBotFactory.AttemptTimeout.TotalSeconds + 1));

        var eventId = await MentionAsync(channel);

        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Error, "chat.postMessage", eventId), "the timeout is logged");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a retry would follow the timeout at once (20 ms back-off)
        Assert.Single(host.Api.PostsTo(channel));
    }

    [Fact]
    public async Task Ok_false_is_an_error_and_is_logged_with_the_event_id()
    {
        var channel = SlackHost.NewId("C");
        host.Api.AlwaysAnswer(channel, new ScriptedResponse(200, """{"ok":false,"error":"channel_not_found"}"""));

        var eventId = await MentionAsync(channel);

        await Eventually.WaitUntilAsync(() => host.Factory.Logged(LogLevel.Error, eventId, "channel_not_found"), "the error is logged");
        Assert.Single(host.Api.PostsTo(channel)); // a definite answer from Slack: not retried
        Assert.False(host.Factory.Logged(LogLevel.Information, "Answered Slack event", eventId));
    }
}
