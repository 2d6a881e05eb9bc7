using Microsoft.Extensions.Configuration;

namespace GuidelineBot.Benchmarks;

/// <summary>The repository's held-out paraphrases (first column of tests/eval/seed-paraphrases.tsv): a mix of many different questions.</summary>
internal static class BenchmarkQuestions
{
    public static string Root { get; } = GuidelineBot.Testing.RepoRoot.Find(Directory.GetCurrentDirectory());

    public static string[] Load() =>
        File.ReadLines(Path.Combine(Root, "tests", "eval", "seed-paraphrases.tsv"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0].Trim())
            .ToArray();

    /// <summary>The server's configuration: the repository's appsettings.json, then the benchmark's overrides (as environment variables would).</summary>
    public static IConfiguration Configuration(IDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "appsettings.json"))
            .AddInMemoryCollection(overrides)
            .Build();
}
