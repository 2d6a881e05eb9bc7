using System.Text.Json.Nodes;

namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>deploy/azure/main.bicep compiles with the Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64): no errors, no linter warnings.</summary>
public sealed class BicepTests
{
    private static string Template => Path.Combine(DeployTools.DeployFolder, "azure", "main.bicep");

    [SkippableFact]
    public async Task Main_bicep_compiles_without_errors_or_linter_warnings_and_declares_the_whole_deployment()
    {
        var build = await DeployTools.RunAsync(DeployTools.Bicep, ["build", Template, "--stdout"]);
        Assert.True(build.ExitCode == 0, DeployTools.Describe(build));
        Assert.True(build.Errors.Trim().Length == 0, "diagnostics: " + build.Errors);
        var lint = await DeployTools.RunAsync(DeployTools.Bicep, ["lint", Template]);
        Assert.True(lint.ExitCode == 0 && lint.Output.Trim().Length == 0 && lint.Errors.Trim().Length == 0, DeployTools.Describe(lint));

        var arm = JsonNode.Parse(build.Output)!;
        var resources = arm["resources"]!.AsArray().Select(r => r!).ToList();
        JsonNode Resource(string type) => resources.Single(r => (string?)r["type"] == type);

        var bot = Resource("Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("SingleTenant", (string?)bot["msaAppType"]);
        Assert.Contains("https://{0}/api/messages", (string?)bot["endpoint"], StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", (string?)Resource("Microsoft.BotService/botServices/channels")["properties"]!["channelName"]);
        Assert.Equal(2, (int)arm["parameters"]!["minReplicas"]!["minValue"]!);
        Assert.NotNull(Resource("Microsoft.App/containerApps"));
        Assert.NotNull(Resource("Microsoft.DBforPostgreSQL/flexibleServers"));
        Assert.NotNull(Resource("Microsoft.KeyVault/vaults"));
        Assert.NotNull(Resource("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.NotNull(Resource("Microsoft.OperationalInsights/workspaces"));

        // A private registry: with registryName the app's identity gets AcrPull there and pulls with it (anonymously
        // otherwise, which a registry that is not public refuses).
        Assert.Equal("", (string?)arm["parameters"]!["registryName"]!["defaultValue"]);
        var pull = resources.Single(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments" && r["condition"] is not null);
        Assert.Equal("[variables('acrPullRole')]", (string?)pull["properties"]!["roleDefinitionId"]);
        Assert.Contains("7f951dda-4ed3-4680-a7ca-43fe172d538d", (string?)arm["variables"]!["acrPullRole"], StringComparison.Ordinal); // AcrPull
        Assert.Contains("registries", Resource("Microsoft.App/containerApps")["properties"]!["configuration"]!.ToJsonString(), StringComparison.Ordinal);
        foreach (var secret in new[] { "botAppPassword", "slackSigningSecret", "slackBotToken", "postgresAdminPassword", "webClientSecret" })
        {
            Assert.Equal("securestring", (string?)arm["parameters"]![secret]!["type"]);
        }

        // Each channel is optional (an Azure Bot and both Slack secrets were made whatever was given): without botAppId no
        // bot, no Teams channel and no bot secret; without the signing secret no Slack secrets; web sign-in when named.
        Assert.Equal("[and(not(empty(parameters('botAppId'))), not(empty(parameters('botAppPassword'))))]", (string?)arm["variables"]!["teamsOn"]);
        Assert.Equal("[and(not(empty(parameters('slackSigningSecret'))), not(empty(parameters('slackBotToken'))))]", (string?)arm["variables"]!["slackOn"]);
        Assert.Equal("[variables('teamsOn')]", (string?)Resource("Microsoft.BotService/botServices")["condition"]);
        Assert.Equal("[variables('teamsOn')]", (string?)Resource("Microsoft.BotService/botServices/channels")["condition"]);
        var secrets = resources.Where(r => (string?)r["type"] == "Microsoft.KeyVault/vaults/secrets").ToDictionary(r => ((string)r["name"]!).Split('\'')[^2], r => (string?)r["condition"]);
        Assert.Equal("[variables('teamsOn')]", secrets["bot-app-password"]);
        Assert.Equal("[variables('slackOn')]", secrets["slack-signing-secret"]);
        Assert.Equal("[variables('slackOn')]", secrets["slack-bot-token"]);
        Assert.Equal("[variables('webSecretOn')]", secrets["web-client-secret"]);
        Assert.Null(secrets["postgres-connection-string"]);
        foreach (var optional in new[] { "botAppId", "botAppPassword", "slackSigningSecret", "slackBotToken", "webAuthority", "webClientId", "webClientSecret", "adminRole" })
        {
            Assert.Equal("", (string?)arm["parameters"]![optional]!["defaultValue"]);
        }

        var container = Resource("Microsoft.App/containerApps")["properties"]!["template"]!["containers"]![0]!.ToJsonString();
        foreach (var setting in new[] { "Web__Authority", "Web__ClientId", "Web__ClientSecret", "Admin__Role", "ASPNETCORE_FORWARDEDHEADERS_ENABLED" })
        {
            Assert.Contains(setting, container, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task The_linter_is_live_an_unused_parameter_is_a_warning()
    {
        var file = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "lint-" + Guid.NewGuid().ToString("N") + ".bicep");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, await File.ReadAllTextAsync(Template) + "\nparam unusedForTheTest string = 'x'\n");
        try
        {
            var lint = await DeployTools.RunAsync(DeployTools.Bicep, ["lint", file]);
            Assert.Contains("no-unused-params", lint.Output + lint.Errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
