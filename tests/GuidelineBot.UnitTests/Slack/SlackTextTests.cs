using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Rendering;

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

    [Fact]
    public void Answer_button_value_round_trips_and_stays_within_the_limit()
    {
        var value = new AnswerButtonValue("doc#section", "can I post photos?");
        Assert.Equal(value, AnswerButtonValue.Decode(value.Encode()));

        var long_ = new AnswerButtonValue("doc#section", new string('q', 5000)).Encode();
        Assert.Equal(Mrkdwn.MaxButtonValue, long_.Length);
        Assert.Equal("doc#section", AnswerButtonValue.Decode(long_)!.SectionId);
    }
}
