using System.Net;
using GuidelineBot.Testing;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>Every Slack endpoint verifies the signature first, against the server's (fake) clock.</summary>
public sealed class SignatureTests(SlackFakeClockHost host) : IClassFixture<SlackFakeClockHost>
{
    public static TheoryData<string> Paths => new() { "/slack/commands", "/slack/events", "/slack/interactions" };

    private static string BodyFor(string path, string id) => path switch
    {
        "/slack/commands" => Command("can I post photos?", "http://127.0.0.1:9/response/" + id),
        "/slack/events" => Event(id, new { type = "app_mention", user = "U0PERSON", text = "<@U0BOT> can I post photos?", ts = "1.2", channel = id }),
        _ => Interaction("feedback_helpful", "doc#s\n" + id, "http://127.0.0.1:9/response/" + id),
    };

    private static string TypeFor(string path) => path == "/slack/events" ? JsonType : FormType;

    private async Task AssertRejectedWithoutSideEffects(string id, HttpRequestMessage request)
    {
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(await host.Factory.FeedbackAsync(), f => f.Question == id);

        // A valid request afterwards is processed; the rejected one never reached the queue, so only this one posts.
        var control = SlackHost.NewId("CTRL");
        using var ok = await host.Client.SendAsync(Signed("/slack/events",
            Event(control, new { type = "app_mention", user = "U0PERSON", text = "<@U0BOT> hi", ts = "1.3", channel = control }),
            JsonType, host.Now));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.PostsTo(control).Count == 1, "the control event is answered");
        Assert.Empty(host.Api.PostsTo(id));
        Assert.Empty(host.Api.ResponseUrlPosts(id));
        Assert.False(await host.Factory.EventWasClaimedAsync(id));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Wrong_secret_is_401(string path)
    {
        var id = SlackHost.NewId("BAD");
        await AssertRejectedWithoutSideEffects(id, Signed(path, BodyFor(path, id), TypeFor(path), host.Now, secret: "someone-elses-secret"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Missing_signature_is_401(string path)
    {
        var id = SlackHost.NewId("MISS");
        await AssertRejectedWithoutSideEffects(id, Unsigned(path, BodyFor(path, id), TypeFor(path)));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Stale_signature_six_minutes_old_is_401(string path)
    {
        var id = SlackHost.NewId("OLD");
        await AssertRejectedWithoutSideEffects(id, Signed(path, BodyFor(path, id), TypeFor(path), host.Now.AddMinutes(-6)));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Future_signature_six_minutes_ahead_is_401(string path)
    {
        var id = SlackHost.NewId("NEW");
        await AssertRejectedWithoutSideEffects(id, Signed(path, BodyFor(path, id), TypeFor(path), host.Now.AddMinutes(6)));
    }

    [Fact]
    public async Task Body_changed_after_signing_is_401()
    {
        var id = SlackHost.NewId("TAMPER");
        var signed = Signed("/slack/events", BodyFor("/slack/events", id), JsonType, host.Now);
        signed.Content = new StringContent(BodyFor("/slack/events", id).Replace("photos", "videos", StringComparison.Ordinal),
            System.Text.Encoding.UTF8, JsonType);
        await AssertRejectedWithoutSideEffects(id, signed);
    }

    [Fact]
    public async Task Signature_from_four_minutes_ago_by_the_servers_clock_is_accepted()
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands", BodyFor("/slack/commands", "x"), FormType, host.Now.AddMinutes(-4)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signed_at_real_time_but_the_server_clock_says_otherwise_is_401()
    {
        // The fake clock is the server's only notion of "now": a request signed with the real time is far outside it.
        using var response = await host.Client.SendAsync(Signed("/slack/commands", BodyFor("/slack/commands", "x"), FormType, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
