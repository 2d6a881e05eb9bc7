namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>The Teams tests share one authenticated server (loading the index once).</summary>
[CollectionDefinition(Name)]
public sealed class TeamsCollection : ICollectionFixture<TeamsFixture>
{
    public const string Name = "Teams";
}

/// <summary>One fake Microsoft side and one authenticated bot server, shared by a test class.</summary>
public sealed class TeamsFixture : IAsyncLifetime
{
    public FakeBotFramework Fake { get; private set; } = null!;

    public TeamsBotFactory Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeBotFramework.StartAsync();
        Bot = new TeamsBotFactory(Fake);
        _ = Bot.Server; // start now, so start-up failures show here
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>The same without an App ID: local mode.</summary>
public sealed class LocalTeamsFixture : IAsyncLifetime
{
    public FakeBotFramework Fake { get; private set; } = null!;

    public TeamsBotFactory Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeBotFramework.StartAsync();
        Bot = new TeamsBotFactory(Fake, localMode: true);
        _ = Bot.Server;
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
