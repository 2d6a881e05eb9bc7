using System.Net;


namespace GuidelineBot.IntegrationTests;

public sealed class HealthTests(GuidelineBotFactory factory) : IClassFixture<GuidelineBotFactory>
{
    [Fact]
    public async Task Healthz_is_200_once_the_index_is_loaded()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
