using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Search;

/// <summary>
/// The saved Lucene index (<see cref="SearchOptions.IndexCachePath"/>): written by the first engine over some knowledge,
/// opened by the next one with identical rankings, a folder per content, indexed again when damaged or unwritable, and
/// pruned by last use.
/// </summary>
public sealed class LuceneIndexCacheTests : IDisposable
{
    private const string Document = """
        Greenhouse Guidelines

        These greenhouse guidelines of the Harbor Point Schools cover every greenhouse on a Harbor Point campus.

        Q: When may students water the plants?

        - Students water the seedlings before the first lesson, never during the midday heat.

        Q: Who keeps the greenhouse keys?

        - The science coordinator keeps the keys; a teacher signs them out at the front office.

        Q: Can I use pesticides?

        - Only the approved organic sprays, stored in the locked cabinet, and never while students are present.
        """;

    private static readonly string[] Questions =
    [
        "who has the keys to the greenhouse",
        "can students water plants at noon",
        "is bug spray allowed",
        "what do these guidelines cover",
        "how do I book the gym",
    ];

    private readonly TestPaths.TempFolder _knowledgeFolder = new();
    private readonly TestPaths.TempFolder _cache = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _knowledgeFolder.Dispose();
        _cache.Dispose();
    }

    private KnowledgeBase Load(string text)
    {
        _knowledgeFolder.Write("greenhouse.txt", text);
        return KnowledgeLoader.Load(new KnowledgeOptions { Path = _knowledgeFolder.Path });
    }

    private LuceneGuidelineSearch Engine(KnowledgeBase knowledge, string? cachePath) =>
        new(knowledge, new SearchOptions { Reranker = RerankerKind.None, IndexCachePath = cachePath }, SynonymSet.None, encoder: null,
            EngineStart.Whole with { Time = _time });

    private KnowledgeBase Version(int i) => Load(Document.Replace("midday heat", $"midday heat ({i})", StringComparison.Ordinal));

    /// <summary>Saves version <paramref name="i"/> an hour after the last thing the clock saw; returns its key folder.</summary>
    private string Save(int i)
    {
        _time.Advance(TimeSpan.FromHours(1));
        var before = KeyFolders();
        using var engine = Engine(Version(i), _cache.Path);
        Assert.False(engine.IndexFromCache);
        return Assert.Single(KeyFolders().Except(before), f => f.Length == 64);
    }

    private static List<string> Rankings(LuceneGuidelineSearch search) =>
        Questions.SelectMany(q => search.Explain(q, forceSemantic: false)
            .Select(s => $"{q} | {s.Section.Id} | {s.Rank:R} | {s.Confidence:R} | {s.FoundByLucene}")).ToList();

    private string[] KeyFolders() => Directory.GetDirectories(_cache.Path).Select(Path.GetFileName).ToArray()!;

    [Fact]
    public void The_first_engine_saves_its_index_and_the_next_opens_it_with_the_same_rankings()
    {
        var knowledge = Load(Document);
        List<string> built;
        using (var first = Engine(knowledge, _cache.Path))
        {
            Assert.False(first.IndexFromCache);
            built = Rankings(first);
        }

        var folder = Assert.Single(KeyFolders());
        Assert.Matches("^[0-9a-f]{64}$", folder);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_cache.Path, folder)));

        using var second = Engine(knowledge, _cache.Path);
        Assert.True(second.IndexFromCache);
        Assert.Equal(built, Rankings(second));
        Assert.Contains(built, r => r.StartsWith("who has the keys", StringComparison.Ordinal));
        using var uncached = Engine(knowledge, null);
        Assert.Equal(built, Rankings(uncached));
    }

    [Fact]
    public void Changed_knowledge_gets_its_own_index_and_never_reads_the_old_one()
    {
        using (var before = Engine(Load(Document), _cache.Path))
        {
            Assert.False(before.IndexFromCache);
        }

        var changed = Load(Document.Replace("science coordinator", "head gardener", StringComparison.Ordinal));
        using var after = Engine(changed, _cache.Path);
        Assert.False(after.IndexFromCache);
        Assert.Equal(2, KeyFolders().Length);
        var keys = after.Explain("who has the greenhouse keys", forceSemantic: false)[0];
        Assert.Contains("head gardener", keys.Section.Text, StringComparison.Ordinal);
        using var fresh = Engine(changed, null);
        Assert.Equal(Rankings(fresh), Rankings(after));
    }

    [Theory]
    [InlineData("segments_")] // the commit point: Lucene cannot open the index
    [InlineData("cfs")] // the compound file's contents: only the checksums show it
    public void A_damaged_saved_index_is_indexed_again_and_replaced(string damaged)
    {
        var knowledge = Load(Document);
        List<string> built;
        using (var first = Engine(knowledge, _cache.Path))
        {
            built = Rankings(first);
        }

        var folder = Path.Combine(_cache.Path, Assert.Single(KeyFolders()));
        var file = Assert.Single(Directory.GetFiles(folder), f => Path.GetFileName(f).StartsWith(damaged, StringComparison.Ordinal)
            || Path.GetExtension(f) == "." + damaged);
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, damaged == "segments_" ? bytes[..3] : bytes);

        using (var again = Engine(knowledge, _cache.Path))
        {
            Assert.False(again.IndexFromCache);
            Assert.True(again.IndexCacheProblem?.Contains("damaged", StringComparison.Ordinal), again.IndexCacheProblem);
            Assert.Equal(built, Rankings(again));
        }

        using var repaired = Engine(knowledge, _cache.Path);
        Assert.True(repaired.IndexFromCache);
        Assert.Null(repaired.IndexCacheProblem);
        Assert.Equal(built, Rankings(repaired));
    }

    [Fact]
    public void An_unwritable_or_empty_cache_path_indexes_in_memory()
    {
        var knowledge = Load(Document);
        var notAFolder = _cache.Write("occupied", "a file where the cache folder would go");
        using (var blocked = Engine(knowledge, notAFolder))
        {
            Assert.False(blocked.IndexFromCache);
            Assert.Contains("could not be saved", blocked.IndexCacheProblem, StringComparison.Ordinal);
            Assert.NotEmpty(Rankings(blocked));
        }

        using (var blockedAgain = Engine(knowledge, notAFolder))
        {
            Assert.False(blockedAgain.IndexFromCache);
        }

        using var none = Engine(knowledge, "");
        Assert.False(none.IndexFromCache);
        Assert.Null(none.IndexCacheProblem);
        Assert.Empty(KeyFolders());
    }

    [Fact]
    public void Only_the_three_most_recently_used_other_versions_are_kept_and_nothing_else_is_touched()
    {
        var other = Directory.CreateDirectory(Path.Combine(_cache.Path, "models")).FullName;
        var odd = Directory.CreateDirectory(Path.Combine(_cache.Path, new string('a', 64) + ".tmp-0123")).FullName;
        Directory.SetLastWriteTimeUtc(odd, _time.GetUtcNow().UtcDateTime.AddDays(-30));
        var saved = Enumerable.Range(0, 4).Select(Save).ToList();
        Assert.Equal(saved.Order(), KeyFolders().Where(f => f.Length == 64).Order());

        // Version 0, the oldest save, is opened again (a replica still on it): now the most recently used.
        _time.Advance(TimeSpan.FromHours(1));
        using (var reopened = Engine(Version(0), _cache.Path))
        {
            Assert.True(reopened.IndexFromCache);
        }

        // The fifth keeps itself and the three most recently used others: version 1 is now the least recently used.
        var fifth = Save(4);
        var kept = KeyFolders().Where(f => f.Length == 64).ToHashSet();
        Assert.Equal(new HashSet<string> { fifth, saved[0], saved[2], saved[3] }, kept);
        Assert.True(Directory.Exists(other));
        Assert.True(Directory.Exists(odd));
    }

    [Fact]
    public void A_temporary_folder_left_by_a_stopped_save_is_deleted_an_hour_later_and_a_fresh_one_is_left_alone()
    {
        var key = new string('b', 64);
        var abandoned = Directory.CreateDirectory(Path.Combine(_cache.Path, $"{key}.tmp-{Guid.NewGuid():N}")).FullName;
        var writing = Directory.CreateDirectory(Path.Combine(_cache.Path, $"{key}.tmp-{Guid.NewGuid():N}")).FullName;
        var now = _time.GetUtcNow().UtcDateTime.AddHours(1); // the time of the next save
        Directory.SetLastWriteTimeUtc(abandoned, now.AddMinutes(-61));
        Directory.SetLastWriteTimeUtc(writing, now.AddMinutes(-1));

        Save(0);

        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(writing));
    }
}
