using System.Globalization;
using System.Text;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests.Knowledge;

public sealed class MarkdownAndFrontMatterTests
{
    private const string Markdown = """
        ---
        title: Email Guidelines
        source: https://example.org/policies/email
        owner: Director of Technology
        last_reviewed: 2025-08-01
        ---
        # Ignored Because Front Matter Names The Title

        These rules cover **all** district email.

        ## Can I text students?

        - *Never* text a student from a personal phone.
          - Use the district messaging app instead.
        - See [the policy](https://example.org/p) for `details`.

        ## Response times

        Reply to parents within
        two school days.

        ### During holidays

        No reply is expected until school resumes.
        """;

    private static GuidelineDocument Parse(string text, string file = "email.md") =>
        KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(text), file, "knowledge/" + file);

    [Fact]
    public void Headings_become_sections_with_the_intro_first()
    {
        var doc = Parse(Markdown);
        Assert.Equal("Email Guidelines", doc.Title);
        Assert.Equal(["About these guidelines", "Can I text students?", "Response times", "During holidays"], doc.Sections.Select(s => s.Heading));
        Assert.Equal("Response times", doc.Sections[3].ParentHeading);
    }

    [Fact]
    public void A_document_whose_every_heading_is_a_first_level_one_has_its_title_then_a_section_per_heading()
    {
        // As some editors export a document: the first section's heading was read as a second title, and its text became
        // the introduction, so questions about it found nothing.
        var doc = Parse("""
            # Chromebook Cart Guidelines

            # Checking out a cart

            Reserve the cart in the library calendar at least one day ahead.

            # Returning the cart

            Plug every Chromebook into its numbered slot and lock the cart.
            """, "carts.md");

        Assert.Equal("Chromebook Cart Guidelines", doc.Title);
        Assert.Equal(["Checking out a cart", "Returning the cart"], doc.Sections.Select(s => s.Heading));
        Assert.Equal("Reserve the cart in the library calendar at least one day ahead.", doc.Sections[0].Text);
    }

    [Fact]
    public void Emphasis_links_and_code_are_reduced_to_text_and_nesting_kept()
    {
        var text = Parse(Markdown).Sections[1];
        Assert.Equal(2, text.Passages.Count);
        Assert.Equal("Never text a student from a personal phone.\n  - Use the district messaging app instead.", text.Passages[0].Text);
        Assert.Equal("See the policy (https://example.org/p) for details.", text.Passages[1].Text);
        Assert.Equal("These rules cover all district email.", Parse(Markdown).Sections[0].Text);
    }

    [Fact]
    public void A_footnote_is_read_where_it_is_referenced_not_at_the_end_of_the_last_section()
    {
        var doc = Parse("# Leave Policy\n\nHow staff take leave.[^1]\n\n## Sick leave\n\nCall before 7 a.m.[^note]\n\n## Holidays\n\n"
                        + "Book two weeks ahead.\n\n[^1]: Approved by the board in 2024.\n[^note]: Or text the absence line.\n", "leave.md");

        Assert.Equal("How staff take leave. (Approved by the board in 2024.)", doc.Sections[0].Text);
        Assert.Equal("Call before 7 a.m. (Or text the absence line.)", doc.Sections[1].Text);
        Assert.Equal("Book two weeks ahead.", doc.Sections[2].Text);

        // In emphasis and table cells too; a note nothing refers to stays text where it was written.
        var more = Parse("# Leave\n\n## Annual\n\n*Unused leave is lost.[^2]*\n\n| Day | Rate |\n| --- | --- |\n| Sun | 2x[^3] |\n\n"
                         + "[^2]: Unless agreed.\n[^3]: Double time.\n[^4]: An orphan note.\n", "annual.md");
        Assert.Equal(["Unused leave is lost. (Unless agreed.)", "Day: Sun — Rate: 2x (Double time.)", "An orphan note."],
            more.Sections[0].Passages.Select(p => p.Text));
    }

    [Fact]
    public void A_paragraph_that_looks_like_a_link_definition_keeps_its_own_line()
    {
        var section = Parse("# Doc\n\n## Section\n\nText one.\n\n[a]: Approved by the board in 2024.\n\nMore text.\n", "d.md").Sections[0];

        Assert.Equal([(5, 5, "Text one."), (7, 7, "[a]: Approved by the board in 2024."), (9, 9, "More text.")],
            section.Passages.Select(p => (p.StartLine, p.EndLine, p.Text)));
    }

    [Fact]
    public void A_setext_heading_that_starts_like_a_link_label_keeps_its_own_lines()
    {
        // Markdig numbers such a heading's first inline from the top of the text; the parser once read line -1 and threw.
        // (The underline takes the line above it; the line before is text.)
        var doc = Parse("# Doc\n\nIntro text.\n\n[A2] Room booking\nKeys\n---\n\nAsk the office.\n", "d.md");

        Assert.Equal([(3, 3, "Intro text."), (5, 5, "[A2] Room booking")], doc.Sections[0].Passages.Select(p => (p.StartLine, p.EndLine, p.Text)));
        Assert.Equal(("Keys", 6, 9), (doc.Sections[1].Heading, doc.Sections[1].StartLine, doc.Sections[1].EndLine));
        var questions = Parse("Can I park here?\n\nYes, in bay 4.\n\nWho has the keys?\n\n[A2] The office\nhas them.\n---\n", "q.md");
        Assert.Equal([("Can I park here?", "Yes, in bay 4."), ("Who has the keys?", "[A2] The office")], questions.Sections.Select(s => (s.Heading, s.Text)));
    }

    [Fact]
    public void Links_keep_their_web_or_mail_address_in_text_but_not_in_headings()
    {
        var doc = Parse("""
            # Staff Leave

            ## How do I request leave?

            Fill in the [leave form](https://hr.example.org/leave.pdf) or email [HR](mailto:hr@example.org) or [hr@example.org](mailto:hr@example.org).
            See [www.example.org](https://www.example.org/), [sick leave](#sick-leave), [the forms](forms/index.md), ![logo](https://example.org/l.png)
            and the [ref link][1], [a link over
            two lines](https://example.org/two).

            | Form | Where |
            | --- | --- |
            | Leave | [Portal](https://portal.example.org) |

            [1]: https://example.org/ref

            ## [Sick leave](https://hr.example.org/sick)

            Call in before 7 a.m.
            """, "leave.md");

        Assert.Equal(["How do I request leave?", "Sick leave"], doc.Sections.Select(s => s.Heading));
        Assert.Equal("Fill in the leave form (https://hr.example.org/leave.pdf) or email HR (hr@example.org) or hr@example.org. "
                     + "See www.example.org, sick leave, the forms, logo and the ref link (https://example.org/ref), "
                     + "a link over two lines (https://example.org/two).", doc.Sections[0].Passages[0].Text);
        Assert.Equal("Form: Leave — Where: Portal (https://portal.example.org)", doc.Sections[0].Passages[1].Text);
    }

    [Fact]
    public void Wrapped_lines_are_joined()
    {
        Assert.Equal("Reply to parents within two school days.", Parse(Markdown).Sections[2].Text);
    }

    [Fact]
    public void Front_matter_fills_metadata_and_the_citation_uses_the_url()
    {
        var doc = Parse(Markdown);
        Assert.Equal("https://example.org/policies/email", doc.Metadata.SourceUrl);
        Assert.Equal("Director of Technology", doc.Metadata.Owner);
        Assert.Equal(new DateOnly(2025, 8, 1), doc.Metadata.LastReviewed);
        Assert.Equal("Email Guidelines › Response times (https://example.org/policies/email; owner: Director of Technology; last reviewed 2025-08-01)",
            doc.Sections[2].Citation);
    }

    [Fact]
    public void A_static_sites_update_date_and_author_stand_for_the_review_date_and_owner_when_they_are_missing()
    {
        var docusaurus = Parse("---\ntitle: Animals\nlast_update:\n  date: 2024-08-12\n  author: Office of Environmental Health & Safety\n---\n\n# Animals\n\n## Approval\n\nAsk first.\n");
        var hugo = Parse("---\ntitle: Parking\nlastmod: 2024-09-03T10:30:00-07:00\nauthor: Facilities\nowner: Transportation Office\n---\n\n# Parking\n\n## Permits\n\nHang the tag.\n");
        var notADate = Parse("---\ntitle: Keys\nlast_modified_at: last spring\n---\n\n# Keys\n\n## Requests\n\nUse Form FM-14.\n");

        Assert.Equal((new DateOnly(2024, 8, 12), "Office of Environmental Health & Safety"), (docusaurus.Metadata.LastReviewed, docusaurus.Metadata.Owner));
        Assert.Equal((new DateOnly(2024, 9, 3), "Transportation Office"), (hugo.Metadata.LastReviewed, hugo.Metadata.Owner));
        Assert.Null(notADate.Metadata.LastReviewed);
        Assert.Equal("Use Form FM-14.", notADate.Sections[0].Text);
    }

    [Fact]
    public void Hugos_toml_front_matter_gives_the_title_date_and_author_and_is_no_text()
    {
        var doc = Parse("+++\ntitle = \"Tutoring & Extra Duty Pay\"\nlastmod = 2025-01-27T14:32:10-08:00\nweight = 20\ntags = [\"payroll\", \"tutoring\"]\n\n"
                        + "[params]\n  department = \"Payroll\"\n\n[last_update]\n  author = \"Certificated Payroll\"\n+++\n\nHow tutoring is paid.\n\n## Rates\n\n$48.50 an hour.\n");

        Assert.Equal("Tutoring & Extra Duty Pay", doc.Title);
        Assert.Equal((new DateOnly(2025, 1, 27), "Certificated Payroll"), (doc.Metadata.LastReviewed, doc.Metadata.Owner));
        Assert.Equal(["About these guidelines", "Rates"], doc.Sections.Select(s => s.Heading));
        Assert.Equal("How tutoring is paid.", doc.Sections[0].Text);
        Assert.Equal(14, doc.Sections[0].Passages[0].StartLine);

        // Hugo's own place for a page's author: its [params] table.
        var byParams = Parse("+++\ntitle = \"Substitute Pay\"\n[params]\n  author = \"Human Resources\"\n+++\n\nHow subs are paid.\n");
        Assert.Equal("Human Resources", byParams.Metadata.Owner);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("\"  javascript:alert(1)\"")]
    [InlineData("\"data:text/html,<script>alert(1)</script>\"")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("//evil.invalid/x")]
    [InlineData("policies/email.html")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("https:///nohost")]
    public void A_source_that_is_not_a_web_address_is_refused_with_its_line(string source)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => Parse($"---\ntitle: T\nsource: {source}\n---\n## Q?\n\nA.\n"));
        Assert.Equal(3, error.Line);
        Assert.StartsWith("'source' must be a web address starting with https:// or http://", error.Message, StringComparison.Ordinal);
    }

    /// <summary>"Billion laughs": nine levels of nine aliases, with the last used as a key (YamlDotNet hashes a key node whole).</summary>
    internal static string AliasBomb(string indent = "")
    {
        var bomb = new StringBuilder(indent + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 8; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"{indent}a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        return bomb.Append(indent + "? *a8\n" + indent + ": x\n").ToString();
    }

    [Fact]
    public void Front_matter_anchors_and_aliases_are_refused_before_anything_is_built()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => Parse("---\n" + AliasBomb() + "---\n# T\n## Q?\n\nA.\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("anchors (&name) are not allowed here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_under_an_unused_key_is_skipped_and_under_a_used_one_refused()
    {
        Assert.Equal("Safe", Parse("---\ntags: [a, b]\n---\n# Safe\n## Q?\n\nA.\n").Title);

        var error = Assert.Throws<KnowledgeFormatException>(() => Parse("---\ntags: [a]\ntitle: [a, b]\n---\n# T\n## Q?\n\nA.\n"));
        Assert.Equal(3, error.Line);
        Assert.Equal("'title' must be a single value, not a list or a mapping", error.Message);
    }

    [Theory]
    [InlineData("http://intranet.example.org/policy")]
    [InlineData("HTTPS://Example.org/a(1)")]
    public void A_web_address_is_a_source(string source) =>
        Assert.Equal(source, Parse($"---\nsource: {source}\n---\n# T\n## Q?\n\nA.\n").Metadata.SourceUrl);

    [Fact]
    public void Markdown_title_comes_from_the_first_h1_without_front_matter()
    {
        var doc = Parse("# Field Trips\n\n## Permission slips\n\nCollect them a week ahead.\n", "trips.md");
        Assert.Equal("Field Trips", doc.Title);
        Assert.Single(doc.Sections);
        Assert.Equal("knowledge/trips.md:3-5", doc.Sections[0].Location);
    }

    [Fact]
    public void Plain_text_documents_take_front_matter_too()
    {
        var doc = Parse("---\nsource: https://example.org/x\n---\nDress Code\n\nQ: Can I wear jeans?\n- On Fridays.\n", "dress.txt");
        Assert.Equal("Dress Code", doc.Title);
        Assert.Equal("https://example.org/x", doc.Sections[0].SourceUrl);
        Assert.Equal("On Fridays.", doc.Sections[0].Text);
        Assert.Equal(6, doc.Sections[0].StartLine);
    }

    [Fact]
    public void Plain_text_answer_prefix_is_dropped()
    {
        var doc = Parse("Leave\n\nQ: How do I request leave?\nA: Use the HR portal.\n", "leave.txt");
        Assert.Equal("Use the HR portal.", doc.Sections.Single().Text);
    }
}

public sealed class QuestionHeadingHeuristicsTests
{
    private static GuidelineDocument Parse(string text, string file) =>
        KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(text), file, file);

    [Fact]
    public void Plain_text_without_q_lines_uses_questions_standing_alone()
    {
        var doc = Parse("Field Trips\n\nTrips need planning.\n\nDo I need permission slips?\n- Yes, signed by a parent.\n\nWho pays for the bus?\nThe school budget covers it.\n", "trips.txt");
        Assert.Equal(["About these guidelines", "Do I need permission slips?", "Who pays for the bus?"], doc.Sections.Select(s => s.Heading));
        Assert.Equal("The school budget covers it.", doc.Sections[2].Text);
    }

    [Fact]
    public void Plain_text_with_q_lines_ignores_other_questions()
    {
        var doc = Parse("T\n\nQ: First?\n- a\n\nIs this a heading?\n- no, a paragraph\n", "t.txt");
        Assert.Single(doc.Sections);
        Assert.Contains("Is this a heading?", doc.Sections[0].Text);
    }

    [Fact]
    public void Markdown_bold_questions_and_q_lines_are_headings()
    {
        var doc = Parse("# Phones\n\n**Can I use my phone in class?**\n\nOnly for instruction.\n\nQ: Can students call home?\n\nFrom the office.\n", "phones.md");
        Assert.Equal(["Can I use my phone in class?", "Can students call home?"], doc.Sections.Select(s => s.Heading));
        Assert.Equal("From the office.", doc.Sections[1].Text);
    }
}
