using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace GuidelineBot.Search;

/// <summary>
/// The shared index: one Lucene document per section (heading, whole text, document title) and one per passage, in a
/// RAMDirectory built at start-up; one <see cref="IndexSearcher"/> shared by all threads. Queries are built term by
/// term from the analyzed user text, so nothing the user types is ever read as query syntax. Candidates are scored on
/// BM25, on how much of the question's vocabulary the section covers, and (optionally) on MiniLM sentence similarity.
/// </summary>
public sealed partial class LuceneGuidelineSearch : IGuidelineSearch, IDisposable
{
    private const string FieldKind = "kind";
    private const string FieldSection = "sid";
    private const string FieldPassage = "pid";
    private const string FieldHeading = "heading";
    private const string FieldBody = "body";
    private const string FieldPassageBody = "pbody";
    private const string FieldTitle = "title";
    private const int MaxQueryTerms = 64;
    private const int MaxEncodedChars = 1000;

    private readonly SearchOptions _options;
    private readonly GuidelineSection[] _sections;
    private readonly HashSet<string>[] _sectionTerms;
    private readonly Dictionary<string, int> _termSectionFrequency = new(StringComparer.Ordinal);
    private readonly Analyzer _indexAnalyzer;
    private readonly Analyzer _queryAnalyzer;
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly SpellingCorrector _speller;
    private readonly int[] _docSection;
    private readonly int[] _docPassage;
    private readonly ISemanticEncoder? _encoder;
    private readonly float[][] _headingVectors = [];
    private readonly float[][][] _passageVectors = [];
    private readonly float[][][] _sentenceVectors = [];

    /// <summary>
    /// Term statistics per (field, term), looked up in the terms dictionary once: building them was half of a lexical
    /// query's cost. The index never changes, so they stay valid; only corpus terms are queried, which bounds the map.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Field, string Term), TermContext> _termContexts = new();

    public LuceneGuidelineSearch(KnowledgeBase knowledge, SearchOptions options, string? synonymsPath = null, ISemanticEncoder? encoder = null)
        : this(knowledge, options, Synonyms.Load(synonymsPath), Synonyms.Words(synonymsPath).ToArray(), encoder)
    {
    }

