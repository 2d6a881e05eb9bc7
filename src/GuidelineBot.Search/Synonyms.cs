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

    internal static SynonymMap Parse(string text, string name)
    {
        using var analyzer = GuidelineAnalyzer.CreateSynonymParsing();
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        try
        {
            parser.Parse(new StringReader(text));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"{name}: invalid synonym file: {ex.Message}", ex);
        }

        return parser.Build();
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
