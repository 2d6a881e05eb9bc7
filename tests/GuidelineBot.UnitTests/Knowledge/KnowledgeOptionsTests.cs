using GuidelineBot.Core.Knowledge;
using GuidelineBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary><c>Knowledge:PollSeconds</c> is validated when the engine starts.</summary>
public sealed class KnowledgeOptionsTests
{
    private static KnowledgeOptions Resolve(string pollSeconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = TestPaths.Knowledge, ["Knowledge:PollSeconds"] = pollSeconds })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddGuidelineEngine(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("61")]
    public void A_poll_interval_outside_a_tenth_of_a_second_to_a_minute_is_refused(string seconds)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(seconds));
        Assert.Contains("PollSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_checks_every_two_seconds_and_a_shorter_interval_is_kept()
    {
        Assert.Equal(2, new KnowledgeOptions().PollSeconds);
        Assert.Equal(0.5, Resolve("0.5").PollSeconds);
    }
}
