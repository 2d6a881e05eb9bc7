using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>
/// deploy/kubernetes: the base and the trial overlay render with <c>kubectl kustomize</c>, and every object passes the
/// Kubernetes OpenAPI schema (npm kubernetes-models, validate()).
/// </summary>
public sealed class KubernetesTests
{
    private static string Base => Path.Combine(DeployTools.DeployFolder, "kubernetes", "base");

    private static string TrialOverlay => Path.Combine(DeployTools.DeployFolder, "kubernetes", "overlays", "trial-postgres");

    [SkippableTheory]
    [InlineData("base")]
    [InlineData("overlays/trial-postgres")]
    public async Task Every_rendered_object_is_valid_against_the_Kubernetes_schema(string kustomization)
    {
        var objects = await RenderAsync(Path.Combine(DeployTools.DeployFolder, "kubernetes", kustomization));
        var run = await ValidateAsync(objects);
        Assert.True(run.ExitCode == 0, DeployTools.Describe(run));
        Assert.Equal(objects.Count, run.Output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task The_validation_rejects_a_mistyped_object()
    {
        var objects = await RenderAsync(Base);
        Deployment(objects)["spec"]!["replicas"] = "two";
        var run = await ValidateAsync(objects);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid Deployment/guidelinebot", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_base_runs_two_hardened_replicas_with_probes_secrets_knowledge_and_scaling()
    {
        var objects = await RenderAsync(Base);
        var deployment = Deployment(objects);
        Assert.Null(deployment["spec"]!["replicas"]); // the autoscaler's (below): an apply must not reset a scaled-out count
        var pod = deployment["spec"]!["template"]!["spec"]!;
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        var container = pod["containers"]![0]!;
        Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.True((long)container["readinessProbe"]!["timeoutSeconds"]! > 3); // the app's store check may take 3 s
        Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotNull(container["resources"]![kind]!["memory"]);
            Assert.NotNull(container["resources"]![kind]!["cpu"]);
        }

        // Credentials come from a Secret, never from the manifests.
        var env = container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);
        foreach (var secret in new[] { "Storage__ConnectionString", "Slack__SigningSecret", "Slack__BotToken", "Bot__MicrosoftAppId", "Bot__MicrosoftAppPassword",
            "Web__Authority", "Web__ClientId", "Web__ClientSecret", "Admin__Role" })
        {
            Assert.Equal("guidelinebot-secrets", (string?)env[secret]["valueFrom"]!["secretKeyRef"]!["name"]);
        }

        Assert.Equal("Production", (string?)env["ASPNETCORE_ENVIRONMENT"]["value"]);
        Assert.Equal("Postgres", (string?)env["Storage__Provider"]["value"]);

        // Writable places are emptyDirs; the knowledge folder is the generated ConfigMap.
        var volumes = pod["volumes"]!.AsArray().ToDictionary(v => (string)v!["name"]!, v => v!);
        var mounts = container["volumeMounts"]!.AsArray().ToDictionary(m => (string)m!["mountPath"]!, m => (string)m!["name"]!);
        Assert.NotNull(volumes[mounts["/app/data"]]["emptyDir"]);
        Assert.NotNull(volumes[mounts["/tmp"]]["emptyDir"]);
        var knowledgeMap = (string)volumes[mounts["/app/knowledge"]]["configMap"]!["name"]!;
        var configMap = objects.Single(o => (string?)o["kind"] == "ConfigMap" && (string?)o["metadata"]!["name"] == knowledgeMap);
        var files = Directory.EnumerateFiles(RepoPaths.Knowledge).Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(files, configMap["data"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

        // The replicas spread over nodes, counted by the pods' own label (the selector's).
        var spread = Assert.Single(pod["topologySpreadConstraints"]!.AsArray())!;
        Assert.Equal("kubernetes.io/hostname", (string?)spread["topologyKey"]);
        Assert.Equal(
            deployment["spec"]!["selector"]!["matchLabels"]!.AsObject().Select(p => (p.Key, (string?)p.Value)),
            spread["labelSelector"]!["matchLabels"]!.AsObject().Select(p => (p.Key, (string?)p.Value)));

        var service = Single(objects, "Service");
        Assert.Equal("http", (string?)service["spec"]!["ports"]![0]!["targetPort"]);
        Assert.Equal(1L, (long)Single(objects, "PodDisruptionBudget")["spec"]!["minAvailable"]!);
        var hpa = Single(objects, "HorizontalPodAutoscaler")["spec"]!;
        Assert.Equal("guidelinebot", (string?)hpa["scaleTargetRef"]!["name"]);
        Assert.True((long)hpa["minReplicas"]! >= 2);
    }

    [SkippableFact]
    public async Task The_trial_overlay_adds_PostgreSQL_in_the_cluster()
    {
        var objects = await RenderAsync(TrialOverlay);
        var postgres = objects.Single(o => (string?)o["kind"] == "StatefulSet");
        Assert.StartsWith("postgres:", (string?)postgres["spec"]!["template"]!["spec"]!["containers"]![0]!["image"], StringComparison.Ordinal);
        Assert.Contains(objects, o => (string?)o["kind"] == "Service" && (string?)o["metadata"]!["name"] == "guidelinebot-postgres");
        Assert.NotNull(Deployment(objects));
    }

    private static JsonNode Deployment(List<JsonNode> objects) => Single(objects, "Deployment");

    private static JsonNode Single(List<JsonNode> objects, string kind) => objects.Single(o => (string?)o["kind"] == kind);

    private static async Task<List<JsonNode>> RenderAsync(string folder)
    {
        var run = await DeployTools.RunAsync(DeployTools.Kubectl, ["kustomize", folder]);
        Assert.True(run.ExitCode == 0, DeployTools.Describe(run));
        var stream = new YamlStream();
        stream.Load(new StringReader(run.Output));
        return stream.Documents.Select(d => ToJson(d.RootNode)!).ToList();
    }

    private static async Task<(int ExitCode, string Output, string Errors)> ValidateAsync(List<JsonNode> objects)
    {
        var file = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "k8s-" + Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, new JsonArray(objects.Select(o => o.DeepClone()).ToArray()).ToJsonString());
        try
        {
            return await DeployTools.RunAsync(DeployTools.Node, [DeployTools.TestScript("validate-kubernetes.mjs"), DeployTools.NodeModules, file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>YAML to JSON keeping plain scalars typed (numbers, booleans, null), as the API server reads them.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain => Plain(plain.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException("unexpected YAML node " + node.NodeType),
    };

    private static JsonNode? Plain(string? value) => value switch
    {
        null or "null" or "~" or "" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };
}
