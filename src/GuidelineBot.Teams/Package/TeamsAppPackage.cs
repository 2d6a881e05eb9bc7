using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidelineBot.Teams.Package;

/// <summary>The Teams app package: <c>manifest.json</c> (with the app and bot ids filled in), <c>color.png</c> and <c>outline.png</c> at the zip's root.</summary>
public static class TeamsAppPackage
{
    public const string DefaultSourceFolder = "deploy/teams";
    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest from <paramref name="sourceFolder"/> with <c>id</c> and every bot's <c>botId</c> replaced.</summary>
    public static string Manifest(string sourceFolder, Guid appId, Guid botId)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(sourceFolder, "manifest.json")))?.AsObject()
                       ?? throw new InvalidDataException("manifest.json is empty");
        manifest["id"] = appId.ToString("D");
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
        {
            bot!["botId"] = botId.ToString("D");
        }

        return manifest.ToJsonString(Indented);
    }

    /// <summary>Writes the zip to <paramref name="outputFile"/> (its folder is created).</summary>
    public static void Write(string sourceFolder, Guid appId, Guid botId, string outputFile)
    {
        foreach (var file in Files)
        {
            if (!File.Exists(Path.Combine(sourceFolder, file)))
            {
                throw new FileNotFoundException($"{Path.Combine(sourceFolder, file)} is missing (run from the repository root).");
            }
        }

        var manifest = Manifest(sourceFolder, appId, botId);
        if (Path.GetDirectoryName(Path.GetFullPath(outputFile)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using var zip = ZipFile.Open(outputFile, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            writer.Write(manifest);
        }

        zip.CreateEntryFromFile(Path.Combine(sourceFolder, "color.png"), "color.png");
        zip.CreateEntryFromFile(Path.Combine(sourceFolder, "outline.png"), "outline.png");
    }
}
