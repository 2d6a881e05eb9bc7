using GuidelineBot.Core.Onboarding;
using GuidelineBot.IntegrationTests.Onboarding;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingDriver;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingFlowTests;

namespace GuidelineBot.IntegrationTests.Slack.Onboarding;

/// <summary>
/// Onboarding state lives in the store, not in the server: a restart (a new server on the same store) continues exactly
/// where the person is. Two replicas at once: Replicas/ReplicaTests.
/// </summary>
public abstract class SlackOnboardingRestartTests<TStore> : IAsyncLifetime where TStore : IServerStore, new()
{
    private readonly TStore _store = new();
    private FakeSlackApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _store.DisposeAsync();
    }

    private static async Task<OnboardingState?> StateAsync(SlackBotFactory server, SlackOnboardingDriver person) =>
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

/// <summary>The same on PostgreSQL (two replicas at once: Replicas/ReplicaTests).</summary>
public sealed class PostgresSlackOnboardingRestartTests : SlackOnboardingRestartTests<PostgresServerStore>;
