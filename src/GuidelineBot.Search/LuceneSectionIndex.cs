using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BitFaster.Caching.Lru;
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
/// The Lucene side of the engine, built once at start-up: one document per section (heading, whole text, document
/// title) and one per passage in a RAMDirectory (or opened from the copy an earlier start saved, see
/// <see cref="LuceneIndexCache"/>) with one shared <see cref="IndexSearcher"/>, plus the term statistics
/// the ranker's lexical features need (section terms, section frequencies, each document's background words). Queries
/// are built term by term from the analyzed user text, so nothing the user types is ever read as query syntax.
/// </summary>
internal sealed partial class LuceneSectionIndex : IDisposable
{
    private const string FieldSection = "sid";
    private const string FieldPassage = "pid";
    private const string FieldHeading = "heading";
    private const string FieldBody = "body";
    private const string FieldPassageBody = "pbody";
    private const string FieldTitle = "title";
    private const int MaxQueryTerms = 64;

    /// <summary>
    /// How far back (in positions) a synonym looks for the word it came from: more than the longest synonym phrase
    /// (knowledge/synonyms.txt has four words at most), and a bound on the work per question.
    /// </summary>
    private const int MaxSynonymSpan = 8;

    /// <summary>
    /// How many typed words' own analyses (<see cref="Expansion"/>) are kept: the words people type recur across
    /// questions, and each entry is a few short strings.
    /// </summary>
    private const int MaxCachedExpansions = 2048;

    /// <summary>Top Lucene documents (sections and passages) read per question: the only sections the ranker looks at lexically.</summary>
    private const int MaxCandidateDocs = 60;

    /// <summary>Boost of a document-title match relative to a body match.</summary>
    private const float TitleBoost = 0.3f;

    /// <summary>A word of capitalised names (the organisation's name) in this many sections of a document is background vocabulary.</summary>
    private const int NameMinSections = 3;

    /// <summary>Documents with fewer sections than this have no "most sections" background words.</summary>
    private const int MinSectionsForUbiquity = 4;

    /// <summary>A question names a document when it has at least this many of the words of the document's title…</summary>
    private const int NamingMinTitleWords = 2;

    /// <summary>…and at least this share of them.</summary>
    private const double NamingMinTitleShare = 0.5;

    private readonly SearchOptions _options;
    private readonly GuidelineSection[] _sections;
    private readonly Analyzer _indexAnalyzer;
    private readonly Analyzer _queryAnalyzer;
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly int[] _docSection;
    private readonly int[] _docPassage;
    private readonly HashSet<string>[] _sectionTerms;
    private readonly HashSet<string>[] _headingTerms;
    private readonly int[] _sectionDocument;
    private readonly HashSet<string>[] _documentBackground;
    private readonly HashSet<string>[] _documentTitleTerms;

    /// <summary>Each document's own title words (<see cref="OwnTitleTerms"/>).</summary>
    private readonly HashSet<string>[] _documentOwnTerms;

    /// <summary>Words that name a kind of document, not its subject.</summary>
    private const string DocumentKindWords = "guidelines guideline policy policies rules handbook regulation regulations procedures procedure document manual faq memo";

    /// <summary>Each section's subject words (<see cref="SubjectTerms"/>), mostly none.</summary>
    private readonly HashSet<string>[] _sectionSubject;
    private readonly Dictionary<string, int> _sectionFrequency = new(StringComparer.Ordinal);

    /// <summary>Each corpus term's BM25 per document, computed by Lucene on first use (see <see cref="ImpactsOf"/>).</summary>
    private readonly ConcurrentDictionary<string, TermImpacts> _impacts = new(StringComparer.Ordinal);

    /// <summary>Each recently typed word's terms analysed alone, by the word as typed (see <see cref="Expansion"/>).</summary>
    private readonly ConcurrentLru<string, string[]> _expansions = new(MaxCachedExpansions);

