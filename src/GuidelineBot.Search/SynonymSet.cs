using System.Globalization;
using System.Text.RegularExpressions;
using GuidelineBot.Core.Knowledge;
using Lucene.Net.Analysis.Synonym;

namespace GuidelineBot.Search;

/// <summary>
/// A parsed synonym file, ready for <see cref="LuceneGuidelineSearch"/>: the live knowledge keeps the last good one
/// when the file on disk is broken.
/// </summary>
public sealed partial class SynonymSet
{
    private SynonymSet(SynonymMap? map, IReadOnlyCollection<string> words)
    {
        Map = map;
        Words = words;
    }

    /// <summary>No synonyms (no file).</summary>
    public static SynonymSet None { get; } = new(null, []);

    internal SynonymMap? Map { get; }

    internal IReadOnlyCollection<string> Words { get; }

    /// <summary>Parses Solr-format text; a bad rule throws <see cref="KnowledgeFormatException"/> with its line.</summary>
    /// <param name="name">The file, for the message.</param>
    public static SynonymSet Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new SynonymSet(Synonyms.Parse(text, name), Synonyms.WordsIn(text.Split('\n')).ToArray());
        }
        catch (FormatException ex)
        {
            var line = LineRegex().Match(ex.InnerException?.Message ?? ex.Message) is { Success: true } m
                ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : 0;
            var reason = ex.InnerException?.InnerException?.Message ?? ex.InnerException?.Message ?? ex.Message;
            throw new KnowledgeFormatException(line, "invalid synonym rule: " + reason);
        }
    }

    [GeneratedRegex(@"line (\d+)")]
    private static partial Regex LineRegex();
}
