namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>deploy/docker/Dockerfile: lint-clean (npm dockerfile-utils) and built the way the issue asks.</summary>
public sealed class DockerfileTests
{
    [SkippableFact]
    public async Task Dockerfile_passes_the_dockerfile_utils_lint()
    {
        var run = await DeployTools.RunAsync(DeployTools.Node,
            [DeployTools.TestScript("lint-dockerfile.mjs"), DeployTools.NodeModules, Dockerfile.DefaultPath]);
        Assert.True(run.ExitCode == 0, DeployTools.Describe(run));
    }

    [SkippableFact]
    public async Task The_lint_reports_a_broken_Dockerfile()
    {
        // The lint is live: a bad duration and an unknown instruction are reported.
        var broken = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "broken-" + Guid.NewGuid().ToString("N") + ".Dockerfile");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        await File.WriteAllTextAsync(broken, File.ReadAllText(Dockerfile.DefaultPath).Replace("--interval=30s", "--interval=30", StringComparison.Ordinal) + "\nFROBNICATE now\n");
        try
        {
            var run = await DeployTools.RunAsync(DeployTools.Node, [DeployTools.TestScript("lint-dockerfile.mjs"), DeployTools.NodeModules, broken]);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("missing unit in duration", run.Output, StringComparison.Ordinal);
            Assert.Contains("FROBNICATE", run.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Dockerfile_builds_on_the_SDK_runs_on_ASP_NET_as_app_in_Production_on_8080_with_a_healthcheck()
    {
        var dockerfile = Dockerfile.Load();
        Assert.Equal(2, dockerfile.Stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", dockerfile.Stages[0].From, StringComparison.Ordinal);
        var runtime = dockerfile.Stages[^1];
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", runtime.From, StringComparison.Ordinal);
        Assert.Equal("app", runtime.Last("USER"));
        Assert.Equal("Production", runtime.Env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("8080", runtime.Env["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal("8080", runtime.Last("EXPOSE"));
        Assert.Contains("\"healthcheck\"", runtime.Last("HEALTHCHECK"), StringComparison.Ordinal);
        Assert.Equal(["dotnet", "GuidelineBot.dll"], runtime.EntryPoint);

        // Knowledge is baked in where Knowledge:Path points (a volume mounted there replaces it).
        var knowledgeCopy = runtime.Instructions.Single(i => i.Keyword == "COPY" && i.Arguments.StartsWith("knowledge/", StringComparison.Ordinal));
        Assert.Equal("knowledge/", knowledgeCopy.Arguments.Split(' ')[^1]);
        Assert.Equal("knowledge", runtime.Env["Knowledge__Path"]);
    }
}