    public LuceneSectionIndex(IReadOnlyList<GuidelineSection> sections, SearchOptions options, SynonymMap? synonyms, TimeProvider time)
    {
        _options = options;
        _sections = sections.ToArray();
        _indexAnalyzer = GuidelineAnalyzer.CreateIndex();
        _queryAnalyzer = GuidelineAnalyzer.CreateQuery(synonyms);

        var similarity = new BM25Similarity();
        var documents = _sections.Length + _sections.Sum(s => s.Passages.Count);
        var opened = LuceneIndexCache.OpenOrBuild(options.IndexCachePath, IndexedTexts(_sections), documents,
            () => Build(_sections, _indexAnalyzer, similarity), time);
        (_directory, _reader, FromCache, CacheProblem) = (opened.Directory, opened.Reader, opened.FromCache, opened.Problem);
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
        _headingTerms = new HashSet<string>[_sections.Length];
        for (var i = 0; i < _sections.Length; i++)
        {
            var s = _sections[i];
            _headingTerms[i] = Terms(FullHeading(s));
            _sectionTerms[i] = Terms($"{FullHeading(s)}\n{s.Text}\n{s.DocumentTitle}");
            foreach (var t in _sectionTerms[i])
            {
                _sectionFrequency[t] = _sectionFrequency.GetValueOrDefault(t) + 1;
            }
        }

        var documentIds = _sections.Select(s => s.DocumentId).Distinct().ToList();
        _sectionDocument = _sections.Select(s => documentIds.IndexOf(s.DocumentId)).ToArray();
        var documentSections = documentIds.Select(id => Enumerable.Range(0, _sections.Length).Where(i => _sections[i].DocumentId == id).ToArray()).ToArray();
        _documentTitleTerms = documentSections.Select(d => Terms(_sections[d[0]].DocumentTitle)).ToArray();
        var names = documentSections.Select(NameTerms).ToArray();
        _documentBackground = documentSections.Select((d, k) => BackgroundTerms(d, _documentTitleTerms[k], names[k])).ToArray();
        _sectionSubject = SubjectTerms(documentSections);
        _documentOwnTerms = OwnTitleTerms(documentSections, names);
    }

