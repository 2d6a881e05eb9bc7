using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using static GuidelineBot.IntegrationTests.Teams.TeamsExpertsDriver;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// "Ask an expert" in Teams on two replicas of one PostgreSQL, requests alternating between them as a load balancer
/// would: one ticket post though both run the outbox, one answer and one delivery for a submit both receive.
/// </summary>
[Trait("Category", "Replicas")]
public sealed class TeamsExpertsReplicaTests : IAsyncLifetime
{
    private readonly Slack.Onboarding.PostgresServerStore _store = new();
    private FakeBotFramework _fake = null!;
    private TeamsBotFactory? _a;
    private TeamsBotFactory? _b;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        _fake.SetRoster(TeamsExpertsFixture.Channel, TeamsExpertsFixture.Owner, TeamsExpertsFixture.Expert);
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
        await _fake.DisposeAsync();
    }

    [SkippableFact]
    public async Task One_post_and_one_delivery_across_two_replicas()
    {
        var settings = await _store.SettingsAsync();
        foreach (var (key, value) in TeamsExpertsFixture.Settings(_fake.ServiceUrl))
        {
            settings[key] = value;
        }

        _a = new TeamsBotFactory(_fake, settings: settings);
        _b = new TeamsBotFactory(_fake, settings: settings);
        _ = _a.Server;
        _ = _b.Server;
        var driver = new TeamsExpertsDriver(_fake);

        const string chat = "a:experts-replicas";
        var (post, card) = await driver.OpenTicketAsync(_a, chat, "what is the cafeteria menu during the holidays?", null, clicksOn: _b);
        var root = post.ResponseId!;

        var answer = CardJson.SubmitValue(CardJson.SubmitTitled(card, MessageContent.SubmitAnswerLabel),
            new Dictionary<string, string> { [ExpertInputs.Answer] = "The cafeteria is closed during the holidays.", [ExpertInputs.AddToKnowledge] = "false" });
        await Task.WhenAll(
            driver.PostAsync(_a, driver.ExpertSubmit(root, answer, TeamsExpertsFixture.Expert)),
            driver.PostAsync(_b, driver.ExpertSubmit(root, answer, TeamsExpertsFixture.Expert)));

        await _fake.WaitForAsync(r => IsSendTo(r, chat) && r.Card.Contains("closed during the holidays", StringComparison.Ordinal), "the delivery");
        await _fake.WaitForAsync(r => IsUpdateOf(r, root) && r.Card.Contains("Answered by Sam Expert", StringComparison.Ordinal), "the card updated");
        await Task.Delay(TimeSpan.FromSeconds(3)); // several outbox polls on both replicas

        Assert.Single(_fake.ConnectorRequests, r => FakeBotFramework.IsChannelPost(r) && r.Body.Contains("during the holidays", StringComparison.Ordinal));
        Assert.Single(_fake.ConnectorRequests, r => IsSendTo(r, chat) && r.Card.Contains("closed during the holidays", StringComparison.Ordinal));
        Assert.Single((await WaitUntilKeptAsync(_b, root)).Answers);
        var notices = _fake.ConnectorRequests.Where(r => r.Method == "POST" && In(r, Thread(root))).Select(TextOf).ToList();
        Assert.Single(notices, n => n.Contains("on its way", StringComparison.Ordinal));
        Assert.Single(notices, n => n.Contains("already sent", StringComparison.Ordinal));
    }
}
