using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.UnitTests.Conversation;

/// <summary>The wording of onboarding and expert messages, as every channel's text renders it.</summary>
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

    [Fact]
    public void The_text_of_a_partial_answer_says_it_is_a_part_and_lists_related_topics_but_no_show_the_whole_section()
    {
        var passages = new[] { new Passage(new string('a', 600) + ".", 3, 3), new Passage("Mileage goes on line 7.", 5, 5) };
        var section = new GuidelineSection("d#s", "d", "Travel", "How do I claim mileage?", passages, "knowledge/d.md", 3, 5, null);
        var related = section with { Id = "d#t", Heading = "Who do I ask?" };
        var answer = new AnswerMessage(new AnswerReply("line 7?", section, passages[1].Text, 0.9, [related]), "q1");

        var text = MessageText.Render(answer);

        Assert.Contains(MessageContent.PartialNote, text, StringComparison.Ordinal);
        Assert.Contains(answer.Content, b => b is ActionsBlock { Actions: [{ Label: MessageContent.WholeSectionLabel }] });
        Assert.DoesNotContain(MessageContent.WholeSectionLabel, text, StringComparison.Ordinal);
        Assert.Contains("Who do I ask?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_of_one_heading_under_different_headings_are_told_apart_by_them()
    {
        // "## Elementary schools / ### Chaperones" and "## High schools / ### Chaperones": the citation, the topics list and
        // the buttons said "Chaperones" for both, and the loader warned of a repeated heading.
        using var folder = new TestPaths.TempFolder();
        folder.Write("trips.md", """
            # Field Trip Handbook

            ## Elementary schools

            ### Chaperones

            One adult for every six students.

            ## High schools

            ### Chaperones

            One adult for every fifteen students.

            ### Permission slips

            Signed in the parent portal.
            """);
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });
        var doc = Assert.Single(knowledge.Documents);
        var (elementary, high, slips) = (doc.Sections[^3], doc.Sections[^2], doc.Sections[^1]);

        Assert.Equal($"📄 Source: Field Trip Handbook › High schools › Chaperones ({high.SourceFile}:11-13)", MessageContent.Citation(high).PlainText);
        var topics = MessageText.Render(new TopicsMessage(new TopicsReply("topics", [doc])));
        Assert.Contains("Elementary schools › Chaperones", topics, StringComparison.Ordinal);
        Assert.Contains("High schools › Chaperones", topics, StringComparison.Ordinal);
        var answer = new AnswerMessage(new AnswerReply("permission slips", slips, slips.Text, 0.9, [high, elementary]), "q1");
        Assert.Equal(["Chaperones (High schools)", "Chaperones (Elementary schools)"],
            answer.Content.OfType<ActionsBlock>().SelectMany(b => b.Actions).Where(a => a.Kind == ActionKind.Ask).Select(a => a.Label));
        Assert.Empty(knowledge.Errors);
    }

    [Fact]
    public void Counts_of_one_are_singular()
    {
        var one = MessageText.Render(new OnboardingMessage(new OnboardingGreeting("Dana", "d", "Field Trip Guidelines", 1, 1, 1, 1, 1)));
        var many = MessageText.Render(new OnboardingMessage(new OnboardingGreeting("Dana", "d", "Field Trip Guidelines", 12, 4, 9, 1, 1)));

        Assert.Contains("Field Trip Guidelines: 1 topic and 1 quick check question, about 1 minute.", one, StringComparison.Ordinal);
        Assert.Contains("Field Trip Guidelines: 12 topics and 4 quick check questions, about 9 minutes.", many, StringComparison.Ordinal);
        Assert.Equal("0 topics", MessageContent.Count(0, "topic"));
    }

    [Theory]
    [InlineData(0.87, 1, "Bot's best guess: Pets at school (confidence 0.87)", "after 1 hour")]
    [InlineData(0.004, 30, "Bot's best guess: Pets at school (confidence below 0.01)", "after 30 hours")]
    [InlineData(0.31, 49, "Bot's best guess: Pets at school (confidence 0.31)", "after 2 days")]
    public void A_tickets_guess_gives_its_confidence_without_claiming_the_bot_declined(double confidence, int hours, string guess, string age)
    {
        var asked = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var ticket = new Ticket("t0000000000abc123", "can I bring my dog?", null,
            new ExpertAsker(Channels.Slack, "U1", "Pat", "T1", "C1", false, null), "doc#pets", "Pets at school", confidence, asked);

        var text = MessageText.Render(new ExpertTicketMessage(ticket, Channels.Teams, Reminder: true, asked.AddHours(hours)));

        Assert.Contains(guess, text, StringComparison.Ordinal);
        Assert.Contains("Still unanswered " + age + " — ticket", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not enough to answer", text, StringComparison.Ordinal);
    }
}
