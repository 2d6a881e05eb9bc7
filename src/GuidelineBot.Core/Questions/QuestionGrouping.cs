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

        var groups = new List<List<Wording>>();
        foreach (var wording in wordings)
        {
            var best = groups
                .Select(g => (Group: g, Similarity: Similarity(g[0].Words, wording.Words)))
                .Where(c => c.Similarity >= SameQuestion)
                .OrderByDescending(c => c.Similarity)
                .FirstOrDefault();
            if (best.Group is { } group)
            {
                group.Add(wording);
            }
            else
            {
                groups.Add([wording]);
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
