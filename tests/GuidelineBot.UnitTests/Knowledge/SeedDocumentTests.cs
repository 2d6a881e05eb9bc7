using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary>The district's document exactly as written parses into its sections.</summary>
public sealed class SeedDocumentTests
{
    private static readonly GuidelineDocument Seed =
        KnowledgeLoader.Parse(File.ReadAllBytes(TestPaths.Seed), "staff-social-media-guidelines.txt", "knowledge/staff-social-media-guidelines.txt");

    [Fact]
    public void The_seed_is_the_districts_file_byte_for_byte()
    {
        var original = Path.Combine(TestPaths.Root, "..", "shared", "seeds", "000_e607194800433dce.txt");
        if (!File.Exists(original))
        {
            // The district's original lies in shared/ beside the checkout; a checkout elsewhere has only the copy.
            return;
        }

        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(TestPaths.Seed));
    }

    [Fact]
    public void Title_is_the_first_line()
    {
        Assert.Equal("Staff Social Media Guidelines and Best Practices", Seed.Title);
    }

    [Fact]
    public void Every_question_is_a_section_and_the_intro_is_one_too()
    {
        var headings = Seed.Sections.Select(s => s.Heading).ToArray();
        Assert.Equal(13, headings.Length);
        Assert.Equal("About these guidelines", headings[0]);
        Assert.True(Seed.Sections[0].IsIntroduction);
        Assert.Equal("What do I need to know about setting up a social media account?", headings[1]);
        Assert.Equal("Can I “friend” or “follow” parents and/or alumni?", headings[7]);
        Assert.Equal("Is this enforceable?", headings[^1]);
        Assert.All(Seed.Sections.Skip(1), s => Assert.False(s.IsIntroduction));
    }

    [Fact]
    public void Intro_holds_the_scope_paragraphs()
    {
        var intro = Seed.Sections[0];
        Assert.Equal(3, intro.Passages.Count);
        Assert.Contains("social media refers to any environment online", intro.Text);
        Assert.Equal(4, intro.StartLine);
        Assert.Equal(9, intro.EndLine);
    }

    [Fact]
    public void Nested_bullets_stay_under_their_parent()
    {
        var friending = Seed.Sections[7];
        Assert.Equal(3, friending.Passages.Count);
        var parents = friending.Passages[0].Text;
        Assert.StartsWith("“Friending” Parents:", parents);
        Assert.Equal(2, parents.Split("\n  - ").Length - 1);
        Assert.Contains("\n  - Oak Park Unified School District students may be friends with (or following) parents", parents);
        Assert.StartsWith("“Friending” Alumni:", friending.Passages[1].Text);
        Assert.StartsWith("Photos and videos of employees", friending.Passages[2].Text);
    }

    [Fact]
    public void A_sentence_split_by_a_blank_line_is_rejoined()
    {
        var mistake = Seed.Sections[8];
        Assert.Single(mistake.Passages);
        Assert.Contains("If someone accuses you of posting something improper (such as their copyrighted material", mistake.Passages[0].Text);
        Assert.Equal(58, mistake.StartLine);
        Assert.Equal(62, mistake.EndLine);
    }

    [Fact]
    public void A_bullet_after_a_blank_line_stays_a_passage_of_its_own()
    {
        var setup = Seed.Sections[1];
        Assert.Equal(4, setup.Passages.Count);
        Assert.StartsWith("Teachers should verify", setup.Passages[3].Text);
    }

    [Fact]
    public void Citation_names_document_heading_file_and_lines()
    {
        Assert.Equal("Staff Social Media Guidelines and Best Practices › Can I post anonymously? (knowledge/staff-social-media-guidelines.txt:44-46)",
            Seed.Sections[6].Citation);
    }

    [Fact]
    public void Content_hash_is_the_sha256_of_the_bytes_and_changes_with_them()
    {
        var bytes = File.ReadAllBytes(TestPaths.Seed);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), Seed.ContentHash);
        bytes[^1] = (byte)'!';
        var changed = KnowledgeLoader.Parse(bytes, "staff-social-media-guidelines.txt", "x.txt");
        Assert.NotEqual(Seed.ContentHash, changed.ContentHash);
    }
}
