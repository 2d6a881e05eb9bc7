using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.UnitTests.Conversation;

/// <summary>The wording of onboarding messages, as every channel's text renders it.</summary>
public sealed class MessageContentTests
{
    [Fact]
    public void A_pause_says_where_it_stopped()
    {
        var text = MessageText.Render(new OnboardingMessage(new OnboardingPaused("topic 3 of 12 of the Staff Handbook")));

        Assert.StartsWith("Paused at topic 3 of 12 of the Staff Handbook. Type resume", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_names_each_acknowledged_document_with_its_article()
    {
        var text = MessageText.Render(new OnboardingMessage(new OnboardingSummary(["Staff Handbook", "Field Trip Guidelines"], [], "the office")));

        Assert.Contains("You have read and acknowledged the Staff Handbook, the Field Trip Guidelines", text, StringComparison.Ordinal);
    }
}
