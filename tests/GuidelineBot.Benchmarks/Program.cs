using BenchmarkDotNet.Running;

namespace GuidelineBot.Benchmarks;

/// <summary>Entry point (a named class: the server's top-level <c>Program</c> is referenced for the slash-command benchmark).</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
