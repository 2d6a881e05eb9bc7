using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Storage;
using GuidelineBot.IntegrationTests.Onboarding;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.IntegrationTests.Slack.Onboarding;
using GuidelineBot.IntegrationTests.Teams;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingDriver;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingFlowTests;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Replicas;

/// <summary>
/// The replicas suite (<c>--filter Category=Replicas</c>): two server processes' worth of hosts on one PostgreSQL, the
/// test alternating requests between them, as a load balancer would. (The Teams onboarding replica test and the
/// engine-level auto-start replica test carry the same category.)
/// </summary>
[Trait("Category", "Replicas")]
public sealed class ReplicaTests : IAsyncLifetime
{
    private readonly Slack.Onboarding.PostgresServerStore _store = new();
    private FakeSlackApi _slack = null!;
    private FakeBotFramework _teams = null!;
    private ReplicaServer? _a;
    private ReplicaServer? _b;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _teams = await FakeBotFramework.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _a, _b })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        await _store.DisposeAsync();
        await _teams.DisposeAsync();
        await _slack.DisposeAsync();
    }

    /// <summary>Starts the two replicas on a fresh PostgreSQL schema (skipped on a dev machine without PostgreSQL, failed under CI).</summary>
    private async Task<(ReplicaServer A, ReplicaServer B)> StartReplicasAsync()
    {
        var settings = await _store.SettingsAsync();
        _a = new ReplicaServer(_teams, _slack, settings);
        _b = new ReplicaServer(_teams, _slack, settings);
        _ = _a.Server;
        _ = _b.Server;
        return (_a, _b);
    }

    private string TeamsToken(ReplicaServer server) => _teams.CreateToken(server.Clock.GetUtcNow());

    [SkippableFact]
    public async Task Both_replicas_are_ready_with_the_same_knowledge_content_hash_and_schema_version()
    {
        var (a, b) = await StartReplicasAsync();
        var readyA = await ReadyAsync(a);
        var readyB = await ReadyAsync(b);
        Assert.Matches("^[0-9a-f]{64}$", readyA.GetProperty("knowledgeHash").GetString());
        Assert.Equal(readyA.GetProperty("knowledgeHash").GetString(), readyB.GetProperty("knowledgeHash").GetString());
        Assert.Equal(readyA.GetProperty("schemaVersion").GetInt32(), readyB.GetProperty("schemaVersion").GetInt32());
    }

    [SkippableFact]
    public async Task The_same_Slack_event_id_delivered_to_both_replicas_is_answered_once()
    {
        var (a, b) = await StartReplicasAsync();
        var channel = SlackHost.NewId("C");
        var eventId = SlackHost.NewId("Ev");
        HttpRequestMessage Mention(string id, int? retry = null) => Signed("/slack/events",
            Event(id, new { type = "app_mention", user = "U0PERSON", text = "<@U0BOT> can I post anonymously?", ts = "1700000000.000100", channel }),
            JsonType, DateTimeOffset.UtcNow, retryNum: retry);

        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        var responses = await Task.WhenAll(clientA.SendAsync(Mention(eventId)), clientB.SendAsync(Mention(eventId, retry: 1)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // Each replica has decided: one answered, the other found it handled (wait for both decisions: either log line
        // can come last).
        await Eventually.WaitUntilAsync(() => a.Logged(eventId) && b.Logged(eventId)
                                              && (a.Logged("Answered Slack event", eventId) || b.Logged("Answered Slack event", eventId))
                                              && (a.Logged("already handled", eventId) || b.Logged("already handled", eventId)),
            "one replica answers the event and the other finds it already handled");
        Assert.True(a.Logged("already handled") || b.Logged("already handled"));
        Assert.Single(_slack.PostsTo(channel));
    }

    [SkippableFact]
    public async Task A_Teams_welcome_is_sent_once_when_both_replicas_get_the_install()
    {
        var (a, b) = await StartReplicasAsync();
        var conversation = "19:replicas-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var escaped = Uri.EscapeDataString(conversation);

        var installs = await Task.WhenAll(
            a.PostActivityAsync(Activities.BotAdded(_teams.ServiceUrl, conversation), TeamsToken(a)),
            b.PostActivityAsync(Activities.InstallationAdd(_teams.ServiceUrl, conversation), TeamsToken(b)),
            b.PostActivityAsync(Activities.BotAdded(_teams.ServiceUrl, conversation), TeamsToken(b)));
        Assert.All(installs, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _teams.WaitForAsync(r => r.RawTarget.Contains(escaped, StringComparison.Ordinal) && r.Card.Contains("Hi, I'm GuidelineBot", StringComparison.Ordinal), "the welcome");

        // Later turns on both replicas are answered after the install events were handled.
        await a.PostActivityAsync(Activities.Message(_teams.ServiceUrl, conversation, "hi", id: "after-a"), TeamsToken(a));
        await b.PostActivityAsync(Activities.Message(_teams.ServiceUrl, conversation, "hi", id: "after-b"), TeamsToken(b));
        await _teams.WaitForAsync(r => r.RawTarget.EndsWith("/after-a", StringComparison.Ordinal), "A's later reply");
        await _teams.WaitForAsync(r => r.RawTarget.EndsWith("/after-b", StringComparison.Ordinal), "B's later reply");

        Assert.Single(_teams.ConnectorRequests, r => r.RawTarget.Contains(escaped, StringComparison.Ordinal) && r.Card.Contains("Hi, I'm GuidelineBot", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Teams_feedback_clicked_on_both_replicas_is_counted_once()
    {
        var (a, b) = await StartReplicasAsync();
        var answer = Assert.IsType<AnswerReply>(a.Services.GetRequiredService<AnswerService>().Ask("can I friend parents?"));
        var conversation = "a:replica-feedback-" + Guid.NewGuid().ToString("N");
        var user = "aad-user-1";
        var value = new JsonObject { ["action"] = "feedback", ["helpful"] = true, ["question"] = "can I friend parents?", ["sectionId"] = answer.Section.Id };

        // Two presses (each its own activity, as Teams sends them), one on each replica.
        var onA = Activities.CardSubmit(_teams.ServiceUrl, conversation, "activity-replicas", value);
        var onB = Activities.CardSubmit(_teams.ServiceUrl, conversation, "activity-replicas", (JsonObject)value.DeepClone());
        onB["id"] = "1700000000098";
        var clicks = await Task.WhenAll(a.PostActivityAsync(onA, TeamsToken(a)), b.PostActivityAsync(onB, TeamsToken(b)));
        Assert.All(clicks, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.WaitUntilAsync(() => _teams.ConnectorRequests.Count(r => r.Method == "PUT" && r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal)) >= 2,
            "both replicas update the card", TimeSpan.FromSeconds(60));

        var votes = (await a.Services.GetRequiredService<IFeedbackStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None))
            .Where(f => f.Channel == "teams" && f.UserId == user && f.SectionId == answer.Section.Id).ToList();
        Assert.Single(votes);
    }

    [SkippableFact]
    public async Task Slack_feedback_clicked_on_both_replicas_is_counted_once()
    {
        var (a, b) = await StartReplicasAsync();
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        using var command = await clientA.SendAsync(Signed("/slack/commands", Command("can I friend parents?", _slack.ResponseUrl("unused")), FormType, DateTimeOffset.UtcNow));
        var value = BlockKitText.AnswerActions(JsonDocument.Parse(await command.Content.ReadAsStringAsync()).RootElement)
            .GetProperty("elements")[0].GetProperty("value").GetString()!;
        var user = SlackHost.NewId("U");
        var responseId = SlackHost.NewId("fb");
        HttpRequestMessage Click() => Signed("/slack/interactions", Interaction("feedback_helpful", value, _slack.ResponseUrl(responseId), user: user), FormType, DateTimeOffset.UtcNow);

        var clicks = await Task.WhenAll(clientA.SendAsync(Click()), clientB.SendAsync(Click()));
        Assert.All(clicks, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Eventually.WaitUntilAsync(() => _slack.ResponseUrlPosts(responseId).Count >= 1, "the clicker is thanked");

        var votes = (await a.Services.GetRequiredService<IFeedbackStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Where(f => f.Channel == "slack" && f.UserId == user).ToList();
        Assert.Single(votes);
    }

    [SkippableFact]
    public async Task A_Slack_onboarding_goes_on_across_both_replicas_consistently()
    {
        var (a, b) = await StartReplicasAsync();
        var user = SlackHost.NewId("U");
        var onA = new SlackOnboardingDriver(a.CreateClient(), _slack, user);
        var onB = new SlackOnboardingDriver(b.CreateClient(), _slack, user);

        await onA.CommandAsync("onboard", expected: 2);
        var firstNext = onA.FindButton("Next");
        AssertSection(Assert.Single(await onB.ClickAsync(firstNext, expected: 1)), 2);
        AssertSection(Assert.Single(await onA.ClickAsync("Next", expected: 1)), 3);

        // A question typed on one, "Continue onboarding" clicked on the other.
        var posts = await onB.TypeAsync("can I post anonymously?", expected: 2);
        Assert.Contains(OnboardingAnsweredQuestion.ContinuePrompt, AllText(posts[1]), StringComparison.Ordinal);
        posts = await onA.ClickAsync("Continue onboarding", expected: 2);
        AssertSection(posts[1], 3);

        // The first section's Next, clicked again on B: stale, nothing skipped.
        posts = await onB.ClickAsync(firstNext, expected: 2);
        Assert.Contains("from an earlier step", AllText(posts[0]), StringComparison.Ordinal);
        AssertSection(posts[1], 3);

        // The current Next delivered to both replicas at once advances exactly one section; the other delivery is a
        // double click's second press, which says nothing.
        var next = onA.FindButton("Next");
        var before = onA.Posts.Count;
        await onA.ExpectAsync(1, async () =>
        {
            var clicks = await Task.WhenAll(onA.SendClickAsync(next), onB.SendClickAsync(next));
            Assert.All(clicks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        });
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a second post, were there one
        posts = onA.Posts.Skip(before).ToList();
        Assert.StartsWith("4/", Header(Assert.Single(posts)), StringComparison.Ordinal);

        var key = new OnboardingKey("slack", onA.KeyUserId);
        var stateOnA = await a.Services.GetRequiredService<IOnboardingStore>().GetAsync(key, default);
        var stateOnB = await b.Services.GetRequiredService<IOnboardingStore>().GetAsync(key, default);
        Assert.Equal(3, stateOnA!.SectionIndex);
        Assert.Equal(stateOnA, stateOnB);
        Assert.Equal(OnboardingTestKnowledge.SeedDocument.Id, stateOnA.DocumentId);
    }

    private static async Task<JsonElement> ReadyAsync(ReplicaServer server)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
