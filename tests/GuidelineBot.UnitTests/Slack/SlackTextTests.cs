using GuidelineBot.Slack.Events;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<@U0BOT> can I post photos?", "can I post photos?")]
    [InlineData("<@U0BOT|guidelinebot> hi", "hi")]
    [InlineData("<!here> Q&amp;A &lt;rules&gt;", "Q&A <rules>")]
    [InlineData("see <https://example.org/policy|the policy> in <#C123|general>", "see the policy in #general")]
    [InlineData("link <https://example.org>", "link https://example.org")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Slack_markup_becomes_a_plain_question(string? text, string expected) =>
        Assert.Equal(expected, SlackText.ToQuestion(text));
}