    /// <summary>
    /// The subject words of each section: with several documents, a word of its document's title that no other title
    /// holds ("park" of <i>Staff Parking Rules</i> beside other policies) and that its heading, and no other heading of
    /// the document, names too, with no word of its own beside the document's background ("Where staff may park": the
    /// section about the subject itself, not "Can I eat in the laboratory?", which is about eating; a word that many
    /// headings repeat, "email" of email guidelines, tells none of them apart). It is background for the document's
    /// other sections, but for this one it is evidence, at <see cref="TermWeights.SubjectShare"/> of its weight. Words that other titles share ("staff", "guidelines") and
    /// the organisation's name stay background.
    /// </summary>
    /// <remarks>
    /// Computed once at start for every section, from counts: how many titles hold each word, and how many of a
    /// document's headings name it (not a scan of every other section per section and word).
    /// </remarks>
    private HashSet<string>[] SubjectTerms(int[][] documentSections)
    {
        var subjects = new HashSet<string>[_sections.Length];
        Array.Fill(subjects, NoTerms);
        if (_documentTitleTerms.Length < 2)
        {
            return subjects;
        }

        var titles = _documentTitleTerms.SelectMany(t => t).CountBy(t => t, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        for (var document = 0; document < documentSections.Length; document++)
        {
            var background = _documentBackground[document];
            var title = _documentTitleTerms[document];
            var headings = documentSections[document].SelectMany(i => _headingTerms[i].Where(title.Contains))
                .CountBy(t => t, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
            foreach (var section in documentSections[document])
            {
                var heading = _headingTerms[section];
                var subject = title.Where(t => heading.Contains(t) && background.Contains(t) && titles[t] == 1 && headings[t] == 1)
                    .ToHashSet(StringComparer.Ordinal);
                subjects[section] = subject.Count == 0 || !heading.All(background.Contains) ? NoTerms : subject;
            }
        }

        return subjects;
    }

    private static readonly HashSet<string> NoTerms = [];

    /// <summary>
    /// The title words that only this document's title has, in a knowledge base of several documents ("mandated",
    /// "reporter" for the mandated reporting guidelines beside the field trip FAQ): background for the document's own
    /// sections, yet what tells its sections from every other document's, so they keep <see cref="TermWeights.OwnTitleShare"/>
    /// of their weight there rather than a background word's share. The organisation's name, in every title, and the
    /// words for a kind of document ("policy", "guidelines") are not among them, nor any word of a name a document repeats
    /// (the organisation's, wherever it is in a title); nor any of a document of one section, whose heading's title words
    /// count in full already. With one document there are none.
    /// </summary>
    private HashSet<string>[] OwnTitleTerms(int[][] documentSections, HashSet<string>[] names)
    {
        if (_documentTitleTerms.Length < 2)
        {
            return [.. _documentTitleTerms.Select(_ => NoTerms)];
        }

        var titles = _documentTitleTerms.SelectMany(t => t).CountBy(t => t, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var general = Terms(DocumentKindWords);
        general.UnionWith(names.SelectMany(n => n));
        return [.. _documentTitleTerms.Select((t, d) => documentSections[d].Length < 2
            ? NoTerms
            : t.Where(w => titles[w] == 1 && _documentBackground[d].Contains(w) && !general.Contains(w)).ToHashSet(StringComparer.Ordinal))];
    }

    /// <summary>
    /// The document whose title the question names ("the purpose of the acceptable use policy": at least
    /// <see cref="NamingMinTitleWords"/> of its title's words, typed, and at least <see cref="NamingMinTitleShare"/> of
    /// them, more than of any other title), or -1 when it names none or two alike.
    /// </summary>
    public int NamedDocument(List<TermGroup> groups)
    {
        var typed = groups.SelectMany(g => g.Terms).ToHashSet(StringComparer.Ordinal);
        var named = -1;
        var best = 0.0;
        var tie = false;
        for (var d = 0; d < _documentTitleTerms.Length; d++)
        {
            var title = _documentTitleTerms[d];
            var matched = 0;
            foreach (var term in title)
            {
                matched += typed.Contains(term) ? 1 : 0;
            }

            var share = title.Count == 0 ? 0 : (double)matched / title.Count;
            if (matched < NamingMinTitleWords || share < NamingMinTitleShare || share < best)
            {
                continue;
            }

            tie = share == best;
            best = share;
            named = d;
        }

        return tie ? -1 : named;
    }

    /// <summary>The document (as <see cref="NamedDocument"/> numbers them) that <paramref name="section"/> belongs to.</summary>
    public int DocumentOf(int section) => _sectionDocument[section];

    /// <summary>The index came from <see cref="SearchOptions.IndexCachePath"/> rather than being built by this start.</summary>
    internal bool FromCache { get; }

    /// <summary>Why the saved index was not used or not saved (null: nothing to report).</summary>
    internal string? CacheProblem { get; }

    /// <summary>One document per section (heading, text, document title), then one per passage, in section order.</summary>
    private static RAMDirectory Build(GuidelineSection[] sections, Analyzer analyzer, Similarity similarity)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneSetup.Version, analyzer) { Similarity = similarity });
        for (var i = 0; i < sections.Length; i++)
        {
            var s = sections[i];
            writer.AddDocument(new Document
            {
                new StoredField(FieldSection, i),
                new TextField(FieldHeading, FullHeading(s), Field.Store.NO),
                new TextField(FieldBody, s.Text, Field.Store.NO),
                new TextField(FieldTitle, s.DocumentTitle, Field.Store.NO),
            });
            for (var j = 0; j < s.Passages.Count; j++)
            {
                writer.AddDocument(new Document
                {
                    new StoredField(FieldSection, i),
                    new StoredField(FieldPassage, j),
                    new TextField(FieldPassageBody, s.Passages[j].Text, Field.Store.NO),
                });
            }
        }

        writer.Commit();
        return directory;
    }

    /// <summary>Every text <see cref="Build"/> indexes, one list per section in its order (the cache key of the index).</summary>
    private static IEnumerable<IReadOnlyList<string>> IndexedTexts(GuidelineSection[] sections) =>
        sections.Select(s => (IReadOnlyList<string>)[FullHeading(s), s.Text, s.DocumentTitle, .. s.Passages.Select(p => p.Text)]);

    /// <summary>One group per query position: the word the user typed (stemmed) and its synonyms.</summary>
    internal sealed record TermGroup(List<string> Terms, List<string> Synonyms)
    {
        /// <summary>The words that count for coverage: the typed ones, or the synonyms when nothing typed is left.</summary>
        public List<string> Words => Terms.Count > 0 ? Terms : Synonyms;

        /// <summary>IDF of the group's most informative word over the sections (the same for every candidate).</summary>
        public double Idf { get; init; }

