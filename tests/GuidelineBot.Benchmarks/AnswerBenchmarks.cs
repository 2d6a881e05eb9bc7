using BenchmarkDotNet.Attributes;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Benchmarks;

/// <summary>One question end to end through AnswerService, lexical only and with the MiniLM re-ranker.</summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private AnswerService _answers = null!;
    private LuceneGuidelineSearch _search = null!;
    private MiniLmEncoder? _encoder;

    [Params(RerankerKind.None, RerankerKind.MiniLM)]
    public RerankerKind Reranker { get; set; }

    [Params("can I friend parents?", "can i frend parnets on fb", "what's the weather tomorrow")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = GuidelineBot.Testing.RepoRoot.Find(Directory.GetCurrentDirectory());
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = Path.Combine(root, "knowledge") });
        _encoder = Reranker == RerankerKind.MiniLM ? new MiniLmEncoder() : null;
        _search = new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = Reranker }, Path.Combine(root, "knowledge", "synonyms.txt"), _encoder);
        _answers = new AnswerService(_search, Options.Create(new AnswerOptions()));
    }

    [Benchmark]
    public Reply Ask() => _answers.Ask(Question);

    [GlobalCleanup]
    public void Cleanup()
    {
        _search.Dispose();
        _encoder?.Dispose();
    }
}
