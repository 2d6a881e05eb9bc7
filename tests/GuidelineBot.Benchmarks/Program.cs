using System.Globalization;
using BenchmarkDotNet.Running;

namespace GuidelineBot.Benchmarks;

/// <summary>Entry point (a named class: the server's top-level <c>Program</c> is referenced for the slash-command benchmark).</summary>
public static class BenchmarkProgram
{
    /// <summary>
    /// The runtime settings the server runs with (src/GuidelineBot/ServerRuntime.props, which this project imports too, so
    /// they are this process's own), for BenchmarkDotNet's child processes. The runtime reads these environment values as
    /// hexadecimal.
    /// </summary>
    private static string[] ServerRuntime() =>
    [
        "--envVars",
        $"DOTNET_TieredPGO:{(Setting("System.Runtime.TieredPGO") == "true" ? 1 : 0)}",
        $"DOTNET_TC_CallCountingDelayMs:{Hex(Setting("System.Runtime.TieredCompilation.CallCountingDelayMs"))}",
        $"DOTNET_GCGen0MaxBudget:{Hex(Setting("System.GC.Gen0MaxBudget"))}",
        $"DOTNET_GCRegionSize:{Hex(Setting("System.GC.RegionSize"))}",
    ];

    private static string Setting(string name) =>
        AppContext.GetData(name) as string ?? throw new InvalidOperationException($"{name} is not in the runtime configuration.");

    private static string Hex(string value) =>
        long.Parse(value, CultureInfo.InvariantCulture).ToString("X", CultureInfo.InvariantCulture);

    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args.Contains("--envVars") ? args : [.. args, .. ServerRuntime()]);
}
