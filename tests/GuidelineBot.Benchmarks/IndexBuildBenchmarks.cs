using BenchmarkDotNet.Attributes;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;

namespace GuidelineBot.Benchmarks;

/// <summary>Start-up cost without the model: loading knowledge/ and building the Lucene index, or opening a saved one.</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private string _knowledge = "";
    private string _cache = "";

    [GlobalSetup(Target = nameof(LoadAndIndex))]
    public void Setup() => _knowledge = Path.Combine(GuidelineBot.Testing.RepoRoot.Find(Directory.GetCurrentDirectory()), "knowledge");

    [GlobalSetup(Target = nameof(LoadAndOpenSavedIndex))]
    public void SetupSaved()
    {
        Setup();
        _cache = Directory.CreateTempSubdirectory("guidelinebot-bench-index-").FullName;
        LoadAndIndexWith(_cache);
    }

    [GlobalCleanup(Target = nameof(LoadAndOpenSavedIndex))]
    public void Cleanup() => Directory.Delete(_cache, recursive: true);

    /// <summary>A start without a saved index (the first one, or <c>Search:IndexCachePath</c> empty).</summary>
    [Benchmark]
    public int LoadAndIndex() => LoadAndIndexWith(null);

    /// <summary>A later start: the index saved by an earlier one is opened and checked.</summary>
    [Benchmark]
    public int LoadAndOpenSavedIndex() => LoadAndIndexWith(_cache);

    private int LoadAndIndexWith(string? cachePath)
    {
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _knowledge });
        using var search = new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = RerankerKind.None, IndexCachePath = cachePath },
            Path.Combine(_knowledge, "synonyms.txt"));
        return search.Knowledge.Sections.Count();
    }
}
