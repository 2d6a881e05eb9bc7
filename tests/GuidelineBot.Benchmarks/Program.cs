using BenchmarkDotNet.Running;

namespace GuidelineBot.Benchmarks;

/// <summary>Entry point (a named class: the server's top-level <c>Program</c> is referenced for the slash-command benchmark).</summary>
public static class BenchmarkProgram
{
    /// <summary>The runtime settings the server runs with (its project turns dynamic PGO off), for every benchmark process.</summary>
    private static readonly string[] ServerRuntime = ["--envVars", "DOTNET_TieredPGO:0"];

    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args.Contains("--envVars") ? args : [.. args, .. ServerRuntime]);
}
