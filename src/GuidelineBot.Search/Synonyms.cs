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
    /// The most pairings (word or phrase → synonym) a file may make. A group of n words expands to n × n of them, and
    /// building the map costs about half a microsecond each, so one group of 3,000 words (9 million) held a reload for
    /// 4 s, and 8,000 words for 48 s. 100,000 is a few hundred times what a real synonym file needs.
    /// </summary>
    public const int MaxPairings = 100_000;

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
    /// Throws, the way Lucene's parser does (a message naming the line, the reason inside), at the line where the file
    /// goes over <see cref="MaxPairings"/>.
    /// </summary>
    private static void CheckSize(string text)
    {
        long total = 0;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var sides = line.Split("=>");
            long pairings = sides.Length == 2 ? (long)Items(sides[0]) * Items(sides[1]) : (long)Items(line) * Items(line);
            total += pairings;
            if (total > MaxPairings)
            {
                var reason = pairings > MaxPairings
                    ? string.Create(CultureInfo.InvariantCulture, $"this rule makes {pairings:N0} pairings of a word with a synonym (a group of n words makes n × n); a synonym file may make at most {MaxPairings:N0}: split the group, or keep the words people really type")
                    : string.Create(CultureInfo.InvariantCulture, $"this rule makes {pairings:N0} pairings of a word with a synonym, which brings the file to {total:N0} (a group of n words makes n × n); a synonym file may make at most {MaxPairings:N0}");
                throw new FormatException($"Invalid synonym rule at line {lineNumber}", new ArgumentException(reason));
            }
        }

        // Items separated by commas, a backslash-escaped comma not counting.
        static int Items(string side) => 1 + side.Replace("\\\\", "", StringComparison.Ordinal).Replace("\\,", "", StringComparison.Ordinal).Count(c => c == ',');
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
