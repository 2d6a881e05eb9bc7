using System.Globalization;
using GuidelineBot.Core.Knowledge;
using Lucene.Net.Analysis.Synonym;

namespace GuidelineBot.Search;

/// <summary>Reads a Solr-format synonym file (<c>a, b, c</c> and <c>a =&gt; b</c> lines) through Lucene's own parser.</summary>
public static class Synonyms
{
    /// <summary>Parses the file; a missing file means no synonyms. Throws <see cref="FormatException"/> naming the line.</summary>
    internal static SynonymMap? Load(string? path)
    {
        return path is not null && KnowledgeLoader.ReadText(path) is { } text ? Parse(text, path) : null;
    }

    /// <summary>
    /// The most pairings (word or phrase → synonym) one rule may make. A group of n words expands to n × n of them, and
    /// one large group is what costs: a group of 3,000 words (9 million) held a reload for 4 s, and 8,000 words for 48 s.
    /// 10,000 is a group of 100 words, far more than a real synonym needs.
    /// </summary>
    public const int MaxRulePairings = 10_000;

    /// <summary>
    /// The most pairings a whole file may make: many small rules cost less (33,000 groups of 3, about 300,000 pairings,
    /// build in 0.7 s), so this bounds a reload at about a second.
    /// </summary>
    public const int MaxFilePairings = 500_000;

    internal static SynonymMap Parse(string text, string name)
    {
        using var analyzer = GuidelineAnalyzer.CreateSynonymParsing();
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        try
        {
            CheckSize(text);
            parser.Parse(new StringReader(text));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"{name}: invalid synonym file: {ex.Message}", ex);
        }

        return parser.Build();
    }

    /// <summary>
    /// Throws, the way Lucene's parser does (a message naming the line, the reason inside), at the first rule over
    /// <see cref="MaxRulePairings"/> or the line where the file goes over <see cref="MaxFilePairings"/>. Lines end as
    /// Lucene reads them (LF, CRLF or CR); empty items (<c>a,,b</c>) are dropped, as Lucene drops them.
    /// </summary>
    private static void CheckSize(string text)
    {
        long total = 0;
        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var sides = line.Split("=>");
            var pairings = sides.Length == 2 ? (long)Items(sides[0]) * Items(sides[1]) : (long)Items(line) * Items(line);
            total += pairings;
            var reason = pairings > MaxRulePairings
                ? string.Create(CultureInfo.InvariantCulture,
                    $"this rule makes {pairings:N0} pairings of a word with a synonym (a group of n words makes n × n); a rule may make at most {MaxRulePairings:N0} (a group of 100 words): split the group, or keep the words people really type")
                : total > MaxFilePairings
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"by this rule the file makes {total:N0} pairings of a word with a synonym (a group of n words makes n × n); a synonym file may make at most {MaxFilePairings:N0}")
                    : null;
            if (reason is not null)
            {
                throw new FormatException($"Invalid synonym rule at line {lineNumber}", new ArgumentException(reason));
            }
        }

        // Items separated by commas (a backslash-escaped comma does not separate), empty ones dropped.
        static int Items(string side) => side.Replace("\\\\", "x", StringComparison.Ordinal).Replace("\\,", "x", StringComparison.Ordinal)
            .Split(',').Count(item => item.Trim().Length > 0);
    }

    /// <summary>Every single word that appears in the synonym file (they count as known words for spelling).</summary>
    internal static IEnumerable<string> Words(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            yield break;
        }

        foreach (var word in WordsIn(File.ReadLines(path)))
        {
            yield return word;
        }
    }

    /// <summary>Every single word on the given lines of a synonym file.</summary>
    internal static IEnumerable<string> WordsIn(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            foreach (var w in line.Split([',', ' ', '=', '>', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return w.ToLowerInvariant();
            }
        }
    }
}
