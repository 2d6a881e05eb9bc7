using System.Security.Cryptography;
using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

public sealed class MiniLmModelTests
{
    [Fact]
    public void The_model_is_extracted_once_verified_and_replaced_when_damaged()
    {
        using var folder = new TestPaths.TempFolder();
        var cache = Path.Combine(folder.Path, "models");

        var path = MiniLmModel.EnsureModelFile(cache);
        Assert.Equal(MiniLmModel.ModelSha256, Hash(path));
        var written = File.GetLastWriteTimeUtc(path);

        Assert.Equal(path, MiniLmModel.EnsureModelFile(cache));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));   // a good file is reused as it is

        File.WriteAllText(path, "truncated");
        Assert.Equal(path, MiniLmModel.EnsureModelFile(cache));
        Assert.Equal(MiniLmModel.ModelSha256, Hash(path));
        Assert.Single(Directory.GetFiles(cache));                 // no temporary files left behind
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
