using GuidelineBot.Core.Experts;
using GuidelineBot.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.UnitTests.Teams;

/// <summary>
/// Teams is an experts' channel only when it is on (an App ID) and <c>Experts:TeamsChannel</c> is set; it delivers answers
/// to Teams askers whenever it is on and some experts' channel (Teams' or Slack's) is set.
/// </summary>
public sealed class TeamsExpertRegistrationTests
{
    [Theory]
    [InlineData("5f8c5a3e-1111-4a2b-9c3d-0123456789ab", "19:experts@thread.tacv2", null, true, true)]
    [InlineData("5f8c5a3e-1111-4a2b-9c3d-0123456789ab", null, null, false, false)]
    [InlineData("5f8c5a3e-1111-4a2b-9c3d-0123456789ab", " ", null, false, false)]
    [InlineData("5f8c5a3e-1111-4a2b-9c3d-0123456789ab", null, "C0EXPERTS", false, true)]
    [InlineData(null, "19:experts@thread.tacv2", "C0EXPERTS", false, false)]
    public void Experts_channel_and_delivery_are_registered_only_with_teams_on(string? appId, string? channel, string? slackChannel, bool expertsChannel,
        bool delivery)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = appId,
            ["Experts:TeamsChannel"] = channel,
            ["Experts:SlackChannel"] = slackChannel,
        }).Build();

        var services = new ServiceCollection().AddTeams(configuration);

        Assert.Equal(expertsChannel, services.Any(d => d.ServiceType == typeof(IExpertChannel)));
        Assert.Equal(delivery, services.Any(d => d.ServiceType == typeof(IExpertAnswerDelivery)));
    }
}
