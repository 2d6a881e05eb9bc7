using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

public sealed class EnglishWordsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "english-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Contains_exactly_the_words_it_was_made_from()
    {
        var words = EnglishWords.From(["tell", "joke", "tell"]);
        Assert.Equal(2, words.Count);
        Assert.True(words.Contains("tell"));
        Assert.True(words.Contains("joke".AsSpan()));
        Assert.False(words.Contains("well"));
        Assert.False(words.Contains(""));
        Assert.False(EnglishWords.None.Contains("tell"));
    }

    [Fact]
    public void The_vocabulary_is_read_from_the_package_once_and_then_from_the_cache()
    {
        var first = EnglishWords.Load(_folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "english-words-*.bin"));
        Assert.InRange(first.Count, 15_000, 40_000);
        Assert.Equal(first.Count * sizeof(ulong), new FileInfo(file).Length);
        Assert.True(first.Contains("tell") && first.Contains("friend") && first.Contains("tomorrow"));
        Assert.False(first.Contains("parnets"));

        // The second start reads the file: a word written into it is known, although the package does not have it.
        var extra = EnglishWords.Hash("zzyzxq");
        var hashes = File.ReadAllBytes(file).Chunk(sizeof(ulong)).Select(b => BitConverter.ToUInt64(b)).Append(extra).Order();
        File.WriteAllBytes(file, hashes.SelectMany(BitConverter.GetBytes).ToArray());
        Assert.True(EnglishWords.Load(_folder).Contains("zzyzxq"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_damaged_cache_file_is_made_again(int length)
    {
        var first = EnglishWords.Load(_folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "english-words-*.bin"));
        File.WriteAllBytes(file, new byte[length]);

        var again = EnglishWords.Load(_folder);

        Assert.Equal(first.Count, again.Count);
        Assert.True(again.Contains("tell"));
        Assert.Equal(first.Count * sizeof(ulong), new FileInfo(file).Length);
    }

    [Fact]
    public void An_unsorted_cache_file_is_made_again()
    {
        var first = EnglishWords.Load(_folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "english-words-*.bin"));
        var bytes = File.ReadAllBytes(file);
        Array.Reverse(bytes);
        File.WriteAllBytes(file, bytes);

        Assert.True(EnglishWords.Load(_folder).Contains("tell"));
        Assert.Equal(first.Count, EnglishWords.Load(_folder).Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
