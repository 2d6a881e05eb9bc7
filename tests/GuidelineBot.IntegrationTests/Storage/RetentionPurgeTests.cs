using System.Net;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.Storage;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>
/// <c>Storage:RetentionDays</c>: the server purges feedback older than that a minute after start, then once a day (on its clock, here a
/// <see cref="FakeTimeProvider"/>), and keeps acknowledgements and onboarding state.
/// </summary>
public sealed class RetentionPurgeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeSlackApi _api = null!;
    private SlackBotFactory _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _server = new SlackBotFactory(_api, _clock, settings: new Dictionary<string, string?> { ["Storage:RetentionDays"] = "30" });
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _api.DisposeAsync();
    }

    private int Purges => _server.Logs.Entries.Count(e => e.Level == LogLevel.Information && e.Message.StartsWith("Store retention (30 days)", StringComparison.Ordinal));

    private async Task VoteAsync(string user)
    {
        using var command = await _client.SendAsync(Signed("/slack/commands", Command("can I friend parents?", _api.ResponseUrl("unused")), FormType, _clock.GetUtcNow()));
        var value = BlockKitText.AnswerActions(System.Text.Json.JsonDocument.Parse(await command.Content.ReadAsStringAsync()).RootElement)
            .GetProperty("elements")[1].GetProperty("value").GetString()!;
        using var click = await _client.SendAsync(Signed("/slack/interactions",
            Interaction("feedback_helpful", value, _api.ResponseUrl(SlackHost.NewId("fb")), user: user), FormType, _clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
    }

    private async Task AdvanceADayAndWaitForThePurgeAsync(int days)
    {
        var before = Purges;
        _clock.Advance(TimeSpan.FromDays(days));
        await Eventually.WaitUntilAsync(() => Purges > before, "the daily purge runs");
    }

    [Fact]
    public async Task Feedback_older_than_the_retention_is_purged_daily_and_acknowledgements_are_kept()
    {
        Assert.Equal(0, Purges); // not while the server starts
        _clock.Advance(StoreRetentionService.StartDelay);
        await Eventually.WaitUntilAsync(() => Purges >= 1, "the purge a minute after start");
        await VoteAsync("U0OLDVOTE");
        var store = _server.Services.GetRequiredService<IOnboardingStore>();
        var at = _clock.GetUtcNow();
        var state = new OnboardingState(new OnboardingKey("slack", "T0TEAM:U0OLDVOTE"), "Pat", OnboardingStep.Completed, 0, "staff-social-media-guidelines",
            "hash", at, 0, 0, ["staff-social-media-guidelines"], at, at, null, at, 0);
        Assert.NotNull(await store.TrySaveAsync(state, new OnboardingAcknowledgement("slack", "T0TEAM:U0OLDVOTE", "Pat", "staff-social-media-guidelines",
            "Staff Social Media Guidelines", "hash", at), CancellationToken.None));

        await AdvanceADayAndWaitForThePurgeAsync(days: 29);
        Assert.Single(await _server.FeedbackAsync()); // 29 days old: kept

        await AdvanceADayAndWaitForThePurgeAsync(days: 2);
        Assert.Empty(await _server.FeedbackAsync()); // 31 days old: gone

        await VoteAsync("U0NEWVOTE");
        await AdvanceADayAndWaitForThePurgeAsync(days: 1);
        Assert.Equal("U0NEWVOTE", Assert.Single(await _server.FeedbackAsync()).UserId);
        Assert.Single(await store.ListAcknowledgementsAsync(CancellationToken.None));
        Assert.Single(await store.ListStatesAsync(CancellationToken.None));
    }
}
