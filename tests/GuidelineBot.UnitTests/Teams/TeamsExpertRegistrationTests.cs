using GuidelineBot.Core.Experts;
using GuidelineBot.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.UnitTests.Teams;

/// <summary>Teams takes part in "Ask an expert" only when it is on (an App ID) and <c>Experts:TeamsChannel</c> is set.</summary>
public sealed class TeamsExpertRegistrationTests
{
    [Theory]
    [InlineData("5f8c5a3e-1111-4a2b-9c3d-0123456789ab", "19:experts@thread.tacv2", true)]
    [InlineData("5f8c5a3e-1111-4a2b-9c3d-0123456789ab", null, false)]
    [InlineData("5f8c5a3e-1111-4a2b-9c3d-0123456789ab", " ", false)]
    [InlineData(null, "19:experts@thread.tacv2", false)]
    public void Experts_channel_and_delivery_are_registered_only_with_teams_on_and_a_channel(string? appId, string? channel, bool registered)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = appId,
            ["Experts:TeamsChannel"] = channel,
        }).Build();

        var services = new ServiceCollection().AddTeams(configuration);

        Assert.Equal(registered, services.Any(d => d.ServiceType == typeof(IExpertChannel)));
        Assert.Equal(registered, services.Any(d => d.ServiceType == typeof(IExpertAnswerDelivery)));
    }
}
