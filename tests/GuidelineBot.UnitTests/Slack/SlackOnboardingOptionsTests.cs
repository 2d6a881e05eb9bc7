using GuidelineBot.Slack;
using GuidelineBot.Slack.Onboarding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackOnboardingOptionsTests
{
    private static SlackOnboardingOptions Bind(string? channel)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Onboarding:SlackChannel"] = channel, ["Onboarding:AutoStart"] = "true" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSlack(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SlackOnboardingOptions>>().Value;
    }

    [Theory]
    [InlineData("#new-staff")]
    [InlineData("new-staff")]
    [InlineData("U0123456")]
    public void A_channel_name_or_user_id_is_refused_with_a_clear_message(string channel)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(channel));
        Assert.Contains("Onboarding:SlackChannel must be a Slack channel id such as C0123456789", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C0NEWSTAFF", "C0NEWSTAFF")]
    [InlineData(" C0NEWSTAFF ", "C0NEWSTAFF")]
    [InlineData("G01ABCDEF", "G01ABCDEF")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_channel_id_or_nothing_is_accepted(string? channel, string expected) => Assert.Equal(expected, Bind(channel).ChannelId);
}
