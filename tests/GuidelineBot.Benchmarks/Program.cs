using BenchmarkDotNet.Running;

namespace GuidelineBot.Benchmarks;

/// <summary>Entry point (a named class: the server's top-level <c>Program</c> is referenced for the slash-command benchmark).</summary>
public static class BenchmarkProgram
{
    /// <summary>
    /// The runtime settings the server runs with (its project writes them into its runtimeconfig.json: no dynamic PGO, a
    /// call-counting delay of 30 ms, a gen0 budget of at most 8 MiB), for every benchmark process. The runtime reads these
    /// environment values as hexadecimal: 1E = 30, 800000 = 8 MiB.
    /// </summary>
    private static readonly string[] ServerRuntime =
        ["--envVars", "DOTNET_TieredPGO:0", "DOTNET_TC_CallCountingDelayMs:1E", "DOTNET_GCGen0MaxBudget:800000"];

    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args.Contains("--envVars") ? args : [.. args, .. ServerRuntime]);
}
