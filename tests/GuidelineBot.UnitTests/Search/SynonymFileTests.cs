using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

public sealed class SynonymFileTests
{
    [Fact]
    public void The_repository_synonym_file_parses()
    {
        Assert.NotNull(Synonyms.Load(TestPaths.Synonyms));
    }

    [Fact]
    public void A_synonym_from_the_file_reaches_a_section_that_never_uses_the_word()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("doc.txt", "Leave\n\nQ: How do I request vacation?\n- Use the HR portal two weeks ahead.\n\nQ: Can I bring pets?\n- No animals on campus.\n");
        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        using var without = new LuceneGuidelineSearch(kb, new SearchOptions { Reranker = RerankerKind.None });
        Assert.Empty(without.Search("holiday time off", 2).Hits);

        var synonyms = folder.Write("synonyms.txt", "# staff words\nvacation, holiday, time off\n");
        using var with = new LuceneGuidelineSearch(kb, new SearchOptions { Reranker = RerankerKind.None }, synonyms);
        var best = with.Search("holiday time off", 2).Best!;
        Assert.Equal("How do I request vacation?", best.Section.Heading);
        Assert.True(best.Score > 0);
    }

    [Theory]
    [InlineData("is chatgpt allowed", "AI tools")]
    [InlineData("my chromebook is cracked", "Broken devices")]
    [InlineData("can a kid have advil", "Giving medicine to students")]
    [InlineData("forgot my lanyard", "Wearing your badge")]
    public void The_shipped_file_carries_everyday_words_of_other_school_topics(string question, string heading)
    {
        // A document the seed's vocabulary never heard of, in its own words: the shipped file's groups for technology,
        // health and buildings join the words staff type to them; without the file nothing is found.
        using var folder = new TestPaths.TempFolder();
        folder.Write("school.md", """
            # School Operations Handbook

            ## AI tools

            Staff may use the district's licensed AI assistant for planning.

            ## Broken devices

            Report a damaged laptop or computer to the help desk the same day.

            ## Giving medicine to students

            Only the nurse gives medication, with a parent's written form.

            ## Wearing your badge

            Wear your district badge where it can be seen while on campus.
            """);
        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        using var without = new LuceneGuidelineSearch(kb, new SearchOptions { Reranker = RerankerKind.None });
        Assert.NotEqual(heading, without.Search(question, 1).Best?.Section.Heading);

        using var shipped = new LuceneGuidelineSearch(kb, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);
        Assert.Equal(heading, shipped.Search(question, 1).Best?.Section.Heading);
    }

    [Fact]
    public void Multi_word_synonyms_and_rewrites_work()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("doc.txt", "Identity\n\nQ: Can I use a pseudonym?\n- No, use your real name.\n\nQ: Can I bring pets?\n- No animals on campus.\n");
        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });
        var synonyms = folder.Write("synonyms.txt", "fake name => pseudonym\n");
        using var search = new LuceneGuidelineSearch(kb, new SearchOptions { Reranker = RerankerKind.None }, synonyms);
        Assert.Equal("Can I use a pseudonym?", search.Search("may I go by a fake name", 2).Best!.Section.Heading);
    }

    [Fact]
    public void A_group_too_large_to_expand_is_refused_on_its_line_at_once()
    {
        // 400 words in one group: 160,000 pairings (a few seconds to build at 3,000 words, minutes at 8,000).
        var group = string.Join(", ", Enumerable.Range(0, 400).Select(i => "word" + i));

        var error = Assert.Throws<KnowledgeFormatException>(() => SynonymSet.Parse("kid, student\n# big\n" + group + "\n", "synonyms.txt"));

        Assert.Equal(3, error.Line);
        Assert.Contains("this rule makes 160,000 pairings", error.Message, StringComparison.Ordinal);
        Assert.Contains("a rule may make at most 10,000", error.Message, StringComparison.Ordinal);

        // A mapping counts left × right.
        var mapping = string.Join(", ", Enumerable.Range(0, 1000).Select(i => "m" + i)) + " => a, b, c, d, e, f, g, h, i, j, k";
        Assert.Contains("this rule makes 11,000 pairings", Assert.Throws<KnowledgeFormatException>(
            () => SynonymSet.Parse(mapping, "synonyms.txt")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_file_has_a_larger_limit_counted_on_lucene_s_lines_and_items()
    {
        // 125 rules of 63 words (3,969 pairings each) stay within 500,000; the 126th goes over.
        var rule = string.Join(", ", Enumerable.Range(0, 63).Select(i => "w" + i));
        var lines = Enumerable.Range(0, 126).Select(r => rule.Replace("w", $"r{r}w", StringComparison.Ordinal)).ToList();
        Assert.NotNull(SynonymSet.Parse(string.Join("\n", lines.Take(125)), "synonyms.txt"));

        var error = Assert.Throws<KnowledgeFormatException>(() => SynonymSet.Parse(string.Join("\n", lines), "synonyms.txt"));
        Assert.Equal(126, error.Line);
        Assert.Contains("by this rule the file makes 500,094 pairings", error.Message, StringComparison.Ordinal);

        // Old Mac line ends are lines, as Lucene reads them; empty items and escaped commas are not items.
        Assert.NotNull(SynonymSet.Parse(string.Join("\r", Enumerable.Range(0, 200).Select(r => $"a{r}, b{r}, c{r}")), "synonyms.txt"));
        var hundred = string.Join(", ", Enumerable.Range(0, 100).Select(i => "v" + i));
        Assert.NotNull(SynonymSet.Parse(hundred + new string(',', 50) + "\nx\\,y, z\n", "synonyms.txt"));
    }
    [Theory]
    [InlineData("kid, student\nfoo => \n", 2, "invalid synonym rule: a side of '=>' is empty (as in 'fob => '): write words on both sides")]
    [InlineData("!!! => foo\n", 1, "invalid synonym rule: '!!!' has no word the search keeps (only punctuation or words such as 'the')")]
    public void A_rule_with_nothing_to_match_is_refused_in_the_file_s_words(string text, int line, string message)
    {
        // Lucene's words were "term:  was completely eliminated by analyzer".
        var error = Assert.Throws<KnowledgeFormatException>(() => SynonymSet.Parse(text, "synonyms.txt"));
        Assert.Equal((line, message), (error.Line, error.Message));
    }
}
