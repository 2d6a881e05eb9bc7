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
        Assert.Equal((first.Count + 1) * sizeof(ulong), new FileInfo(file).Length);
        Assert.True(first.Contains("tell") && first.Contains("friend") && first.Contains("tomorrow"));
        Assert.False(first.Contains("parnets"));

        // The second start reads the file: a word written into it is known, although the package does not have it.
        var extra = EnglishWords.Hash("zzyzxq");
        var hashes = File.ReadAllBytes(file).Skip(sizeof(ulong)).Chunk(sizeof(ulong)).Select(b => BitConverter.ToUInt64(b)).Append(extra).Order().ToList();
        File.WriteAllBytes(file, [.. BitConverter.GetBytes((long)hashes.Count), .. hashes.SelectMany(BitConverter.GetBytes)]);
        Assert.True(EnglishWords.Load(_folder).Contains("zzyzxq"));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void A_cut_cache_file_is_not_taken_for_a_short_list()
    {
        var first = EnglishWords.Load(_folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "english-words-*.bin"));
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..4096]);

        var again = EnglishWords.Load(_folder);

        Assert.Equal(first.Count, again.Count);
        Assert.True(again.Contains("tell"));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_still_gives_the_words_and_leaves_no_temp_file()
    {
        var first = EnglishWords.Load(_folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "english-words-*.bin"));
        File.Delete(file);
        Directory.CreateDirectory(file); // the file's name is taken by a folder: the move fails

        var words = EnglishWords.Load(_folder);

        Assert.Equal(first.Count, words.Count);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
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
        Assert.Equal((first.Count + 1) * sizeof(ulong), new FileInfo(file).Length);
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
