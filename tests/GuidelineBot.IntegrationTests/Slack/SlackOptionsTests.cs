using GuidelineBot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// Invalid Slack settings fail validation with a clear message (AddSlack registers them with ValidateOnStart, so the
/// host stops at start-up). Checked on the registrations themselves: deterministic, no server start to race with.
/// </summary>
public sealed class SlackOptionsTests
{
    [Theory]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api", "Slack:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Slack:Command", "guidelines", "Slack:Command must be a slash command")]
    [InlineData("Slack:ResponseUrlHosts:0", "https://hooks.example.invalid/", "Slack:ResponseUrlHosts entries must be host or host:port")]
    [InlineData("Slack:ResponseUrlHosts:0", "127.0.0.1:99999", "Slack:ResponseUrlHosts entries must be host or host:port")]
    [InlineData("Experts:SlackChannel", "#experts", "Experts:SlackChannel must be a Slack channel id")]
    public void Invalid_slack_settings_stop_the_start_with_a_clear_message(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "secret", [key] = value })
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<GuidelineBot.Core.Experts.ExpertOptions>().Bind(configuration.GetSection("Experts"));
        services.AddSlack(configuration);
        using var provider = services.BuildServiceProvider();

        var validation = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<GuidelineBot.Core.Experts.ExpertOptions>>().Value;
        });
        Assert.Contains(message, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_settings_pass()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "secret" })
            .Build();
        var services = new ServiceCollection();
        services.AddSlack(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
        Assert.Equal("/guidelines", options.Command);
        Assert.Equal("https://slack.com/api/", options.ApiBaseUrl);
    }
}
