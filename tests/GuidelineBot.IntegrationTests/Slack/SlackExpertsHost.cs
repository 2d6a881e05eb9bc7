using GuidelineBot.Core.Experts;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The real server (SQLite store, expert service and outbox worker) with Slack on and <c>Experts:SlackChannel</c> set,
/// against a fake Slack where <see cref="Experts"/> are the members of the experts' channel. Failed posts are retried
/// after a second.
/// </summary>
public sealed class SlackExpertsHost : IAsyncLifetime
{
    public const string ExpertsChannel = "C0EXPERTS";
    public const string Expert = "U0EXPERT1";
    public const string OtherExpert = "U0EXPERT2";

    /// <summary>Members of the experts' channel: more than one page of <c>conversations.members</c>.</summary>
    public static readonly string[] Experts = ["U0LURKER1", "U0LURKER2", OtherExpert, Expert];

    public FakeSlackApi Api { get; private set; } = null!;

    public SlackBotFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        Api = await FakeSlackApi.StartAsync();
        Api.SetMembers(ExpertsChannel, Experts);
        Factory = new SlackBotFactory(Api, settings: new Dictionary<string, string?>
        {
            ["Experts:SlackChannel"] = ExpertsChannel,
            ["Experts:PollSeconds"] = "1",
            ["Experts:RetrySeconds"] = "1",
        });
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
    }

    public Task<IReadOnlyList<KnowledgeSuggestion>> SuggestionsAsync() =>
        Factory.Services.GetRequiredService<ISuggestionStore>().ListAsync(null, default);
}