        public override string ToString() => string.Join(",", Terms) + " | " + string.Join(",", Synonyms);
    }

    /// <summary>A section Lucene found: its BM25 (section document + best passage) and each passage's BM25.</summary>
    internal sealed record Candidate(int Section, double Bm25, double[] PassageBm25);

    public List<TermGroup> TermGroups(string text)
    {
        var tokens = AnalyzeQuestion(text);

        // One group per position of a typed word, by absolute position: Lucene's SynonymFilter may emit the later words
        // of an earlier multi-word synonym at a position before the word typed there.
        var groups = new List<TermGroup>();
        var positions = new List<int>();
        var surfaces = new List<string>();
        var synonyms = new List<(string Term, int Position)>();
        var position = -1;
        foreach (var token in tokens)
        {
            position = Math.Max(0, position + token.PositionIncrement);
            if (!token.Typed)
            {
                synonyms.Add((token.Term, position));
                continue;
            }

            if (positions.Count == 0 || positions[^1] != position)
            {
                if (groups.Count >= MaxQueryTerms)
                {
                    break;
                }

                groups.Add(new TermGroup([], []));
                positions.Add(position);
                surfaces.Add(text[token.StartOffset..token.EndOffset]);
            }

            if (!groups[^1].Terms.Contains(token.Term))
            {
                groups[^1].Terms.Add(token.Term);
            }
        }

        // A synonym belongs to the word it came from: the nearest typed word at or before its position whose own
        // expansion has it (so "capture" of "repost" → "screen capture" stays with "repost", not the word typed next);
        // otherwise it came from a typed phrase ("social media" → "facebook") and stays at its position.
        // Expansions are looked for at most MaxSynonymSpan positions back, and a typed word is analysed alone only when
        // it is not among the recent ones (a group of synonyms alone has no typed word, so no expansion).
        foreach (var (term, at) in synonyms)
        {
            var target = -1;
            for (var k = positions.Count - 1; k >= 0 && target < 0 && positions[k] >= at - MaxSynonymSpan; k--)
            {
                if (positions[k] <= at && surfaces[k].Length > 0 && Array.IndexOf(Expansion(surfaces[k]), term) >= 0)
                {
                    target = k;
                }
            }

            if (target < 0)
            {
                target = positions.IndexOf(at);
            }

            if (target < 0)
            {
                if (groups.Count >= MaxQueryTerms)
                {
                    continue;
                }

                // Nothing typed is left at this position (a rule rewrote it away): the synonym stands alone.
                var insert = positions.FindIndex(p => p > at) is var i and >= 0 ? i : positions.Count;
                groups.Insert(insert, new TermGroup([], []));
                positions.Insert(insert, at);
                surfaces.Insert(insert, "");
                target = insert;
            }

            var g = groups[target];
            if (!g.Terms.Contains(term) && !g.Synonyms.Contains(term))
            {
                g.Synonyms.Add(term);
            }
        }

        // Drop groups with nothing left and words typed twice.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return groups.Where(g => g.Terms.Count + g.Synonyms.Count > 0)
            .Where(g => g.Terms.Count == 0 || g.Terms.Any(seen.Add))
            .Select(g => g with { Idf = g.Words.Max(w => TermWeights.Idf(_sectionFrequency.GetValueOrDefault(w), _sections.Length)) })
            .ToList();
    }

    /// <summary>The distinct terms of a typed word analysed alone: its stem and the synonyms it has by itself.</summary>
    private string[] Expansion(string word) =>
        _expansions.GetOrAdd(word, static (w, self) => self.AnalyzeQuestion(w).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray(), this);

