using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>deploy/docker/compose.yaml: the bot built from the Dockerfile plus PostgreSQL, secrets from an uncommitted .env.</summary>
public sealed partial class ComposeTests
{
    private static string Folder => Path.Combine(DeployTools.DeployFolder, "docker");

    [Fact]
    public void Compose_builds_the_bot_from_the_Dockerfile_on_PostgreSQL_with_secrets_from_env()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, "compose.yaml"))));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
        var bot = (YamlMappingNode)services["bot"];
        var build = (YamlMappingNode)bot["build"];
        var context = Path.GetFullPath(Path.Combine(Folder, build["context"].ToString()));
        Assert.Equal(RepoPaths.Root.TrimEnd('/'), context.TrimEnd('/'));
        Assert.True(File.Exists(Path.Combine(context, build["dockerfile"].ToString())));
        Assert.StartsWith("postgres:", services["postgres"]["image"].ToString(), StringComparison.Ordinal);

        var environment = ((YamlMappingNode)bot["environment"]).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());
        Assert.Equal("Postgres", environment["Storage__Provider"]);
        Assert.Contains("Host=postgres", environment["Storage__ConnectionString"], StringComparison.Ordinal);

        // Every ${VARIABLE} the file uses is documented in .env.example, and no secret value is written in the file.
        var used = VariableRegex().Matches(File.ReadAllText(Path.Combine(Folder, "compose.yaml"))).Select(m => m.Groups[1].Value).ToHashSet();
        var example = File.ReadAllLines(Path.Combine(Folder, ".env.example")).Where(l => l.Contains('=') && !l.StartsWith('#')).Select(l => l.Split('=')[0]).ToHashSet();
        Assert.Subset(example, used);
        foreach (var secret in new[] { "Slack__SigningSecret", "Slack__BotToken", "Bot__MicrosoftAppPassword", "Web__Authority", "Web__ClientId", "Web__ClientSecret", "Admin__Role" })
        {
            Assert.StartsWith("${", environment[secret], StringComparison.Ordinal);
        }

        // Plain HTTP is published on this machine's loopback (for the HTTPS proxy in front), not on every interface.
        var port = Assert.Single(((YamlSequenceNode)bot["ports"]).Children).ToString();
        Assert.StartsWith("${BOT_BIND:-127.0.0.1}:", port, StringComparison.Ordinal);
        Assert.Equal("true", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
    }

    [Fact]
    public async Task The_env_file_is_ignored_by_git()
    {
        var run = await DeployTools.RunAsync("git", ["check-ignore", "-q", "deploy/docker/.env"]);
        Assert.True(run.ExitCode == 0, "deploy/docker/.env must be git-ignored: " + DeployTools.Describe(run));
    }

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex VariableRegex();
}
