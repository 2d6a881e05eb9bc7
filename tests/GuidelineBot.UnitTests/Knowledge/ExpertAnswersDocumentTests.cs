using System.Text;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests.Knowledge;

public sealed class ExpertAnswersDocumentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 23, 30, 0, TimeSpan.Zero);

    private static KnowledgeSuggestion Approved(string id, string question, string answer, string expert, DateTimeOffset suggested, DateTimeOffset decided) =>
        new(id, "tk-" + id, "an-" + id, question, answer, new ExpertRef("slack", "U" + id, expert), suggested, SuggestionStatus.Approved, decided, "admin");

    private static readonly KnowledgeSuggestion Drones = Approved("sg-drone", "Can I fly a drone over the school field?",
        "Only with written permission from the principal.\n\n- Never over pupils at recess.\n- Register the drone first.", "Ana Expert", T0, T0.AddDays(1));

    private static readonly KnowledgeSuggestion Podcasts = Approved("sg-pod", "May I record a class podcast?",
        "Yes, with parental consent for every voice recorded.", "Ben Expert", T0.AddHours(-5), T0.AddDays(3));

    private static GuidelineDocument ParseAsFile(string markdown) =>
        KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(markdown), ExpertAnswersDocument.FileName, "knowledge/" + ExpertAnswersDocument.FileName);

    [Fact]
    public void Each_approved_answer_is_a_section_headed_by_its_question_oldest_suggestion_first()
    {
        var document = ExpertAnswersDocument.Build([Drones, Podcasts])!;

        Assert.Equal("Expert answers", document.Title);
        Assert.Equal(ExpertAnswersDocument.DocumentId, document.Id);
        Assert.Equal(["May I record a class podcast?", "Can I fly a drone over the school field?"], document.Sections.Select(s => s.Heading));
        Assert.Equal("Yes, with parental consent for every voice recorded.", document.Sections[0].Text);
        Assert.Equal(
            "Only with written permission from the principal.\n\nNever over pupils at recess.\n\nRegister the drone first.",
            document.Sections[1].Text);
        Assert.All(document.Sections, s => Assert.Equal("Expert answers", s.DocumentTitle));
    }

    [Fact]
    public void An_answer_to_a_question_that_reads_like_an_introductions_heading_is_still_an_answer()
    {
        var overview = Approved("sg-overview", "Overview", "The district's overview of drones is in the handbook.", "Ana Expert", T0.AddDays(-9), T0);

        var document = ExpertAnswersDocument.Build([overview, Drones])!;

        Assert.Equal(["Overview", "Can I fly a drone over the school field?"], document.Sections.Select(s => s.Heading));
        Assert.All(document.Sections, s => Assert.False(s.IsIntroduction));
    }

    [Fact]
    public void Each_section_names_its_expert_as_owner_and_its_approval_date_as_last_reviewed_in_the_citation()
    {
        var document = ExpertAnswersDocument.Build([Drones, Podcasts])!;

        var drones = document.Sections.Single(s => s.Heading.Contains("drone", StringComparison.Ordinal));
        Assert.Equal(new DocumentMetadata(null, "Ana Expert", new DateOnly(2026, 9, 2)), drones.Metadata);
        Assert.Equal("Expert answers › Can I fly a drone over the school field? (owner: Ana Expert; last reviewed 2026-09-02)", drones.Citation);
        Assert.Null(drones.Location); // no file: store/expert-answers.md exists nowhere
        Assert.Equal("Ben Expert", document.Sections.Single(s => s.Heading.Contains("podcast", StringComparison.Ordinal)).Metadata?.Owner);
    }

    [Fact]
    public void Section_ids_are_stable_when_other_answers_are_approved_or_withdrawn()
    {
        var both = ExpertAnswersDocument.Build([Drones, Podcasts])!;
        var one = ExpertAnswersDocument.Build([Drones])!;

        var id = both.Sections.Single(s => s.Heading.Contains("drone", StringComparison.Ordinal)).Id;
        Assert.Equal(id, Assert.Single(one.Sections).Id);
        Assert.Equal($"{ExpertAnswersDocument.DocumentId}#sg-drone", id);
        Assert.Equal(2, both.Sections.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Only_approved_suggestions_count_and_none_means_no_document()
    {
        Assert.Null(ExpertAnswersDocument.Build([Drones with { Status = SuggestionStatus.Pending }, Podcasts with { Status = SuggestionStatus.Rejected }]));
        Assert.Null(ExpertAnswersDocument.ToMarkdown([]));
        Assert.Single(ExpertAnswersDocument.Build([Drones, Podcasts with { Status = SuggestionStatus.Rejected }])!.Sections);
    }

    [Fact]
    public void The_markdown_loaded_as_a_knowledge_file_has_the_same_sections_and_says_who_answered_in_comments()
    {
        var markdown = ExpertAnswersDocument.ToMarkdown([Drones, Podcasts])!;
        var live = ExpertAnswersDocument.Build([Drones, Podcasts])!;

        var file = ParseAsFile(markdown);

        Assert.Equal("Expert answers", file.Title);
        Assert.Equal(live.Sections.Select(s => (s.Heading, s.Text)), file.Sections.Select(s => (s.Heading, s.Text)));
        Assert.StartsWith("# Expert answers\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Can I fly a drone over the school field?\n", markdown, StringComparison.Ordinal);
        Assert.Contains("<!-- owner: Ana Expert; last reviewed: 2026-09-02; suggestion: sg-drone -->", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_hash_changes_with_an_edit_a_new_approver_date_or_a_new_answer()
    {
        var hash = ExpertAnswersDocument.Build([Drones])!.ContentHash;

        Assert.Equal(hash, ExpertAnswersDocument.Build([Drones])!.ContentHash);
        Assert.NotEqual(hash, ExpertAnswersDocument.Build([Drones with { Answer = "Never." }])!.ContentHash);
        Assert.NotEqual(hash, ExpertAnswersDocument.Build([Drones with { DecidedAt = T0.AddDays(9) }])!.ContentHash);
        Assert.NotEqual(hash, ExpertAnswersDocument.Build([Drones with { Expert = Drones.Expert with { DisplayName = "Cy" } }])!.ContentHash);
        Assert.NotEqual(hash, ExpertAnswersDocument.Build([Drones, Podcasts])!.ContentHash);
    }

    [Theory]
    [InlineData("## Also\nOnly with permission.")]
    [InlineData("Only with permission.\n---")]
    [InlineData("Only with permission.\n===")]
    [InlineData("**Is that all?**\nOnly with permission.")]
    [InlineData("Q: and then?\nOnly with permission.")]
    [InlineData("```\nOnly with permission.")]
    [InlineData("<!-- Only with permission.")]
    [InlineData("# Only with permission.\n\n### Really?")]
    public void Markdown_in_an_answer_never_adds_sections_or_hides_the_answer(string answer)
    {
        var tricky = Drones with { Answer = answer };

        var document = ExpertAnswersDocument.Build([tricky, Podcasts])!;
        var file = ParseAsFile(ExpertAnswersDocument.ToMarkdown([tricky, Podcasts])!);

        Assert.Equal(2, document.Sections.Count);
        Assert.Contains("Only with permission.", document.Sections[1].Text, StringComparison.Ordinal);
        Assert.Equal(document.Sections.Select(s => (s.Heading, s.Text)), file.Sections.Select(s => (s.Heading, s.Text)));
    }

    [Theory]
    [InlineData("Ann --->")]
    [InlineData("Ann -->")]
    [InlineData("Ann ---- -->\n## Injected")]
    public void An_experts_name_never_closes_the_comment_it_is_kept_in(string name)
    {
        var named = Drones with { Expert = Drones.Expert with { DisplayName = name } };

        var file = ParseAsFile(ExpertAnswersDocument.ToMarkdown([named, Podcasts])!);

        var plain = ExpertAnswersDocument.Build([Drones, Podcasts])!.Sections.Select(s => s.Text).Order().ToArray();
        Assert.Equal(2, file.Sections.Count);
        Assert.Equal(plain, file.Sections.Select(s => s.Text).Order());
        Assert.Equal(plain, ExpertAnswersDocument.Build([named, Podcasts])!.Sections.Select(s => s.Text).Order());
    }

    [Fact]
    public void A_multi_line_question_is_one_heading_and_an_answer_with_no_text_is_left_out()
    {
        var document = ExpertAnswersDocument.Build([
            Drones with { Question = "Can I fly\n  a drone?" },
            Podcasts with { Answer = "---\n\n---" },
        ])!;

        Assert.Equal("Can I fly a drone?", Assert.Single(document.Sections).Heading);
    }

    [Theory]
    [InlineData("Can I fly a drone?", "###")]
    [InlineData("Can I fly a drone?", "<!-- -->")]
    [InlineData("Can I fly a drone?", "-->")]
    [InlineData("Can I fly a drone?", "?!\n\n* * *\n\n...")]
    [InlineData("???", "Only with written permission.")]
    [InlineData("## **", "Only with written permission.")]
    public void A_question_or_answer_of_marks_alone_is_not_publishable_and_is_left_out(string question, string answer)
    {
        var marks = Drones with { Question = question, Answer = answer };

        Assert.False(ExpertAnswersDocument.IsPublishable(question, answer));
        Assert.Equal(Podcasts.Question, Assert.Single(ExpertAnswersDocument.Build([marks, Podcasts])!.Sections).Heading);
        Assert.True(ExpertAnswersDocument.IsPublishable("Can I fly a drone?", "No.\n\n---"));
        Assert.True(ExpertAnswersDocument.IsPublishable("Drones?", "42"));
    }
}
