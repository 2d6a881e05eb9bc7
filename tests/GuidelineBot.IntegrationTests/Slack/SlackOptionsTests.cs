using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace GuidelineBot.IntegrationTests.Slack;

public sealed class SlackOptionsTests
{
    [Theory]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api", "Slack:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Slack:Command", "guidelines", "Slack:Command must be a slash command")]
    public void Invalid_slack_settings_stop_the_start_with_a_clear_message(string key, string value, string message)
    {
        using var factory = new GuidelineBotFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("Slack:SigningSecret", "secret");
            b.UseSetting(key, value);
        });

        var error = Record.Exception(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException a ? a.InnerException : error);
        Assert.Contains(message, validation.Message, StringComparison.Ordinal);
    }
}
