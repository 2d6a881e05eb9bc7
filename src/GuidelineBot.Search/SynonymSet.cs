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
            throw new KnowledgeFormatException(line, "invalid synonym rule: " + Plain(reason));
        }
    }

    /// <summary>Lucene's reason in the words of the file: "term:  was completely eliminated by analyzer" named nothing.</summary>
    private static string Plain(string reason) => EliminatedRegex().Match(reason) is { Success: true } eliminated
        ? eliminated.Groups[1].Value.Trim() is { Length: > 0 } term
            ? $"'{term}' has no word the search keeps (only punctuation or words such as 'the')"
            : "a side of '=>' is empty (as in 'fob => '): write words on both sides"
        : reason;

    [GeneratedRegex(@"^term: ?(.*) was completely eliminated by analyzer$")]
    private static partial Regex EliminatedRegex();

    [GeneratedRegex(@"line (\d+)")]
    private static partial Regex LineRegex();
}
