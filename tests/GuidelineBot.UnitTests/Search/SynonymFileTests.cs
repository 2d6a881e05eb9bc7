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
}
