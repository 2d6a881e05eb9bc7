using BenchmarkDotNet.Attributes;
using GuidelineBot.Core.Answers;
using GuidelineBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.Benchmarks;

/// <summary>
/// <see cref="AnswerService.Ask"/> built exactly as the server builds it (<c>AddGuidelineEngine</c> over the
/// repository's appsettings.json), lexical and with the MiniLM re-ranker, with the answer cache off (every call searches)
/// and on (a mix of 104 different questions, cycled, as a server sees repeats).
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private ServiceProvider _services = null!;
    private AnswerService _answers = null!;
    private string[] _questions = [];
    private int _next;

    [Params("None", "MiniLM")]
    public string Reranker { get; set; } = "";

    [Params(0, 16384)]
    public int CacheSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = BenchmarkQuestions.Configuration(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(BenchmarkQuestions.Root, "knowledge"),
            ["Search:Reranker"] = Reranker,
            ["Answers:CacheSize"] = CacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _services = new ServiceCollection().AddLogging().AddGuidelineEngine(configuration).BuildServiceProvider();
        _answers = _services.GetRequiredService<AnswerService>();
        _questions = BenchmarkQuestions.Load();
        foreach (var q in _questions)
        {
            _answers.Ask(q);
        }
    }

    /// <summary>One question of the mix (the next one each call).</summary>
    [Benchmark]
    public Reply Ask() => _answers.Ask(_questions[_next++ % _questions.Length]);

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();
}