    /// <summary>The sections of the top <see cref="MaxCandidateDocs"/> BM25 documents, best first.</summary>
    /// <remarks>
    /// The score of a document is the BooleanQuery Lucene would compute for the question's terms (each term in heading,
    /// body, passage body and title, with their boosts; no coordination), summed from each term's cached
    /// <see cref="TermImpacts"/>: the same BM25, without building weights and scorers per question.
    /// </remarks>
    public List<Candidate> Candidates(List<TermGroup> groups)
    {
        var terms = QueryTerms(groups);
        if (terms.Count == 0)
        {
            return [];
        }

        var maxDoc = _docSection.Length;
        var scores = ArrayPool<float>.Shared.Rent(maxDoc);
        var hit = ArrayPool<bool>.Shared.Rent(maxDoc);
        Array.Clear(hit, 0, maxDoc); // pooled arrays come back as their last user left them
        var touched = new List<int>();
        try
        {
            foreach (var (term, weight) in terms)
            {
                var impacts = ImpactsOf(term);
                for (var k = 0; k < impacts.Docs.Length; k++)
                {
                    var d = impacts.Docs[k];
                    if (!hit[d])
                    {
                        hit[d] = true;
                        scores[d] = 0;
                        touched.Add(d);
                    }

                    scores[d] += weight * impacts.Scores[k];
                }
            }

            return CandidatesFromTop(TopDocs(touched, scores));
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(hit);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>The best <see cref="MaxCandidateDocs"/> documents, best first (ties: lower document id first, as Lucene).</summary>
    private static List<(int Doc, float Score)> TopDocs(List<int> touched, float[] scores)
    {
        // A bounded min-heap: the root is the weakest of the best so far (lower score, or same score and higher id).
        var heap = new PriorityQueue<int, (float Score, int Doc)>(MaxCandidateDocs + 1, WeakestFirst.Instance);
        foreach (var d in touched)
        {
            if (heap.Count < MaxCandidateDocs)
            {
                heap.Enqueue(d, (scores[d], d));
            }
            else if (heap.TryPeek(out _, out var weakest) && WeakestFirst.Instance.Compare((scores[d], d), weakest) > 0)
            {
                heap.EnqueueDequeue(d, (scores[d], d));
            }
        }

        var top = new List<(int Doc, float Score)>(heap.Count);
        while (heap.TryDequeue(out var d, out var priority))
        {
            top.Add((d, priority.Score));
        }

        top.Reverse();
        return top;
    }

    /// <summary>Orders hits from the weakest: lower score first, and among equal scores the higher document id.</summary>
    private sealed class WeakestFirst : IComparer<(float Score, int Doc)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Doc.CompareTo(x.Doc);
    }

    private List<Candidate> CandidatesFromTop(List<(int Doc, float Score)> top)
    {
        var bySection = new Dictionary<int, Candidate>();
        var sectionScore = new Dictionary<int, double>();
        foreach (var (doc, score) in top)
        {
            var sid = _docSection[doc];
            if (!bySection.TryGetValue(sid, out var c))
            {
                bySection[sid] = c = new Candidate(sid, 0, new double[_sections[sid].Passages.Count]);
            }

            var pid = _docPassage[doc];
            if (pid < 0)
            {
                sectionScore[sid] = score;
            }
            else
            {
                c.PassageBm25[pid] = score;
            }
        }

        return bySection.Values
            .Select(c => c with { Bm25 = sectionScore.GetValueOrDefault(c.Section) + c.PassageBm25.DefaultIfEmpty(0).Max() })
            .OrderByDescending(c => c.Bm25)
            .ToList();
    }

    /// <summary>IDF-weighted share of the question's words the section (or only its heading) contains.</summary>
    /// <remarks>
    /// A document's background words are its subject, so they are evidence for its introduction when the question asks
    /// about the guidelines themselves (<paramref name="asksAboutScope"/>): "what counts as social media" is answered by
    /// the introduction of the social media guidelines.
    /// </remarks>
    public (double Coverage, double HeadingCoverage) Coverage(List<TermGroup> groups, int section, bool asksAboutScope)
    {
        var scopeIntroduction = asksAboutScope && _sections[section].IsIntroduction;
        var background = scopeIntroduction ? [] : _documentBackground[_sectionDocument[section]];
        var subject = _sectionSubject[section];
        // Its own title words count for more than background only beside a word of the question that is not background:
        // alone ("laboratory" for the laboratory guidelines) they say nothing about which of its sections answers.
        var own = _documentOwnTerms[_sectionDocument[section]];
        if (own.Count > 0 && (scopeIntroduction || groups.All(g => ContainsAny(background, g.Words) && !ContainsAny(subject, g.Words))))
        {
            own = NoTerms;
        }
        var terms = _sectionTerms[section];
        var heading = _headingTerms[section];
        double total = 0, matched = 0, matchedHeading = 0;
        foreach (var g in groups)
        {
            var weight = ContainsAny(subject, g.Words) ? TermWeights.Subject(g.Idf) : ContainsAny(own, g.Words) ? TermWeights.OwnTitle(g.Idf) : TermWeights.Weight(g.Idf, ContainsAny(background, g.Words));
            total += weight;
            matched += weight * MatchShare(g, terms);
            matchedHeading += weight * MatchShare(g, heading);
        }

        return (TermWeights.Coverage(matched, total), TermWeights.Coverage(matchedHeading, total));
    }

    private static double MatchShare(TermGroup g, HashSet<string> terms) =>
        ContainsAny(terms, g.Terms) ? 1 : ContainsAny(terms, g.Synonyms) ? TermWeights.SynonymShare : 0;

    /// <summary>
    /// The set holds one of the words. A loop, not <c>words.Exists(set.Contains)</c>: that builds a delegate per call
    /// through a slow runtime helper, a fifth of a lexical answer's CPU with a hundred documents (thousands of calls per
    /// question).
    /// </summary>
    private static bool ContainsAny(HashSet<string> set, List<string> words)
    {
        foreach (var word in words)
        {
            if (set.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The distinct corpus terms of the question with their weight (1 typed, <see cref="SearchOptions.SynonymWeight"/> synonym).</summary>
    private List<(string Term, float Weight)> QueryTerms(List<TermGroup> groups)
    {
        var terms = new List<(string, float)>();
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            foreach (var (term, weight) in g.Terms.Select(t => (t, 1f)).Concat(g.Synonyms.Select(t => (t, _options.SynonymWeight))))
            {
                // Terms no section contains cannot match: leave them out of the query (they still count in coverage).
                if (_sectionFrequency.ContainsKey(term) && added.Add(term))
                {
                    terms.Add((term, weight));
                }
            }
        }

        return terms;
    }

    /// <summary>
    /// Every document's BM25 for one term (weight 1) over its four fields with their boosts, as Lucene scores the term
    /// query: computed by Lucene once per term and kept (the index never changes; only corpus terms are asked for, which
    /// bounds the map by the corpus's vocabulary).
    /// </summary>
    private TermImpacts ImpactsOf(string term) => _impacts.GetOrAdd(term, static (t, self) => self.ScoreTerm(t), this);

    private TermImpacts ScoreTerm(string term)
    {
        var query = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(FieldHeading, term)) { Boost = _options.HeadingBoost }, Occur.SHOULD },
            { new TermQuery(new Term(FieldBody, term)), Occur.SHOULD },
            { new TermQuery(new Term(FieldPassageBody, term)), Occur.SHOULD },
            { new TermQuery(new Term(FieldTitle, term)) { Boost = TitleBoost }, Occur.SHOULD },
        };
        var collector = new AllDocsCollector();
        _searcher.Search(query, collector);
        return collector.ToImpacts();
    }

