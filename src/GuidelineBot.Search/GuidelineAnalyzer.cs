using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;

namespace GuidelineBot.Search;

/// <summary>
/// English analysis: standard tokens → combining marks dropped → ASCII folding (curly quotes too) → possessives → lower case →
/// [synonyms, query side only] → stop words (English + question filler) → Porter stemming.
/// </summary>
internal static class GuidelineAnalyzer
{
    /// <summary>Words that carry no topic in a staff question ("can I …", "what should I …").</summary>
    private static readonly string[] QuestionFiller =
    [
        "i", "me", "my", "mine", "myself", "we", "us", "our", "you", "your", "yours", "he", "she", "him", "her", "his",
        "can", "could", "should", "would", "may", "might", "must", "shall", "do", "does", "did", "doing", "done",
        "what", "whats", "how", "when", "where", "why", "who", "whom", "which", "am", "been", "being", "has", "have",
        "had", "having", "get", "got", "ok", "okay", "please", "just", "also", "about", "any", "anything", "some",
        "something", "so", "too", "very", "really", "from", "up", "out", "than", "because", "while", "its", "it's",
        "i'm", "im", "i've", "ive", "let", "lets", "there's", "here", "those", "them", "were", "yes", "all", "one",
        "own", "like", "thing", "things", "want", "wanna", "need", "know", "tell", "okay", "hey", "hi", "guys",
        "allowed", "permitted", "ever", "still", "else", "even", "way", "ways", "go", "over", "someone", "somebody", "anyone", "anybody", "people", "person", "ok", "fine", "alright", "appropriate", "acceptable", "supposed", "able", "going", "gonna",
    ];

    public static readonly CharArraySet StopWords = BuildStopWords();

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(LuceneSetup.Version, 128, true);
        foreach (var w in EnglishAnalyzer.DefaultStopSet)
        {
            set.Add(w);
        }

        foreach (var w in QuestionFiller)
        {
            set.Add(w);
        }

        return set.AsReadOnly();
    }

    /// <summary>The analyzer for indexing (no synonyms).</summary>
    public static Analyzer CreateIndex() =>
        Analyzer.NewAnonymous((_, reader) =>
        {
            var (source, ts) = Normalized(reader);
            return new TokenStreamComponents(source, Stemmed(ts));
        });

    /// <summary>
    /// The analyzer for questions: synonyms when a map is given, and the typed words tracked through them. Its token
    /// stream is a <see cref="TypedWords.Output"/>; a token whose word the user typed carries <see cref="TypedWords.Flag"/>.
    /// </summary>
    public static Analyzer CreateQuery(SynonymMap? synonyms) =>
        Analyzer.NewAnonymous((_, reader) =>
        {
            var (source, ts) = Normalized(reader);
            var typed = new TypedWords();
            ts = new TypedWords.Recorder(ts, typed, StopWords);
            if (synonyms is not null && synonyms.Fst is not null)
            {
                ts = new SynonymFilter(ts, synonyms, ignoreCase: true);
            }

            ts = new TypedWords.Marker(ts, typed);
            return new TokenStreamComponents(source, new TypedWords.Output(Stemmed(ts), typed));
        });

    /// <summary>Standard tokens → combining marks dropped → ASCII folding → possessives → lower case.</summary>
    private static (Tokenizer Source, TokenStream Stream) Normalized(TextReader reader)
    {
        var source = new StandardTokenizer(LuceneSetup.Version, reader);
        TokenStream ts = new StandardFilter(LuceneSetup.Version, source);
        ts = new ASCIIFoldingFilter(new CombiningMarkFilter(ts));
        ts = new EnglishPossessiveFilter(LuceneSetup.Version, ts);
        return (source, new LowerCaseFilter(LuceneSetup.Version, ts));
    }

    /// <summary>Stop words → Porter stemming.</summary>
    private static TokenStream Stemmed(TokenStream ts) => new PorterStemFilter(new StopFilter(LuceneSetup.Version, ts, StopWords));

    /// <summary>Non-stemming analyzer used to read the synonym file (folding and lower-casing only).</summary>
    public static Analyzer CreateSynonymParsing() =>
        Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(LuceneSetup.Version, reader);
            TokenStream ts = new ASCIIFoldingFilter(new CombiningMarkFilter(source));
            ts = new EnglishPossessiveFilter(LuceneSetup.Version, ts);
            ts = new LowerCaseFilter(LuceneSetup.Version, ts);
            return new TokenStreamComponents(source, ts);
        });
}
