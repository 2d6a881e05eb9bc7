using System.Diagnostics;
using System.Text;

namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>
/// The tools <c>tests/scripts/deploy-tools-start.sh</c> installs (tests/run.sh sources it): the npm packages
/// dockerfile-utils and kubernetes-models (<c>GUIDELINEBOT_NODE_TOOLS</c>) and the Bicep CLI from NuGet
/// (<c>GUIDELINEBOT_BICEP</c>), plus node and kubectl from the machine. Missing: the test fails under CI=true and is
/// skipped on a developer machine.
/// </summary>
public static class DeployTools
{
    public static string NodeModules => Variable("GUIDELINEBOT_NODE_TOOLS");

    public static string Bicep => Variable("GUIDELINEBOT_BICEP");

    public static string Kubectl => OnPath("kubectl");

    public static string Node => OnPath("node");

    public static string DeployFolder => Path.Combine(RepoPaths.Root, "deploy");

    public static string TestScript(string name) => Path.Combine(RepoPaths.Root, "tests", "GuidelineBot.IntegrationTests", "Deploy", name);

    private static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci &&
        !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    private static string Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return !string.IsNullOrWhiteSpace(value) && Path.Exists(value) ? value : Missing($"{name} is not set (or names nothing)");
    }

    private static string OnPath(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        return found ?? Missing($"{tool} is not on PATH");
    }

    private static string Missing(string why)
    {
        const string how = "tests/run.sh sources tests/scripts/deploy-tools-start.sh, which installs the deployment tools; its output says why it did not";
        if (IsCi)
        {
            throw new InvalidOperationException($"{why}, and CI is: the deployment tests must run. {how}.");
        }

        throw new SkipException($"{why}: run `source tests/scripts/deploy-tools-start.sh` first ({how}). Under CI=true this fails.");
    }

    /// <summary>Runs a tool to completion and returns its exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string file, IEnumerable<string> arguments,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>A line of output for assertion messages.</summary>
    public static string Describe((int ExitCode, string Output, string Errors) run) =>
        new StringBuilder().Append("exit ").Append(run.ExitCode).AppendLine().Append(run.Output).AppendLine().Append(run.Errors).ToString();
}