    /// <summary>One term's documents (ascending) and their BM25.</summary>
    private sealed record TermImpacts(int[] Docs, float[] Scores);

    /// <summary>Collects every matching document with its score (the index has one segment, but any number works).</summary>
    private sealed class AllDocsCollector : ICollector
    {
        private readonly List<(int Doc, float Score)> _hits = [];
        private Scorer? _scorer;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => _hits.Add((_docBase + doc, _scorer!.GetScore()));

        public TermImpacts ToImpacts()
        {
            _hits.Sort(static (a, b) => a.Doc.CompareTo(b.Doc));
            return new TermImpacts(_hits.Select(h => h.Doc).ToArray(), _hits.Select(h => h.Score).ToArray());
        }
    }

    /// <summary>
    /// A document's background words: its title's words, the words of a capitalised name it repeats across sections
    /// (the organisation's own name), and words in most of its sections. They carry almost no evidence for its sections.
    /// In a document of one section, a title word its heading repeats is not background (what speaks for the document
    /// speaks for its only section: "drone" for "Drone Policy" › "Flying drones"), while the others ("policy", the
    /// organisation's name, even where the body names it) still are.
    /// </summary>
    private HashSet<string> BackgroundTerms(int[] sectionIndexes, HashSet<string> titleTerms, HashSet<string> names)
    {
        if (sectionIndexes.Length == 0)
        {
            return [];
        }

        var first = _sections[sectionIndexes[0]];
        var background = new HashSet<string>(titleTerms, StringComparer.Ordinal);
        if (sectionIndexes.Length == 1)
        {
            background.ExceptWith(Terms(FullHeading(first)));
            return background;
        }

        background.UnionWith(names);

        if (sectionIndexes.Length >= MinSectionsForUbiquity)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in sectionIndexes.SelectMany(i => _sectionTerms[i]))
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }

            background.UnionWith(counts.Where(kv => kv.Value >= TermWeights.UbiquitousSectionShare * sectionIndexes.Length).Select(kv => kv.Key));
        }

        return background;
    }

    /// <summary>The words of a capitalised name a document repeats across its sections (the organisation's own name).</summary>
    private HashSet<string> NameTerms(int[] sectionIndexes)
    {
        if (sectionIndexes.Length < NameMinSections)
        {
            return NoTerms;
        }

        var nameSections = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var i in sectionIndexes)
        {
            foreach (var word in CapitalisedName().Matches(_sections[i].Text).SelectMany(m => Terms(m.Value)))
            {
                if (!nameSections.TryGetValue(word, out var set))
                {
                    nameSections[word] = set = [];
                }

                set.Add(i);
            }
        }

        return nameSections.Where(kv => kv.Value.Count >= NameMinSections).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The distinct terms of a text, without synonyms (as indexed).</summary>
    private HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        ForEachIndexedTerm(text, (_, term) => terms.Add(term));
        return terms;
    }

    /// <summary>The terms of a text with their start offsets, without synonyms (as indexed).</summary>
    private HashSet<(int StartOffset, string Term)> TermOffsets(string text)
    {
        var terms = new HashSet<(int, string)>();
        ForEachIndexedTerm(text, (offset, term) => terms.Add((offset, term)));
        return terms;
    }

    /// <summary>Each term of a text as indexed (no synonyms), with its start offset.</summary>
    private void ForEachIndexedTerm(string text, Action<int, string> each)
    {
        using var ts = _indexAnalyzer.GetTokenStream("f", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var offset = ts.AddAttribute<IOffsetAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
        {
            each(offset.StartOffset, term.ToString());
        }

        ts.End();
    }

    /// <summary>One token of the analysed question; <paramref name="Typed"/>: the user typed this word here (not a synonym).</summary>
    internal readonly record struct Token(string Term, int PositionIncrement, int StartOffset, int EndOffset, bool Typed);

    /// <summary>
    /// The question's tokens (with synonyms), each marked typed or not, from one analysis (see <see cref="TypedWords"/>);
    /// the synonym-free analysis is asked only when a rule rewrote a typed word away.
    /// </summary>
    private List<Token> AnalyzeQuestion(string text)
    {
        var tokens = new List<Token>(4 + (text.Length / 4));
        bool allSeen;
        using (var ts = (TypedWords.Output)_queryAnalyzer.GetTokenStream("f", text))
        {
            var term = ts.AddAttribute<ICharTermAttribute>();
            var posInc = ts.AddAttribute<IPositionIncrementAttribute>();
            var offset = ts.AddAttribute<IOffsetAttribute>();
            var flags = ts.AddAttribute<IFlagsAttribute>();
            ts.Reset();
            while (ts.IncrementToken())
            {
                tokens.Add(new Token(term.ToString(), posInc.PositionIncrement, offset.StartOffset, offset.EndOffset, (flags.Flags & TypedWords.Flag) != 0));
            }

            ts.End();
            allSeen = ts.Typed.AllSeen;
        }

        if (allSeen)
        {
            return tokens;
        }

        // Typed is then the first token with a term the synonym-free analysis has at its start offset (as TypedWords:
        // offsets survive a rewrite rule shorter than its match, positions do not).
        var typedAt = TermOffsets(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i] = tokens[i] with { Typed = typedAt.Remove((tokens[i].StartOffset, tokens[i].Term)) };
        }

        return tokens;
    }

    internal static string FullHeading(GuidelineSection s) => s.ParentHeading is null ? s.Heading : s.ParentHeading + " " + s.Heading;

    /// <summary>Two or more capitalised words in a row, e.g. "Oak Park Unified School District".</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")]
    private static partial Regex CapitalisedName();

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _indexAnalyzer.Dispose();
        _queryAnalyzer.Dispose();
    }
}
