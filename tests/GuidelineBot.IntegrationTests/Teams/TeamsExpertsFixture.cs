namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// One fake Microsoft side and one authenticated bot server with "Ask an expert" on in Teams: the experts' channel
/// <see cref="Channel"/> at the fake connector's service URL, its roster (the expert on the second page), the outbox
/// polling every second.
/// </summary>
public sealed class TeamsExpertsFixture : IAsyncLifetime
{
    public const string Channel = "19:experts@thread.tacv2";

    public static readonly ChannelMember Owner = new("29:owner", "aad-owner", "Olu Owner");
    public static readonly ChannelMember Colleague = new("29:colleague", "aad-colleague", "Cai Colleague");
    public static readonly ChannelMember Expert = new("29:expert", "aad-expert", "Sam Expert");

    public FakeBotFramework Fake { get; private set; } = null!;

    public TeamsBotFactory Bot { get; private set; } = null!;

    /// <summary>The experts' settings; the service URL left out means it has to be learned.</summary>
    public static Dictionary<string, string?> Settings(string? serviceUrl) => new()
    {
        ["Experts:TeamsChannel"] = Channel,
        ["Experts:TeamsServiceUrl"] = serviceUrl,
        ["Experts:PollSeconds"] = "1",
        ["Experts:RetrySeconds"] = "1",
    };

    public async Task InitializeAsync()
    {
        Fake = await FakeBotFramework.StartAsync();
        Fake.SetRoster(Channel, Owner, Colleague, Expert);
        Bot = new TeamsBotFactory(Fake, settings: Settings(Fake.ServiceUrl));
        _ = Bot.Server;
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
