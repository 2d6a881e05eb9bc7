using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>The server as configured in the repository: no signing secret, so Slack is off.</summary>
public sealed class SlackOffFactory : GuidelineBotFactory
{
    public TestLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

public sealed class SlackOffTests(SlackOffFactory factory) : IClassFixture<SlackOffFactory>
{
    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task Without_a_signing_secret_the_slack_endpoints_are_404(string path)
    {
        using var client = factory.CreateClient();
        // Even a request signed with some secret is not accepted: there is nothing to accept it.
        using var response = await client.SendAsync(Signed(path, Form(("ssl_check", "1")), FormType, DateTimeOffset.UtcNow, secret: ""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Start_up_logs_one_line_saying_slack_is_off()
    {
        using var client = factory.CreateClient();
        Assert.Single(factory.Logs.Entries, e => e.Message.StartsWith("Slack is off", StringComparison.Ordinal));
    }
}
