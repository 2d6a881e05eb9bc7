using System.Text;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.UnitTests.Onboarding;

public sealed class CheckQuestionLoaderTests
{
    private const string File = "knowledge/onboarding.yml";

    private static readonly KnowledgeBase Knowledge = new([Document("photo-policy", """
        Photo Policy

        Q: Can I post photos of students?

        - Not on personal accounts.

        Q: Can I “friend” parents?

        - Use extreme caution.
        """)], []);

    private static GuidelineDocument Document(string id, string text) =>
        KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(text), id + ".txt", $"knowledge/{id}.txt");

    [Fact]
    public void A_question_on_the_section_that_became_the_introduction_names_it_by_its_own_heading()
    {
        var knowledge = new KnowledgeBase([Document("leave", "Leave Rules\n\n1. Purpose\n\nHow staff take leave.\n\n2. Requesting leave\n\nAsk five days ahead.\n")], []);

        var (questions, errors) = CheckQuestionLoader.Parse("""
            leave:
              - section: "1. Purpose"
                prompt: "What are these rules for?"
                choices: ["Taking leave", "Parking"]
                correct: 1
            """, File, knowledge);

        Assert.Empty(errors);
        Assert.True(Assert.Single(questions).Section.IsIntroduction);
        Assert.Equal("How staff take leave.", questions[0].Section.Text);
    }

    [Fact]
    public void A_heading_two_sections_share_under_different_headings_is_named_with_its_own_and_alone_is_an_error()
    {
        // It was tied to the first of the two, silently.
        var trips = new GuidelineDocument[] { KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(
            "# Field Trips\n\n## Elementary schools\n\n### Chaperones\n\nOne for every six.\n\n## High schools\n\n### Chaperones\n\nOne for every fifteen.\n"),
            "trips.md", "knowledge/trips.md") };
        var knowledge = new KnowledgeBase(trips, []);

        var (questions, errors) = CheckQuestionLoader.Parse("""
            trips:
              - section: "High schools › Chaperones"
                prompt: "Chaperones for 30 high school students?"
                choices: ["Two", "Five"]
                correct: 1
              - section: "Chaperones (Elementary schools)"
                prompt: "Chaperones for 12 elementary students?"
                choices: ["Two", "One"]
                correct: 1
              - section: "Chaperones"
                prompt: "Chaperones for 12 students?"
                choices: ["Two", "One"]
                correct: 1
            """, File, knowledge);

        Assert.Equal(["fifteen", "six"], questions.Select(q => q.Section.Text.Contains("fifteen", StringComparison.Ordinal) ? "fifteen" : q.Section.Text.Contains("six", StringComparison.Ordinal) ? "six" : "?"));
        var error = Assert.Single(errors);
        Assert.Equal("'Chaperones' heads 2 sections of trips: name one with the heading it stands under (Elementary schools › Chaperones | High schools › Chaperones)", error.Message);
    }

    [Fact]
    public void Valid_questions_are_tied_to_their_sections_by_heading_text()
    {
        var (questions, errors) = CheckQuestionLoader.Parse("""
            photo-policy:
              - section: "Can I post photos of students?"
                prompt: "Photos on your own Instagram?"
                choices: ["Yes", "No"]
                correct: 2
                explanation: "Use the class account."
              - section: 'can i "friend" parents'
                prompt: "Friend a parent?"
                choices:
                  - "Sure"
                  - "Extreme caution"
                correct: 2
            """, File, Knowledge);

        Assert.Empty(errors);
        Assert.Equal(2, questions.Count);
        Assert.Equal("Can I post photos of students?", questions[0].Section.Heading);
        Assert.Equal(2, questions[0].Correct);
        Assert.Equal("Use the class account.", questions[0].Explanation);
        Assert.Equal("Can I “friend” parents?", questions[1].Section.Heading); // quote style and case ignored
        Assert.Equal(7, questions[1].Line);
    }

    [Theory]
    [InlineData("photo-policy:\n  - section: \"Can I post photos of students?\"\n    prompt: \"P\"\n    choices: [\"A\", \"B\"]\n    correct: 3\n", 5, "'correct' must be the number of the right choice, 1 to 2")]
    [InlineData("photo-policy:\n  - section: \"Is lunch free?\"\n    prompt: \"P\"\n    choices: [\"A\", \"B\"]\n    correct: 1\n", 2, "no section headed 'Is lunch free?' in photo-policy")]
    [InlineData("no-such-doc:\n  - section: x\n", 1, "no document 'no-such-doc'")]
    [InlineData("photo-policy:\n  - section: \"Can I post photos of students?\"\n    prompt: \"P\"\n    choices: [\"Only one\"]\n    correct: 1\n", 4, "at least two")]
    [InlineData("photo-policy:\n  - section: \"Can I post photos of students?\"\n    choices: [\"A\", \"B\"]\n    correct: 1\n", 2, "'prompt' is missing")]
    [InlineData("photo-policy:\n  - section: \"Can I post photos of students?\"\n    prompt: P\n    choices: [A, B]\n    corect: 1\n", 5, "unknown key 'corect'")]
    [InlineData("photo-policy:\n  - section: [unclosed\n", 3, "not valid YAML")]
    public void A_malformed_question_is_reported_with_file_and_line(string yaml, int line, string message)
    {
        var (questions, errors) = CheckQuestionLoader.Parse(yaml, File, Knowledge);

        Assert.Empty(questions);
        var error = Assert.Single(errors);
        Assert.Equal(File, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{File}:{line}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_is_built()
    {
        var (questions, errors) = CheckQuestionLoader.Parse(GuidelineBot.UnitTests.Knowledge.MarkdownAndFrontMatterTests.AliasBomb(), File, Knowledge);

        Assert.Empty(questions);
        Assert.Equal(1, Assert.Single(errors).Line);
        Assert.Contains("anchors (&name) are not allowed here", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_question_does_not_drop_the_good_ones()
    {
        var (questions, errors) = CheckQuestionLoader.Parse("""
            photo-policy:
              - section: "Nope"
                prompt: P
                choices: [A, B]
                correct: 1
              - section: "Can I post photos of students?"
                prompt: Q
                choices: [A, B]
                correct: 1
            """, File, Knowledge);

        Assert.Equal("Q", Assert.Single(questions).Prompt);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void Catalog_defaults_to_all_documents_and_rejects_an_unknown_configured_one()
    {
        var other = Document("dress-code", "Dress Code\n\nQ: Jeans on Friday?\n\n- Yes.\n");
        var knowledge = new KnowledgeBase([Knowledge.Documents[0], other], []);

        Assert.Equal(["photo-policy", "dress-code"],
            OnboardingCatalog.Create(knowledge, new OnboardingOptions(), [], []).Documents.Select(d => d.Document.Id));
        Assert.Equal(["dress-code"],
            OnboardingCatalog.Create(knowledge, new OnboardingOptions { Documents = ["Dress Code"] }, [], []).Documents.Select(d => d.Document.Id));

        var ex = Assert.Throws<InvalidOperationException>(() =>
            OnboardingCatalog.Create(knowledge, new OnboardingOptions { Documents = ["handbook"] }, [], []));
        Assert.Contains("Onboarding:Documents names 'handbook'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_onboarding_file_loads_without_errors()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!System.IO.File.Exists(Path.Combine(root!.FullName, "GuidelineBot.sln")))
        {
            root = root.Parent;
        }

        var options = new KnowledgeOptions { Path = Path.Combine(root.FullName, "knowledge") };
        var catalog = OnboardingCatalog.Load(KnowledgeLoader.Load(options), options, new OnboardingOptions());

        Assert.Empty(catalog.Errors);
        var seed = Assert.Single(catalog.Documents);
        Assert.InRange(seed.Questions.Count, 4, 6);
        Assert.All(seed.Questions, q => Assert.InRange(q.Correct, 1, q.Choices.Count));
    }
}
