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

    /// <summary>
    /// The manifest from <paramref name="sourceFolder"/> with <c>id</c> and every bot's <c>botId</c> replaced.
    /// </summary>
    /// <exception cref="InvalidDataException">The manifest is not a JSON object with a list of bot objects.</exception>
    public static string Manifest(string sourceFolder, Guid appId, Guid botId)
    {
        var path = Path.Combine(sourceFolder, "manifest.json");
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        manifest["id"] = appId.ToString("D");
        var bots = manifest["bots"] switch
        {
            null => [],
            JsonArray list when list.All(b => b is JsonObject) => list.Cast<JsonObject>().ToArray(),
            _ => throw new InvalidDataException($"{path}: \"bots\" must be a list of objects"),
        };
        foreach (var bot in bots)
        {
            bot["botId"] = botId.ToString("D");
        }

        return manifest.ToJsonString(Indented);
    }

    /// <summary>
    /// Writes the zip to <paramref name="outputFile"/> (its folder is created). A file already there is replaced only
    /// once the new package is whole: it is written beside it first.
    /// </summary>
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

        var partial = outputFile + ".partial";
        File.Delete(partial);
        try
        {
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
                {
                    writer.Write(manifest);
                }

                zip.CreateEntryFromFile(Path.Combine(sourceFolder, "color.png"), "color.png");
                zip.CreateEntryFromFile(Path.Combine(sourceFolder, "outline.png"), "outline.png");
            }

            File.Move(partial, outputFile, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
