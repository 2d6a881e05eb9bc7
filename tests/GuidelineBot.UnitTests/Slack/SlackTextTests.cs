using GuidelineBot.Core.Conversation;
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

    [Theory]
    [InlineData("From Slack: see the *menu* at <https://example.org/menu|the district site> &amp; ask <@UEXP2>",
        "From Slack: see the *menu* at the district site (https://example.org/menu) & ask @Dana Lee")]
    [InlineData("ask <@UEXP2|dana> or <@UNOBODY|sam>, or write to <mailto:hr@example.org|hr@example.org>", "ask @Dana Lee or @sam, or write to hr@example.org")]
    [InlineData("<!channel> the form is at <https://example.org/form> in <#C123|forms>", "the form is at https://example.org/form in #forms")]
    [InlineData("by <!date^1392734382^{date}|Feb 18, 2014>, ask <!subteam^S123|@hr-team>", "by Feb 18, 2014, ask @hr-team")]
    [InlineData(null, "")]
    public void An_expert_s_answer_keeps_link_addresses_and_names_the_people_it_mentions(string? text, string expected) =>
        Assert.Equal(expected, SlackText.ToAnswer(text, new Dictionary<string, string> { ["UEXP2"] = "Dana Lee" }));

    [Fact]
    public void The_bot_s_own_mention_is_left_out_of_an_answer() =>
        Assert.Equal("yes, with the form", SlackText.ToAnswer("<@U0BOT> yes, with the form", new Dictionary<string, string> { ["U0BOT"] = "GuidelineBot" }, "U0BOT"));

    [Theory]
    [InlineData("<@UEXP2> not sure, do you know?", true)]
    [InlineData("  <@UEXP2|dana> do you know?", true)]
    [InlineData("<!here> anyone?", true)]
    [InlineData("+1", true)]
    [InlineData("-1.", true)]
    [InlineData(":thumbsup: :100::skin-tone-2:", true)]
    [InlineData(":+1:", true)]
    [InlineData("👍", true)]
    [InlineData("...", true)]
    [InlineData("see :point_right: the form", false)]
    [InlineData("<@U0BOT> +1", false)] // addressed to the bot: an answer (refused or not by the core)
    [InlineData("<@U0BOT> <@UEXP2> keeps the form", false)]
    [InlineData("<@U0BOT> yes, with the form", false)]
    [InlineData("Yes; <@UEXP2> keeps the form", false)]
    [InlineData("<https://example.org/form>", false)]
    [InlineData("10", false)] // "how many sick days?": digits are an answer
    [InlineData("$25", false)]
    [InlineData("555-0100", false)]
    [InlineData("", false)] // a file alone: the core says it has no words
    [InlineData("*<@UEXP2>* can you take this?", true)]
    [InlineData("&gt; <@UEXP2> said ask HR", true)]
    [InlineData("\u200B<@UEXP2> do you know?", true)]
    [InlineData("+1!", true)]
    [InlineData("+1 :tada:", true)]
    [InlineData("+1 +1", true)]
    [InlineData("👍 +1", true)]
    [InlineData("+100", true)]
    [InlineData("\u22121", true)] // a typographic minus
    [InlineData("+1 the form is on the intranet", false)]
    [InlineData("<!date^1392734382^{date}|Feb 18, 2014> is the deadline", false)]
    [InlineData("<!subteam^S123|@hr-team> can you confirm?", true)]
    public void A_thread_reply_that_addresses_someone_or_is_a_reaction_is_discussion(string text, bool discussion) =>
        Assert.Equal(discussion, SlackText.ReplyKind(text, "U0BOT") != ExpertReplyKind.Answer);

    [Theory]
    [InlineData("<@UEXP2> not sure, do you know?", true)]
    [InlineData("<!here> anyone?", true)]
    [InlineData("+1", false)]
    [InlineData("<@U0BOT> <@UEXP2> keeps the form", false)]
    public void Only_a_reply_that_addresses_someone_tells_its_author_it_stayed(string text, bool told) =>
        Assert.Equal(told, SlackText.ReplyKind(text, "U0BOT") == ExpertReplyKind.AddressedToSomeone);

    [Fact]
    public void The_people_mentioned_are_found_once_each() =>
        Assert.Equal(["UEXP2", "UEXP3"], SlackText.MentionedUsers("<@UEXP2> and <@UEXP3|sam> and <@UEXP2> <!here> <#C1|x>"));
}
