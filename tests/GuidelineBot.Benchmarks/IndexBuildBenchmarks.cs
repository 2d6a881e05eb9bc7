using BenchmarkDotNet.Attributes;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;

namespace GuidelineBot.Benchmarks;

/// <summary>Start-up cost without the model: loading knowledge/ and building the Lucene index.</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private string _knowledge = "";

    [GlobalSetup]
    public void Setup() => _knowledge = Path.Combine(GuidelineBot.Testing.RepoRoot.Find(Directory.GetCurrentDirectory()), "knowledge");

    [Benchmark]
    public int LoadAndIndex()
    {
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _knowledge });
        using var search = new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = RerankerKind.None }, Path.Combine(_knowledge, "synonyms.txt"));
        return search.Knowledge.Sections.Count();
    }
}
