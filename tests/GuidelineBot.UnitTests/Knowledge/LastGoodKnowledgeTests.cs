using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary>The pure merge behind "the last good version of a broken file stays live".</summary>
public sealed class LastGoodKnowledgeTests
{
    private static GuidelineDocument Document(string id, string hash) =>
        new(id, id, $"knowledge/{id}.md", hash, DocumentMetadata.None, []);

    [Fact]
    public void A_broken_file_keeps_its_live_document_in_file_order_so_the_hash_is_the_one_before()
    {
        var live = new KnowledgeBase([Document("a", "1"), Document("b", "2"), Document("c", "3")], []);
        var loaded = new KnowledgeBase([Document("a", "1"), Document("c", "3")], [new KnowledgeError("knowledge/b.md", 4, "bad")]);

        var merged = LastGoodKnowledge.Merge(live, loaded);

        Assert.Equal(["a", "b", "c"], merged.Documents.Select(d => d.Id));
        Assert.Equal(live.Version, merged.Version);
        Assert.Equal(loaded.Errors, merged.Errors);
    }

    [Fact]
    public void Deleted_and_changed_files_take_effect_and_a_file_broken_from_the_start_is_only_an_error()
    {
        var live = new KnowledgeBase([Document("a", "1"), Document("b", "2")], []);
        var loaded = new KnowledgeBase([Document("a", "9")], [new KnowledgeError("knowledge/new.md", 1, "bad")]);

        var merged = LastGoodKnowledge.Merge(live, loaded);

        Assert.Equal([("a", "9")], merged.Documents.Select(d => (d.Id, d.ContentHash)));
        Assert.Single(merged.Errors);
    }

    [Fact]
    public void The_merge_keeps_the_synonyms_hash_in_the_version()
    {
        var live = new KnowledgeBase([Document("a", "1"), Document("b", "2")], []) { SynonymsHash = "s1" };
        var loaded = new KnowledgeBase([Document("a", "1")], [new KnowledgeError("knowledge/b.md", 1, "bad")]) { SynonymsHash = "s1" };

        var merged = LastGoodKnowledge.Merge(live, loaded);

        Assert.Equal(live.Version, merged.Version);
        Assert.NotEqual(live.Version, (live with { SynonymsHash = "s2" }).Version);
        Assert.NotEqual(live.Version, (live with { SynonymsHash = null }).Version);
    }
}
