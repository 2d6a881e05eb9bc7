using System.Security.Cryptography;
using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

public sealed class MiniLmModelTests
{
    [Theory]
    [InlineData(ModelPrecision.Float32, false, MiniLmModel.ModelSha256)]
    [InlineData(ModelPrecision.Int8, false, MiniLmModel.QuantizedModelSha256)]
    [InlineData(ModelPrecision.Int8, true, MiniLmModel.SignedQuantizedModelSha256)]
    public void The_model_is_made_once_verified_and_replaced_when_damaged(ModelPrecision precision, bool signedWeights, string sha256)
    {
        using var folder = new TestPaths.TempFolder();
        var cache = Path.Combine(folder.Path, "models");

        var path = MiniLmModel.EnsureModelFile(cache, precision, signedWeights);
        Assert.Equal(sha256, Hash(path));
        var written = File.GetLastWriteTimeUtc(path);

        Assert.Equal(path, MiniLmModel.EnsureModelFile(cache, precision, signedWeights));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));   // a good file is reused as it is

        File.WriteAllText(path, "truncated");
        Assert.Equal(path, MiniLmModel.EnsureModelFile(cache, precision, signedWeights));
        Assert.Equal(sha256, Hash(path));
        Assert.Single(Directory.GetFiles(cache));                 // no temporary files, and no full-precision copy for int8
    }

    [Fact]
    public void Each_precision_has_its_own_file_and_its_own_vectors()
    {
        using var folder = new TestPaths.TempFolder();

        var int8 = MiniLmModel.EnsureModelFile(folder.Path, ModelPrecision.Int8);
        var float32 = MiniLmModel.EnsureModelFile(folder.Path, ModelPrecision.Float32);

        Assert.NotEqual(int8, float32);
        Assert.True(new FileInfo(int8).Length < new FileInfo(float32).Length * 0.7, "int8 weights take less room");
        Assert.NotEqual(MiniLmModel.ModelId(ModelPrecision.Int8), MiniLmModel.ModelId(ModelPrecision.Float32));
    }

    [Fact]
    public void The_int8_weights_stored_signed_have_their_own_file_chosen_by_the_processor()
    {
        using var folder = new TestPaths.TempFolder();

        var unsigned = MiniLmModel.EnsureModelFile(folder.Path, ModelPrecision.Int8, signedWeights: false);
        var signed = MiniLmModel.EnsureModelFile(folder.Path, ModelPrecision.Int8, signedWeights: true);

        Assert.NotEqual(unsigned, signed);
        Assert.Equal(ModelQuantizer.SignedWeightsAreExact ? signed : unsigned, MiniLmModel.EnsureModelFile(folder.Path));
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
