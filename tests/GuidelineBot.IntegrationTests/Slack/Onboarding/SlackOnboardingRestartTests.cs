using GuidelineBot.Core.Onboarding;
using GuidelineBot.IntegrationTests.Onboarding;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingDriver;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingFlowTests;

namespace GuidelineBot.IntegrationTests.Slack.Onboarding;

/// <summary>
/// Onboarding state lives in the store, not in the server: a restart (a new server on the same store) and a second
/// replica on the same PostgreSQL both continue exactly where the person is.
/// </summary>
public abstract class SlackOnboardingRestartTests<TStore> : IAsyncLifetime where TStore : IServerStore, new()
{
    private readonly TStore _store = new();
    private FakeSlackApi _api = null!;

    protected FakeSlackApi Api => _api;

    protected TStore Store => _store;

    public async Task InitializeAsync() => _api = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _store.DisposeAsync();
    }

    protected static async Task<OnboardingState?> StateAsync(SlackBotFactory server, SlackOnboardingDriver person) =>
        await server.Services.GetRequiredService<IOnboardingStore>().GetAsync(new OnboardingKey("slack", person.KeyUserId), default);

    [SkippableFact]
    public async Task Resume_after_a_restart_continues_at_the_same_step()
    {
        var settings = await _store.SettingsAsync();
        var user = SlackHost.NewId("U");

        await using (var first = new SlackBotFactory(_api, settings: settings))
        {
            var sam = new SlackOnboardingDriver(first.CreateClient(), _api, user);
            await sam.CommandAsync("onboard", expected: 2);
            await sam.ClickAsync("Next", expected: 1);
            AssertSection(Assert.Single(await sam.ClickAsync("Next", expected: 1)), 3);
        }

        await using (var second = new SlackBotFactory(_api, settings: settings))
        {
            var sam = new SlackOnboardingDriver(second.CreateClient(), _api, user);
            Assert.Equal(2, (await StateAsync(second, sam))!.SectionIndex);

            var posts = await sam.TypeAsync("resume", expected: 2);
            Assert.Contains($"Continuing where you left off: topic 3 of {OnboardingTestKnowledge.SeedDocument.Sections.Count}", AllText(posts[0]), StringComparison.Ordinal);
            AssertSection(posts[1], 3);

            // The Next button the first server rendered still works on the second.
            AssertSection(Assert.Single(await sam.ClickAsync("Next", expected: 1)), 4);
            Assert.Equal(3, (await StateAsync(second, sam))!.SectionIndex);
        }
    }
}

public sealed class SqliteSlackOnboardingRestartTests : SlackOnboardingRestartTests<SqliteServerStore>;

public sealed class PostgresSlackOnboardingRestartTests : SlackOnboardingRestartTests<PostgresServerStore>
{
    [SkippableFact]
    public async Task Two_servers_on_one_postgres_take_turns_on_one_persons_onboarding_consistently()
    {
        var settings = await Store.SettingsAsync();
        var user = SlackHost.NewId("U");
        await using var a = new SlackBotFactory(Api, settings: settings);
        await using var b = new SlackBotFactory(Api, settings: settings);
        var onA = new SlackOnboardingDriver(a.CreateClient(), Api, user);
        var onB = new SlackOnboardingDriver(b.CreateClient(), Api, user);

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

        // The current Next delivered to both servers at once advances exactly one section.
        var next = onA.FindButton("Next");
        posts = await onA.ExpectAsync(3, async () =>
        {
            var clicks = await Task.WhenAll(onA.SendClickAsync(next), onB.SendClickAsync(next));
            Assert.All(clicks, c => Assert.Equal(System.Net.HttpStatusCode.OK, c.StatusCode));
        });
        Assert.Equal(2, posts.Count(p => Header(p)?.StartsWith("4/", StringComparison.Ordinal) == true)); // the step, and "here's where you are"
        Assert.Single(posts, p => AllText(p).Contains("from an earlier step", StringComparison.Ordinal));

        var stateOnA = await StateAsync(a, onA);
        var stateOnB = await StateAsync(b, onB);
        Assert.Equal(3, stateOnA!.SectionIndex);
        Assert.Equal(stateOnA, stateOnB);
    }
}
