using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.IntegrationTests.Teams;
using Microsoft.AspNetCore.Hosting;

namespace GuidelineBot.IntegrationTests.Replicas;

/// <summary>
/// One replica: the real server with Slack and Teams both on (fake Slack API, fake Bot Framework) and the store the
/// test gives it, so two instances are two replicas on one PostgreSQL. Log lines are collected (see the base class).
/// </summary>
public sealed class ReplicaServer(FakeBotFramework teams, FakeSlackApi slack, IReadOnlyDictionary<string, string?> store) : TeamsBotFactory(teams)
{
    public bool Logged(params string[] fragments) =>
        Logs.Entries.Any(e => fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Slack:SigningSecret", SlackBotFactory.SigningSecret);
        builder.UseSetting("Slack:BotToken", SlackBotFactory.BotToken);
        builder.UseSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl);
        builder.UseSetting("Slack:ResponseUrlHosts:0", slack.HostAndPort);
        builder.UseSetting("Logging:LogLevel:GuidelineBot", "Debug");
        foreach (var (key, value) in store)
        {
            builder.UseSetting(key, value);
        }
    }
}
