using System.Net;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingDriver;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack.Onboarding;

/// <summary>
/// <c>Onboarding:AutoStart</c>: <c>team_join</c> and <c>member_joined_channel</c> (for <c>Onboarding:SlackChannel</c>)
/// start onboarding in a DM (conversations.open + chat.postMessage), exactly once per person however often Slack delivers.
/// </summary>
public sealed class SlackOnboardingAutoStartTests : IAsyncLifetime
{
    private const string NewStaffChannel = "C0NEWSTAFF";
    private readonly BreakableStores _stores = new();
    private FakeSlackApi _api = null!;
    private SlackBotFactory _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _server = new SlackBotFactory(_api, settings: new Dictionary<string, string?>
        {
            ["Onboarding:AutoStart"] = "true",
            ["Onboarding:SlackChannel"] = NewStaffChannel,
        }, services: _stores.Install);
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _api.DisposeAsync();
    }

    private async Task SendAsync(string eventId, object slackEvent, int? retryNum = null)
    {
        using var response = await _client.SendAsync(Signed("/slack/events", Event(eventId, slackEvent), JsonType, DateTimeOffset.UtcNow, retryNum: retryNum));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static object TeamJoin(string user, bool isBot = false) => new
    {
        type = "team_join",
        user = new { id = user, team_id = Team, name = "sam.new", real_name = "Sam New", is_bot = isBot, deleted = false, profile = new { real_name = "Sam New" } },
        event_ts = "1700000000.000100",
    };

    private bool Logged(string fragment) => _server.Logs.Entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public async Task A_team_join_whose_onboarding_failed_is_released_so_that_slacks_retry_starts_it()
    {
        var user = SlackHost.NewId("U");
        var eventId = SlackHost.NewId("Ev");
        _stores.Broken = true; // the auto-start asks the onboarding store whether they ever had one

        await SendAsync(eventId, TeamJoin(user));
        await Eventually.WaitUntilAsync(() => Logged($"Slack event {eventId} failed"), "the failure is logged and the event released");
        Assert.Empty(_api.PostsTo(FakeSlackApi.DirectMessageChannel(user)));

        _stores.Broken = false;
        await SendAsync(eventId, TeamJoin(user), retryNum: 1);
        await Eventually.WaitUntilAsync(() => _api.PostsTo(FakeSlackApi.DirectMessageChannel(user)).Count == 2, "the retry starts the onboarding");
        Assert.Contains("Welcome, Sam New!", AllText(_api.PostsTo(FakeSlackApi.DirectMessageChannel(user))[0].Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_join_delivered_twice_with_the_same_and_with_different_event_ids_starts_exactly_one_onboarding()
    {
        var user = SlackHost.NewId("U");
        var key = LogText.Pseudonym($"{Team}:{user}");
        var first = SlackHost.NewId("Ev");
        var other = SlackHost.NewId("Ev");

        await SendAsync(first, TeamJoin(user));
        await SendAsync(first, TeamJoin(user), retryNum: 1);
        await SendAsync(other, TeamJoin(user));

        await Eventually.WaitUntilAsync(
            () => Logged($"Slack event {first} was already handled") && Logged($"Onboarding auto-started for {key}")
                  && Logged($"Onboarding not auto-started for {key}") && Logged($"Posted 2 message(s) to {LogText.Pseudonym(user)}"),
            "all three deliveries are processed and the DM is sent");
        Assert.Single(_server.Logs.Entries, e => e.Message.Contains($"Onboarding auto-started for {key}", StringComparison.Ordinal));
        var open = Assert.Single(_api.OpensFor(user));
        Assert.Equal("Bearer " + SlackBotFactory.BotToken, open.Authorization);
        var posts = _api.PostsTo(FakeSlackApi.DirectMessageChannel(user)).Select(p => p.Json).ToList();
        Assert.Equal(2, posts.Count);
        Assert.Contains("Welcome, Sam New!", AllText(posts[0]), StringComparison.Ordinal);
        SlackOnboardingFlowTests.AssertSection(posts[1], 1);

        var state = await _server.Services.GetRequiredService<IOnboardingStore>().GetAsync(new OnboardingKey("slack", $"{Team}:{user}"), default);
        Assert.Equal("Sam New", state!.DisplayName);

        // The person then goes on in the DM like anyone else.
        var sam = new SlackOnboardingDriver(_client, _api, user);
        SlackOnboardingFlowTests.AssertSection(Assert.Single(await sam.ClickAsync("Next", expected: 1)), 2);
        Assert.Single(_api.OpensFor(user));
    }

    [Fact]
    public async Task A_bot_joining_the_workspace_gets_no_onboarding()
    {
        var bot = SlackHost.NewId("U");
        var eventId = SlackHost.NewId("Ev");
        await SendAsync(eventId, TeamJoin(bot, isBot: true));

        await Eventually.WaitUntilAsync(() => Logged($"Slack team_join {eventId}: {bot} is a bot"), "the bot's join is looked at");
        Assert.Empty(_api.OpensFor(bot));
        Assert.Null(await _server.Services.GetRequiredService<IOnboardingStore>().GetAsync(new OnboardingKey("slack", $"{Team}:{bot}"), default));
    }

    [Fact]
    public async Task Joining_the_configured_channel_starts_onboarding_once_other_channels_do_not()
    {
        var user = SlackHost.NewId("U");
        var elsewhere = SlackHost.NewId("Ev");
        await SendAsync(elsewhere, new { type = "member_joined_channel", user, channel = "C0RANDOM", channel_type = "C", team = Team });
        await Eventually.WaitUntilAsync(() => _server.Logged(LogLevel.Debug, $"Slack member_joined_channel {elsewhere} in C0RANDOM is not for onboarding"),
            "the join elsewhere is looked at");
        Assert.Empty(_api.OpensFor(user));

        var join = SlackHost.NewId("Ev");
        var again = SlackHost.NewId("Ev");
        await SendAsync(join, new { type = "member_joined_channel", user, channel = NewStaffChannel, channel_type = "C", team = Team });
        await SendAsync(again, new { type = "member_joined_channel", user, channel = NewStaffChannel, channel_type = "C", team = Team });

        await Eventually.WaitUntilAsync(() => Logged($"Onboarding not auto-started for {LogText.Pseudonym($"{Team}:{user}")}") && Logged($"Posted 2 message(s) to {LogText.Pseudonym(user)}"),
            "both joins are processed and the DM is sent");
        Assert.Single(_api.OpensFor(user));
        var posts = _api.PostsTo(FakeSlackApi.DirectMessageChannel(user));
        Assert.Equal(2, posts.Count);
        Assert.Contains($"Welcome, {FakeSlackApi.RealName(user)}!", AllText(posts[0].Json), StringComparison.Ordinal); // the name from users.info

        // Another bot or app joining the channel is not onboarded either (users.info says is_bot).
        var otherBot = SlackHost.NewId("U");
        _api.MarkAsBot(otherBot);
        var otherBotJoin = SlackHost.NewId("Ev");
        await SendAsync(otherBotJoin, new { type = "member_joined_channel", user = otherBot, channel = NewStaffChannel, channel_type = "C", team = Team });
        await Eventually.WaitUntilAsync(() => _server.Logged(LogLevel.Debug, $"Slack member_joined_channel {otherBotJoin}: {otherBot} is a bot"), "the other bot's join is looked at");
        Assert.Empty(_api.OpensFor(otherBot));

        // The bot itself joining the channel is not a person to onboard.
        var botJoin = SlackHost.NewId("Ev");
        await SendAsync(botJoin, new { type = "member_joined_channel", user = "U0BOT", channel = NewStaffChannel, channel_type = "C", team = Team });
        await Eventually.WaitUntilAsync(() => _server.Logged(LogLevel.Debug, $"Slack member_joined_channel {botJoin}: the bot itself joined"), "the bot's join is looked at");
        Assert.Empty(_api.OpensFor("U0BOT"));
    }
}
