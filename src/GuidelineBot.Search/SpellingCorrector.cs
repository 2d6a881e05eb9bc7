using System.Text.RegularExpressions;

namespace GuidelineBot.Search;

/// <summary>
/// Typo tolerance before analysis: a word that is neither in the guidelines, nor in the synonym file, nor a known
/// English word is replaced by the closest guideline word (optimal string alignment distance 1, or 2 for long words;
/// ties go to the more frequent word). "can i frend parnets" → "can i friend parents".
/// </summary>
internal sealed partial class SpellingCorrector
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly HashSet<string> _known;
    private readonly Dictionary<int, List<string>> _byLength = [];

    public SpellingCorrector(IEnumerable<string> corpusWords, IEnumerable<string> extraKnownWords)
    {
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in corpusWords)
        {
            _vocabulary[w] = _vocabulary.GetValueOrDefault(w) + 1;
        }

        _known = new HashSet<string>(extraKnownWords, StringComparer.Ordinal);
        foreach (var w in _vocabulary.Keys)
        {
            _known.Add(w);
            if (!_byLength.TryGetValue(w.Length, out var list))
            {
                _byLength[w.Length] = list = [];
            }

            list.Add(w);
        }
    }

    public static IEnumerable<string> Words(string text) =>
        WordRegex().Matches(text).Select(m => m.Value.ToLowerInvariant());

    /// <summary>The text with unknown words replaced by their correction; unchanged when nothing needs fixing.</summary>
    public string Correct(string text) =>
        WordRegex().Replace(text, m =>
        {
            var word = m.Value.ToLowerInvariant();
            return CorrectWord(word) ?? m.Value;
        });

    internal string? CorrectWord(string word)
    {
        if (word.Length < 4 || _known.Contains(word) || !word.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        for (var len = word.Length - maxDistance; len <= word.Length + maxDistance; len++)
        {
            if (!_byLength.TryGetValue(len, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var d = Distance(word, candidate, maxDistance);
                if (d > maxDistance)
                {
                    continue;
                }

                var frequency = _vocabulary[candidate];
                if (d < bestDistance || (d == bestDistance && frequency > bestFrequency))
                {
                    best = candidate;
                    bestDistance = d;
                    bestFrequency = frequency;
                }
            }
        }

        return best;
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
