using System.Runtime.InteropServices;

namespace GuidelineBot.Search;

/// <summary>
/// Known English words that the spelling step never "corrects" into guideline words ("tell" is not a typo of "well"):
/// the whole words of the MiniLM WordPiece vocabulary (≈23,000), kept as a sorted array of 64-bit hashes (≈180 KB
/// instead of ≈2 MB of strings). Read out of the package once and cached as that array in
/// <see cref="SearchOptions.ModelCachePath"/>, so that a start reads one small file.
/// </summary>
internal sealed class EnglishWords
{
    private readonly ulong[] _hashes;

    /// <summary>Part of the cache file's name: a file of another layout or word filter is never read.</summary>
    private const string FormatVersion = "v1";

    private EnglishWords(ulong[] hashes) => _hashes = hashes;

    /// <summary>No words (tests of the spelling step alone).</summary>
    public static EnglishWords None { get; } = new([]);

    public int Count => _hashes.Length;

    public static EnglishWords From(IEnumerable<string> words) => new(words.Select(w => Hash(w)).Distinct().Order().ToArray());

    /// <summary>The cached set in <paramref name="cacheDirectory"/>; made from the package (and cached) when missing or damaged.</summary>
    public static EnglishWords Load(string cacheDirectory)
    {
        var folder = Path.GetFullPath(cacheDirectory);
        var path = Path.Combine(folder, $"english-words-{FormatVersion}-{MiniLmModel.ModelSha256[..16]}.bin");
        if (TryRead(path) is { } cached)
        {
            return cached;
        }

        var words = From(MiniLmModel.VocabularyWords());
        try
        {
            CacheFile.Write(path, file =>
            {
                Span<byte> header = stackalloc byte[sizeof(long)];
                BitConverter.TryWriteBytes(header, (long)words._hashes.Length);
                file.Write(header);
                file.Write(MemoryMarshal.AsBytes(words._hashes.AsSpan()));
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only cache folder costs the next start the same reading again, nothing else.
        }

        return words;
    }

    public bool Contains(ReadOnlySpan<char> word) => _hashes.Length > 0 && Array.BinarySearch(_hashes, Hash(word)) >= 0;

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes (the cache file depends on it).</summary>
    internal static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>
    /// The cached array when the file exists, holds as many hashes as its header says (a cut file is not whole) and is
    /// strictly sorted; null otherwise.
    /// </summary>
    private static EnglishWords? TryRead(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (bytes.Length < 2 * sizeof(ulong) || BitConverter.ToInt64(bytes) != (bytes.Length / sizeof(ulong)) - 1
            || bytes.Length % sizeof(ulong) != 0)
        {
            return null;
        }

        var hashes = MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan(sizeof(ulong))).ToArray();
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] <= hashes[i - 1])
            {
                return null;
            }
        }

        return new EnglishWords(hashes);
    }
}