    internal LuceneGuidelineSearch(KnowledgeBase knowledge, SearchOptions options, SynonymMap? synonyms, IReadOnlyCollection<string> synonymWords, ISemanticEncoder? encoder)
    {
        Knowledge = knowledge;
        _options = options;
        _encoder = options.Reranker == RerankerKind.MiniLM ? encoder : null;
        _sections = knowledge.Sections.ToArray();
        _indexAnalyzer = GuidelineAnalyzer.Create(null);
        _queryAnalyzer = GuidelineAnalyzer.Create(synonyms);

        var similarity = new BM25Similarity();
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneSetup.Version, _indexAnalyzer) { Similarity = similarity }))
        {
            for (var i = 0; i < _sections.Length; i++)
            {
                var s = _sections[i];
                var heading = s.ParentHeading is null ? s.Heading : s.ParentHeading + " " + s.Heading;
                writer.AddDocument(new Document
                {
                    new StringField(FieldKind, "section", Field.Store.NO),
                    new StoredField(FieldSection, i),
                    new TextField(FieldHeading, heading, Field.Store.NO),
                    new TextField(FieldBody, s.Text, Field.Store.NO),
                    new TextField(FieldTitle, s.DocumentTitle, Field.Store.NO),
                });
                for (var j = 0; j < s.Passages.Count; j++)
                {
                    writer.AddDocument(new Document
                    {
                        new StringField(FieldKind, "passage", Field.Store.NO),
                        new StoredField(FieldSection, i),
                        new StoredField(FieldPassage, j),
                        new TextField(FieldPassageBody, s.Passages[j].Text, Field.Store.NO),
                    });
                }
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = similarity };

        // Lucene doc id → (section, passage or -1), read once so the hot path loads no stored fields.
        _docSection = new int[_reader.MaxDoc];
        _docPassage = new int[_reader.MaxDoc];
        for (var d = 0; d < _reader.MaxDoc; d++)
        {
            var doc = _reader.Document(d);
            _docSection[d] = doc.GetField(FieldSection).GetInt32Value()!.Value;
            _docPassage[d] = doc.GetField(FieldPassage)?.GetInt32Value() ?? -1;
        }

        _sectionTerms = new HashSet<string>[_sections.Length];
        var corpusWords = new List<string>();
        for (var i = 0; i < _sections.Length; i++)
        {
            var s = _sections[i];
            var all = $"{s.ParentHeading} {s.Heading}\n{s.Text}\n{s.DocumentTitle}";
            _sectionTerms[i] = Analyze(_indexAnalyzer, all).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            foreach (var t in _sectionTerms[i])
            {
                _termSectionFrequency[t] = _termSectionFrequency.GetValueOrDefault(t) + 1;
            }

            corpusWords.AddRange(SpellingCorrector.Words(all));
        }

        var known = synonymWords.Concat(_encoder is null ? [] : MiniLmEncoder.VocabularyWords());
        _speller = new SpellingCorrector(corpusWords, known);

        if (_encoder is not null && _sections.Length > 0)
        {
            // Vectors for each heading, each passage (with its heading) and each sentence (with its heading).
            var texts = new List<string>();
            var sentenceCounts = new int[_sections.Length];
            foreach (var (s, i) in _sections.Select((s, i) => (s, i)))
            {
                var heading = HeadingText(s);
                texts.Add(heading);
                texts.AddRange(s.Passages.Select(p => Truncate(heading + ": " + p.Text)));
                var sentences = s.Passages.SelectMany(p => Sentences(p.Text)).ToArray();
                sentenceCounts[i] = sentences.Length;
                texts.AddRange(sentences.Select(x => Truncate(heading + ": " + x)));
            }

            var vectors = _encoder.Encode(texts);
            _headingVectors = new float[_sections.Length][];
            _passageVectors = new float[_sections.Length][][];
            _sentenceVectors = new float[_sections.Length][][];
            var k = 0;
            for (var i = 0; i < _sections.Length; i++)
            {
                _headingVectors[i] = vectors[k++];
                _passageVectors[i] = vectors.Skip(k).Take(_sections[i].Passages.Count).ToArray();
                k += _passageVectors[i].Length;
                _sentenceVectors[i] = vectors.Skip(k).Take(sentenceCounts[i]).ToArray();
                k += sentenceCounts[i];
            }
        }
    }

    public KnowledgeBase Knowledge { get; }

    public SearchResult Search(string question, int maxResults, CancellationToken cancellationToken = default)
    {
        var features = Score(question ?? "", cancellationToken);
        var hits = features
            .OrderByDescending(f => f.Rank)
            .Take(Math.Max(0, maxResults))
            .Select(f => new SearchHit(_sections[f.Section], f.Rank, f.Confidence, PickPassages(f)))
            .ToArray();
        return new SearchResult(question ?? "", hits);
    }

    /// <summary>Per-section evidence for one question (exposed for calibration and tests).</summary>
    public sealed record Features(int Section, double Lexical, double Coverage, double Semantic, double[] PassageScores)
    {
        public double SemanticHeading { get; init; }

        public double SemanticPassage { get; init; }

        public double SemanticSentence { get; init; }

        public double Rank { get; init; }

        public double Confidence { get; init; }
    }

    public IReadOnlyList<Features> Score(string question, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (question.Length > 4 * MaxEncodedChars)
        {
            question = question[..(4 * MaxEncodedChars)];
        }

        var corrected = _speller.Correct(question);
        var groups = TermGroups(corrected);

        // Lexical: BM25 over section and passage documents.
        var lexical = new double[_sections.Length];
        var passageLexical = _sections.Select(s => new double[s.Passages.Count]).ToArray();
        var query = groups.Count > 0 ? BuildQuery(groups) : null;
        if (query is not null && query.Clauses.Count > 0)
        {
            var collector = TopScoreDocCollector.Create(Math.Max(1, _reader.MaxDoc), true);
            _searcher.Search(query, collector);
            foreach (var sd in collector.GetTopDocs().ScoreDocs)
            {
                var sid = _docSection[sd.Doc];
                var pid = _docPassage[sd.Doc];
                if (pid < 0)
                {
                    lexical[sid] += sd.Score;
                }
                else
                {
                    passageLexical[sid][pid] = sd.Score;
                }
            }

            for (var i = 0; i < lexical.Length; i++)
            {
                lexical[i] += passageLexical[i].DefaultIfEmpty(0).Max();
            }
        }

        var maxLexical = lexical.DefaultIfEmpty(0).Max();

        // Semantic: cosine to the heading and to each passage.
        float[]? q = null;
        if (_encoder is not null && corrected.Trim().Length > 0)
        {
            q = _encoder.Encode([Truncate(corrected)], cancellationToken)[0];
        }

        var results = new List<Features>(_sections.Length);
        for (var i = 0; i < _sections.Length; i++)
        {
            var coverage = Coverage(groups, _sectionTerms[i]);
            var lex = maxLexical > 0 ? lexical[i] / maxLexical : 0;
            double semantic = 0;
            var passageScores = new double[_sections[i].Passages.Count];
            var maxPassageLex = passageLexical[i].DefaultIfEmpty(0).Max();
            for (var j = 0; j < passageScores.Length; j++)
            {
                passageScores[j] = maxPassageLex > 0 ? passageLexical[i][j] / maxPassageLex : 0;
            }

            double semHeading = 0, semPassage = 0, semSentence = 0;
            if (q is not null)
            {
                semHeading = Dot(q, _headingVectors[i]);
                for (var j = 0; j < passageScores.Length; j++)
                {
                    var cos = Dot(q, _passageVectors[i][j]);
                    semPassage = Math.Max(semPassage, cos);
                    passageScores[j] = 0.5 * passageScores[j] + cos;
                }

                foreach (var v in _sentenceVectors[i])
                {
                    semSentence = Math.Max(semSentence, Dot(q, v));
                }

                semantic = Math.Max(semHeading, Math.Max(semPassage, semSentence));
            }

            var f = new Features(i, lex, coverage, semantic, passageScores)
            {
                SemanticHeading = semHeading,
                SemanticPassage = semPassage,
                SemanticSentence = semSentence,
            };
            results.Add(Calibrate(f));
        }

        return results;
    }

    /// <summary>
    /// Combines the evidence into a ranking score and a 0..1 confidence. The weights and the logistic confidence were
    /// fitted on paraphrased staff questions over the seed document and two unseen documents (see README, "Answer
    /// quality"); the confidence is shifted so that the default <c>Answers:MinConfidence</c> of 0.5 is the calibrated cut.
    /// </summary>
    private Features Calibrate(Features f)
    {
        if (_encoder is null)
        {
            var rank = 0.3 * f.Lexical + 0.7 * f.Coverage;
            var confidence = f.Lexical <= 0 ? 0 : Logistic(-1.43 + 4.57 * f.Coverage);
            return f with { Rank = rank, Confidence = confidence };
        }
        else
        {
            var rank = 0.1 * f.Lexical + 0.1 * f.Coverage + 0.2 * f.SemanticPassage + 0.5 * f.SemanticSentence;
            var confidence = Logistic(-3.75 + 6.2 * f.SemanticSentence + 3.95 * f.Coverage);
            return f with { Rank = rank, Confidence = confidence };
        }
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private IReadOnlyList<Passage> PickPassages(Features f)
    {
        var passages = _sections[f.Section].Passages;
        if (passages.Count == 0)
        {
            return [];
        }

        var best = f.PassageScores.Max();
        if (best <= 0)
        {
            return [passages[0]];
        }

        return passages.Where((_, j) => f.PassageScores[j] >= 0.75 * best).Take(3).ToArray();
    }

    /// <summary>One group per query position: the word the user typed (stemmed) and its synonyms.</summary>
    internal sealed record TermGroup(List<string> Terms, List<string> Synonyms)
    {
        public override string ToString() => string.Join(",", Terms) + " | " + string.Join(",", Synonyms);
    }

    internal List<TermGroup> TermGroups(string text)
    {
        // The synonym filter marks every token of a matched rule as a synonym, the typed word included; the analysis
        // without synonyms tells which stemmed terms the user actually typed.
        var typed = Analyze(_indexAnalyzer, text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var groups = new List<TermGroup>();
        foreach (var token in Analyze(_queryAnalyzer, text))
        {
            if (token.PositionIncrement > 0 || groups.Count == 0)
            {
                if (groups.Count >= MaxQueryTerms)
                {
                    break;
                }

                groups.Add(new TermGroup([], []));
            }

            var g = groups[^1];
            var list = typed.Contains(token.Term) ? g.Terms : g.Synonyms;
            if (!g.Terms.Contains(token.Term) && !g.Synonyms.Contains(token.Term))
            {
                list.Add(token.Term);
            }
        }

        // Drop groups with nothing left and words typed twice.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return groups.Where(g => g.Terms.Count + g.Synonyms.Count > 0)
            .Where(g => g.Terms.Count == 0 || g.Terms.Any(seen.Add))
            .ToList();
    }

    private BooleanQuery BuildQuery(List<TermGroup> groups)
    {
        var query = new BooleanQuery(disableCoord: true);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            foreach (var (term, weight) in g.Terms.Select(t => (t, 1f)).Concat(g.Synonyms.Select(t => (t, _options.SynonymWeight))))
            {
                // Terms no section contains cannot match: leave them out of the query (they still count in coverage).
                if (!_termSectionFrequency.ContainsKey(term) || !added.Add(term))
                {
                    continue;
                }

                query.Add(TermQueryFor(FieldHeading, term, _options.HeadingBoost * weight), Occur.SHOULD);
                query.Add(TermQueryFor(FieldBody, term, weight), Occur.SHOULD);
                query.Add(TermQueryFor(FieldPassageBody, term, weight), Occur.SHOULD);
                query.Add(TermQueryFor(FieldTitle, term, 0.3f * weight), Occur.SHOULD);
            }
        }

        return query;
    }

    private TermQuery TermQueryFor(string field, string text, float boost)
    {
        var term = new Term(field, text);
        var context = _termContexts.GetOrAdd((field, text), key => TermContext.Build(_searcher.TopReaderContext, new Term(key.Field, key.Term)));
        return new TermQuery(term, context) { Boost = boost };
    }

    /// <summary>IDF-weighted share of the question's words that the section contains (synonyms count slightly less).</summary>
    private double Coverage(List<TermGroup> groups, HashSet<string> terms)
    {
        if (groups.Count == 0)
        {
            return 0;
        }

        double total = 0, matched = 0;
        foreach (var g in groups)
        {
            var weight = g.Terms.Count > 0 ? g.Terms.Max(Idf) : g.Synonyms.Max(Idf);
            total += weight;
            if (g.Terms.Any(terms.Contains))
            {
                matched += weight;
            }
            else if (g.Synonyms.Any(terms.Contains))
            {
                matched += weight * 0.85;
            }
        }

        return total > 0 ? matched / total : 0;
    }

    private double Idf(string term)
    {
        var df = _termSectionFrequency.GetValueOrDefault(term);
        var n = Math.Max(1, _sections.Length);
        return 0.5 + Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }

    internal readonly record struct Token(string Term, int PositionIncrement, bool IsSynonym);

    internal static List<Token> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<Token>();
        using var ts = analyzer.GetTokenStream("f", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var posInc = ts.AddAttribute<IPositionIncrementAttribute>();
        var type = ts.AddAttribute<ITypeAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
        {
            tokens.Add(new Token(term.ToString(), posInc.PositionIncrement, type.Type == SynonymFilter.TYPE_SYNONYM));
        }

        ts.End();
        return tokens;
    }

    internal string CorrectSpelling(string text) => _speller.Correct(text);

    private static string HeadingText(GuidelineSection s) =>
        s.IsIntroduction ? s.DocumentTitle : s.ParentHeading is null ? s.Heading : s.ParentHeading + " — " + s.Heading;

    /// <summary>Sentences and nested bullets of a passage (for sentence-level similarity).</summary>
    internal static IEnumerable<string> Sentences(string passage) =>
        SentenceSplit().Split(passage).Select(x => x.Trim().TrimStart('-').Trim()).Where(x => x.Length >= 12);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z“""(])|\n")]
    private static partial System.Text.RegularExpressions.Regex SentenceSplit();

    private static string Truncate(string s) => s.Length <= MaxEncodedChars ? s : s[..MaxEncodedChars];

    private static double Dot(float[] a, float[] b)
    {
        double d = 0;
        for (var i = 0; i < a.Length; i++)
        {
            d += a[i] * b[i];
        }

        return d;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _indexAnalyzer.Dispose();
        _queryAnalyzer.Dispose();
    }
}
