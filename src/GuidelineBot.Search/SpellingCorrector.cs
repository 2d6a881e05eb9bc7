using System.Text;
using System.Text.RegularExpressions;

namespace GuidelineBot.Search;

/// <summary>
/// Typo tolerance before analysis: a word that is neither in the guidelines, nor in the synonym file, nor a known
/// English word is replaced by the closest guideline word (optimal string alignment distance 1, or 2 for long words;
/// ties go to the more frequent word). "can i frend parnets" → "can i friend parents".
/// </summary>
/// <remarks>
/// Candidates come from a symmetric-delete index (as SymSpell): two words within distance d share a string obtained
/// from each by at most d deletions, so every guideline word is indexed under the hashes of its deletions (up to the
/// distance a question word that could reach it allows), and a question word looks up its own deletions. A lookup costs
/// a few dozen binary searches whatever the size of the corpus; each candidate is then checked with the real distance.
/// </remarks>
internal sealed partial class SpellingCorrector
{
    /// <summary>Words at least this long may be corrected.</summary>
    private const int MinWordLength = 4;

    /// <summary>Words at least this long may be two edits away from their correction (shorter ones one).</summary>
    private const int TwoEditLength = 8;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly HashSet<string> _known;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _knownLookup;
    private readonly EnglishWords _english;
    private readonly string[] _words;

    /// <summary>(hash of a deletion) &lt;&lt; 32 | word index, sorted: the symmetric-delete index.</summary>
    private readonly long[] _deletes;

    /// <param name="corpusWords">Every word of the guidelines (with repeats: the more frequent wins a tie).</param>
    /// <param name="extraKnownWords">Words that are never corrected either (the synonym file's).</param>
    /// <param name="english">Known English words, never corrected (<see cref="EnglishWords.None"/>: none).</param>
    public SpellingCorrector(IEnumerable<string> corpusWords, IEnumerable<string> extraKnownWords, EnglishWords english)
    {
        _english = english;
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in corpusWords)
        {
            _vocabulary[w] = _vocabulary.GetValueOrDefault(w) + 1;
        }

        _known = new HashSet<string>(extraKnownWords, StringComparer.Ordinal);
        _known.UnionWith(_vocabulary.Keys);
        _knownLookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        _words = _vocabulary.Keys.ToArray();

        var deletes = new List<long>();
        var hashes = new List<int>();
        for (var id = 0; id < _words.Length; id++)
        {
            var w = _words[id];
            if (w.Length < MinWordLength - 1)
            {
                continue;
            }

            // A question word of length ≥ TwoEditLength reaches words of length ≥ TwoEditLength − 2 with two edits.
            hashes.Clear();
            DeletionHashes(w, w.Length >= TwoEditLength - 2 ? 2 : 1, hashes);
            foreach (var h in hashes)
            {
                deletes.Add(((long)h << 32) | (uint)id);
            }
        }

        _deletes = deletes.Distinct().ToArray();
        Array.Sort(_deletes);
    }

    public static IEnumerable<string> Words(string text) =>
        WordRegex().Matches(text).Select(m => m.Value.ToLowerInvariant());

    /// <summary>The text with unknown words replaced by their correction; unchanged when nothing needs fixing.</summary>
    public string Correct(string text)
    {
        StringBuilder? corrected = null;
        var copied = 0;
        Span<char> buffer = stackalloc char[64];
        foreach (var m in WordRegex().EnumerateMatches(text))
        {
            if (m.Length < MinWordLength)
            {
                continue;
            }

            // Known words (nearly all of them) cost a lower-casing into a buffer and one lookup, and allocate nothing.
            var lower = m.Length <= buffer.Length ? buffer[..m.Length] : new char[m.Length];
            text.AsSpan(m.Index, m.Length).ToLowerInvariant(lower);
            if (_knownLookup.Contains(lower) || _english.Contains(lower) || CorrectWord(new string(lower)) is not { } correction)
            {
                continue;
            }

            corrected ??= new StringBuilder(text.Length + 8);
            corrected.Append(text, copied, m.Index - copied).Append(correction);
            copied = m.Index + m.Length;
        }

        return corrected is null ? text : corrected.Append(text, copied, text.Length - copied).ToString();
    }

    internal string? CorrectWord(string word)
    {
        if (word.Length < MinWordLength || _known.Contains(word) || _english.Contains(word) || !word.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        var maxDistance = word.Length >= TwoEditLength ? 2 : 1;
        var hashes = new List<int>();
        DeletionHashes(word, maxDistance, hashes);
        var seen = new HashSet<int>();
        var best = -1;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var h in hashes)
        {
            var key = (long)h << 32;
            var at = Array.BinarySearch(_deletes, key);
            for (var k = at < 0 ? ~at : at; k < _deletes.Length && (_deletes[k] >> 32) == h; k++)
            {
                var id = (int)(_deletes[k] & 0xFFFF_FFFF);
                if (!seen.Add(id))
                {
                    continue;
                }

                var candidate = _words[id];
                var d = Distance(word, candidate, maxDistance);
                if (d > maxDistance)
                {
                    continue;
                }

                // Closest, then most frequent, then shortest, then first seen in the guidelines.
                var frequency = _vocabulary[candidate];
                if (d < bestDistance || (d == bestDistance && (frequency > bestFrequency
                    || (frequency == bestFrequency && (candidate.Length < _words[best].Length || (candidate.Length == _words[best].Length && id < best))))))
                {
                    best = id;
                    bestDistance = d;
                    bestFrequency = frequency;
                }
            }
        }

        return best < 0 ? null : _words[best];
    }

    /// <summary>Hashes of the word and of every string made from it by deleting up to <paramref name="depth"/> characters.</summary>
    private static void DeletionHashes(string word, int depth, List<int> hashes)
    {
        hashes.Add(string.GetHashCode(word.AsSpan()));
        Span<char> buffer = stackalloc char[word.Length];
        Delete(word, depth, 0, buffer, hashes);
    }

    private static void Delete(ReadOnlySpan<char> word, int depth, int from, Span<char> buffer, List<int> hashes)
    {
        Span<char> next = depth > 1 ? stackalloc char[word.Length] : [];
        for (var i = from; i < word.Length; i++)
        {
            // Deleting the second of two equal letters gives the same string as deleting the first.
            if (i > from && word[i] == word[i - 1])
            {
                continue;
            }

            var shorter = buffer[..(word.Length - 1)];
            word[..i].CopyTo(shorter);
            word[(i + 1)..].CopyTo(shorter[i..]);
            hashes.Add(string.GetHashCode(shorter));
            if (depth > 1 && shorter.Length > 0)
            {
                Delete(shorter, depth - 1, i, next, hashes);
            }
        }
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped.</summary>
    internal static int Distance(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) > cap)
        {
            return cap + 1;
        }

        // Three rolling rows on the stack: words here are short.
        var width = b.Length + 1;
        Span<int> buffer = width <= 64 ? stackalloc int[3 * width] : new int[3 * width];
        var prev2 = buffer[..width];
        var prev = buffer.Slice(width, width);
        var current = buffer.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, current[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > cap)
            {
                return cap + 1;
            }

            var recycled = prev2;
            prev2 = prev;
            prev = current;
            current = recycled;
        }

        return prev[b.Length];
    }

    [GeneratedRegex(@"[\p{L}][\p{L}'’]*")]
    private static partial Regex WordRegex();
}
