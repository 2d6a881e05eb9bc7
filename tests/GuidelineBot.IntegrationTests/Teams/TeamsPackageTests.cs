using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineBot.Cli;
using Json.Schema;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>deploy/teams and <c>package teams</c>: the manifest against the official schema, the icons, the zip.</summary>
public sealed class TeamsPackageTests
{
    private static readonly string Source = Path.Combine(RepoPaths.Root, "deploy", "teams");

    /// <summary>
    /// The official schema from npm @microsoft/app-manifest 1.1.2 (build/json-schemas/teams/v1.24), copied verbatim. It
    /// declares draft-04, which JsonSchema.Net does not implement; it uses no keyword whose meaning changed after draft-04
    /// (asserted below), so it is evaluated as draft-07.
    /// </summary>
    private static JsonSchema Schema()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", "MicrosoftTeams.v1.24.schema.json"));
        var node = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", node["$schema"]!.GetValue<string>());
        Assert.DoesNotContain("\"exclusiveMinimum\": true", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"exclusiveMaximum\": true", text, StringComparison.Ordinal);
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(node.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static EvaluationResults Validate(string manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        return Schema().Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Fact]
    public void Manifest_is_valid_against_the_official_teams_schema()
    {
        var manifest = File.ReadAllText(Path.Combine(Source, "manifest.json"));
        var results = Validate(manifest);
        Assert.True(results.IsValid, Errors(results));

        var node = JsonNode.Parse(manifest)!;
        var manifestVersion = Version.Parse(node["manifestVersion"]!.GetValue<string>());
        Assert.True(manifestVersion >= new Version(1, 24), $"manifestVersion {manifestVersion} is older than 1.24");
        var bot = node["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["help", "topics", "onboard"],
            bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void The_schema_check_rejects_a_broken_manifest()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Source, "manifest.json")))!.AsObject();
        manifest.Remove("developer");
        manifest["accentColor"] = "blue";
        manifest["bots"]![0]!["scopes"] = new JsonArray("everyone");
        var results = Validate(manifest.ToJsonString());
        Assert.False(results.IsValid);
    }

    [Fact]
    public void Color_icon_is_192_square_and_outline_is_32_square_white_on_transparent()
    {
        var color = PngImage.Read(Path.Combine(Source, "color.png"));
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.True(color.Pixels().Select(p => (p.R, p.G, p.B)).Distinct().Count() > 3, "the colour icon should be in colour");

        var outline = PngImage.Read(Path.Combine(Source, "outline.png"));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = outline.Pixels().ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public async Task Package_teams_writes_a_zip_with_the_three_files_at_its_root_and_the_ids_filled_in()
    {
        var folder = Directory.CreateTempSubdirectory("guidelinebot-package-");
        try
        {
            var zipPath = Path.Combine(folder.FullName, "out", "teams.zip");
            const string appId = "0b8d6c2e-1234-4c5d-9e8f-0123456789ab";
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exit = await CliApp.RunAsync(["package", "teams", "--app-id", appId, "--output", zipPath, "--source", Source], stdout, stderr);

            Assert.True(exit == 0, stderr.ToString());
            using var zip = ZipFile.OpenRead(zipPath);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            string manifest;
            using (var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
            {
                manifest = await reader.ReadToEndAsync();
            }

            var node = JsonNode.Parse(manifest)!;
            Assert.Equal(appId, node["id"]!.GetValue<string>());
            Assert.Equal(appId, node["bots"]![0]!["botId"]!.GetValue<string>());
            var results = Validate(manifest);
            Assert.True(results.IsValid, Errors(results));
            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                using var entry = new MemoryStream();
                await using (var stream = zip.GetEntry(icon)!.Open())
                {
                    await stream.CopyToAsync(entry);
                }

                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Source, icon)), entry.ToArray());
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Package_teams_with_a_separate_bot_id()
    {
        var folder = Directory.CreateTempSubdirectory("guidelinebot-package-");
        try
        {
            var zipPath = Path.Combine(folder.FullName, "teams.zip");
            var exit = await CliApp.RunAsync(["package", "teams", "--app-id", "11111111-2222-3333-4444-555555555555",
                "--bot-id", "66666666-7777-8888-9999-000000000000", "--output", zipPath, "--source", Source], new StringWriter(), new StringWriter());
            Assert.Equal(0, exit);
            using var zip = ZipFile.OpenRead(zipPath);
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var node = JsonNode.Parse(await reader.ReadToEndAsync())!;
            Assert.Equal("11111111-2222-3333-4444-555555555555", node["id"]!.GetValue<string>());
            Assert.Equal("66666666-7777-8888-9999-000000000000", node["bots"]![0]!["botId"]!.GetValue<string>());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("null", "is not a JSON object")]
    [InlineData("{\"bots\":[null]}", "\"bots\" must be a list of objects")]
    public async Task Package_teams_with_a_broken_manifest_is_a_one_line_error_and_keeps_the_package_already_there(string manifest, string why)
    {
        var folder = Directory.CreateTempSubdirectory("guidelinebot-package-");
        try
        {
            var source = Directory.CreateDirectory(Path.Combine(folder.FullName, "teams")).FullName;
            File.Copy(Path.Combine(Source, "color.png"), Path.Combine(source, "color.png"));
            File.Copy(Path.Combine(Source, "outline.png"), Path.Combine(source, "outline.png"));
            await File.WriteAllTextAsync(Path.Combine(source, "manifest.json"), manifest);
            var zipPath = Path.Combine(folder.FullName, "teams.zip");
            await File.WriteAllTextAsync(zipPath, "the package built last week");
            var stderr = new StringWriter();

            var exit = await CliApp.RunAsync(["package", "teams", "--app-id", "11111111-2222-3333-4444-555555555555", "--output", zipPath, "--source", source],
                new StringWriter(), stderr);

            Assert.Equal(1, exit);
            Assert.Contains(why, Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Equal("the package built last week", await File.ReadAllTextAsync(zipPath));
            Assert.Equal(["teams", "teams.zip"], folder.EnumerateFileSystemInfos().Select(f => f.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Package_teams_refuses_an_empty_output_or_a_folder_naming_the_option()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await CliApp.RunAsync(["package", "teams", "--app-id", "11111111-2222-3333-4444-555555555555", "--output", "", "--source", Source],
            new StringWriter(), stderr));
        Assert.StartsWith("error: --output needs a file name, e.g. --output guidelinebot-teams.zip", stderr.ToString(), StringComparison.Ordinal);

        // A folder said "Is a directory : '…'" (naming neither the option nor what to do).
        var folder = Directory.CreateTempSubdirectory("guidelinebot-package-").FullName;
        try
        {
            var folderErrors = new StringWriter();
            Assert.Equal(2, await CliApp.RunAsync(["package", "teams", "--app-id", "11111111-2222-3333-4444-555555555555", "--output", folder, "--source", Source],
                new StringWriter(), folderErrors));
            Assert.StartsWith($"error: --output needs a file name, and {folder} is a folder (e.g. --output {Path.Combine(folder, "guidelinebot-teams.zip")})",
                folderErrors.ToString(), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Package_teams_refuses_an_app_id_that_is_not_a_guid()
    {
        var stderr = new StringWriter();
        var output = Path.Combine(Path.GetTempPath(), "guidelinebot-never-" + Guid.NewGuid().ToString("N") + ".zip");
        var exit = await CliApp.RunAsync(["package", "teams", "--app-id", "my-bot", "--output", output, "--source", Source], new StringWriter(), stderr);
        Assert.Equal(2, exit);
        Assert.Contains("--app-id must be a GUID", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}

/// <summary>Just enough PNG reading for the icon checks: 8-bit RGBA, any filter.</summary>
internal sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var i = 8; i < bytes.Length;)
        {
            var length = (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
            var type = System.Text.Encoding.ASCII.GetString(bytes, i + 4, 4);
            var data = bytes.AsSpan(i + 8, length);
            if (type == "IHDR")
            {
                width = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
                height = (data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7];
                Assert.Equal(8, data[8]);
                Assert.Equal(6, data[9]); // RGBA
                Assert.Equal(0, data[12]); // not interlaced
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            i += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        return new PngImage(width, height, Unfilter(raw.ToArray(), width, height));
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        const int bpp = 4;
        var stride = width * bpp;
        var result = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[y * (stride + 1) + 1 + x];
                int a = x >= bpp ? result[y * stride + x - bpp] : 0;
                int b = y > 0 ? result[(y - 1) * stride + x] : 0;
                int c = x >= bpp && y > 0 ? result[(y - 1) * stride + x - bpp] : 0;
                result[y * stride + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + ((a + b) / 2),
                    4 => value + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
