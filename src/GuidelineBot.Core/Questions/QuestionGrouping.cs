namespace GuidelineBot.Core.Questions;

/// <summary>Questions that ask the same thing in different words, counted together.</summary>
/// <param name="Question">The variant asked most often (the latest on a tie): the group's name.</param>
/// <param name="Count">How many times any variant was asked.</param>
/// <param name="People">How many different people asked.</param>
/// <param name="Variants">Every distinct wording, most asked first.</param>
public sealed record QuestionGroup(string Question, int Count, int People, DateTimeOffset LastAsked, IReadOnlyList<string> Variants);

/// <summary>
/// Groups similar questions (the dashboard's "top unanswered"): each wording becomes a set of content words (lower case,
/// question filler dropped, plural "s" removed); two wordings are the same question when the Jaccard similarity of their
/// sets is at least <see cref="SameQuestion"/>. Greedy: wordings in order of frequency, each joins the most similar group
/// (compared with the group's first, most asked wording, so groups do not drift), or starts one.
/// </summary>
public static class QuestionGrouping
{
    /// <summary>Least Jaccard similarity of two wordings' content words for them to count as one question.</summary>
    public const double SameQuestion = 0.5;

    /// <summary>Words shorter than this keep a trailing "s" (is, us, gas).</summary>
    public const int MinPluralLength = 4;

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "i", "im", "me", "my", "we", "our", "us", "you", "your", "it", "its", "this", "that", "these", "those",
        "can", "could", "should", "would", "will", "may", "might", "must", "shall", "do", "does", "did", "is", "are", "am", "was",
        "were", "be", "been", "have", "has", "had", "to", "of", "for", "in", "on", "at", "by", "with", "about", "from", "into",
        "and", "or", "if", "so", "any", "some", "there", "what", "whats", "how", "when", "where", "who", "why", "which",
        "allowed", "ok", "okay", "please", "hi", "hello", "hey", "s", "t",
    };

    public static IReadOnlyList<QuestionGroup> Group(IEnumerable<QuestionRecord> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var wordings = questions
            .GroupBy(q => Normalise(q.Text), StringComparer.Ordinal)
            .Select(g => new Wording(g.Key, g.ToList(), ContentWords(g.Key)))
            .OrderByDescending(w => w.Questions.Count)
            .ThenByDescending(w => w.LastAsked)
            .ThenBy(w => w.Key, StringComparer.Ordinal)
            .ToList();

        // Only groups that share a word with a wording can reach the threshold; a prefix filter (the wording's rarest words,
        // as many as a set that similar must share one of) finds them without comparing every pair, which made the
        // dashboard take minutes once tens of thousands of different questions went unanswered.
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in wordings.SelectMany(w => w.Words))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        var groups = new List<List<Wording>>();
        var byPrefixWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var wording in wordings)
        {
            var prefix = Prefix(wording.Words, frequency);
            var (best, bestSimilarity) = (-1, 0.0);
            foreach (var index in prefix.SelectMany(w => byPrefixWord.GetValueOrDefault(w) ?? []).Distinct().Order())
            {
                var similarity = Similarity(groups[index][0].Words, wording.Words);
                if (similarity >= SameQuestion && similarity > bestSimilarity)
                {
                    (best, bestSimilarity) = (index, similarity);
                }
            }

            if (best >= 0)
            {
                groups[best].Add(wording);
                continue;
            }

            groups.Add([wording]);
            foreach (var word in prefix)
            {
                if (!byPrefixWord.TryGetValue(word, out var indexes))
                {
                    byPrefixWord[word] = indexes = [];
                }

                indexes.Add(groups.Count - 1);
            }
        }

        return groups
            .Select(g => new QuestionGroup(
                g[0].Text,
                g.Sum(w => w.Questions.Count),
                g.SelectMany(w => w.Questions).Select(q => q.UserHash).Distinct(StringComparer.Ordinal).Count(),
                g.Max(w => w.LastAsked),
                g.Select(w => w.Text).ToList()))
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)
            .ToList();
    }

    /// <summary>
    /// The words of <paramref name="words"/> that any set at least <see cref="SameQuestion"/> alike must share one of:
    /// its <c>n − ⌈t·n⌉ + 1</c> rarest (by <paramref name="frequency"/>, then by spelling, one order for every set).
    /// </summary>
    private static IEnumerable<string> Prefix(IReadOnlySet<string> words, Dictionary<string, int> frequency) =>
        words.OrderBy(w => frequency[w]).ThenBy(w => w, StringComparer.Ordinal)
            .Take(words.Count - (int)Math.Ceiling(SameQuestion * words.Count) + 1)
            .ToList();

    /// <summary>Jaccard similarity of two sets of content words; two empty sets (only filler) are alike only when equal text.</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>The content words of a question: lower case, letters and digits only, filler dropped, plural "s" removed.</summary>
    public static IReadOnlySet<string> ContentWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokens(text))
        {
            if (Filler.Contains(token))
            {
                continue;
            }

            words.Add(token.Length >= MinPluralLength && token[^1] == 's' && token[^2] != 's' ? token[..^1] : token);
        }

        return words;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>One wording of a question, whatever its case, spacing and punctuation: its words, lower case.</summary>
    private static string Normalise(string text) => string.Join(' ', Tokens(text));

    private sealed record Wording(string Key, List<QuestionRecord> Questions, IReadOnlySet<string> Words)
    {
        public DateTimeOffset LastAsked => Questions.Max(q => q.At);

        /// <summary>The latest spelling as asked (original case).</summary>
        public string Text => Questions.MaxBy(q => q.At)!.Text.Trim();
    }
}
