using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
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

    [Fact]
    public void A_linked_citation_keeps_the_documents_owner_and_review_date()
    {
        var metadata = new DocumentMetadata("https://example.org/p", "Director of Technology", new DateOnly(2025, 8, 1));
        var section = new GuidelineSection("d#s", "d", "Email", "Can I text students?", [new Passage("No.", 5, 5)], "knowledge/d.md", 5, 5,
            metadata.SourceUrl, Metadata: metadata);

        var citation = MessageContent.Citation(section);

        Assert.Equal("📄 Source: Email › Can I text students? (owner: Director of Technology; last reviewed 2025-08-01)", citation.PlainText);
        Assert.Equal("https://example.org/p", Assert.Single(citation.Spans, s => s.Url is not null).Url);
        Assert.Equal("📄 Source: Email › Can I text students?", MessageContent.Citation(section with { Metadata = null }).PlainText);
    }
}
