using BenchmarkDotNet.Attributes;
using GuidelineBot.Hosting;
using GuidelineBot.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.Benchmarks;

/// <summary>
/// One question through the sentence encoder the server registers (<c>AddGuidelineEngine</c> over the repository's
/// appsettings.json), past every cache: what a question costs when the cascade needs the model, with the 8-bit weights
/// (the default) and with the package's full-precision model.
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private ServiceProvider _services = null!;
    private MiniLmEncoder _encoder = null!;
    private string[] _questions = [];
    private int _next;

    [Params(ModelPrecision.Int8, ModelPrecision.Float32)]
    public ModelPrecision Precision { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var configuration = BenchmarkQuestions.Configuration(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(BenchmarkQuestions.Root, "knowledge"),
            ["Search:ModelPrecision"] = Precision.ToString(),
        });
        _services = new ServiceCollection().AddLogging().AddGuidelineEngine(configuration).BuildServiceProvider();
        _encoder = _services.GetRequiredService<MiniLmEncoder>();
        _questions = BenchmarkQuestions.Load();
        _encoder.Prepare();
    }

    /// <summary>One question of the mix (the next one each call).</summary>
    [Benchmark]
    public float[] Encode() => _encoder.Encode([_questions[_next++ % _questions.Length]])[0];

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();
}
