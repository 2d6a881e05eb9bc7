using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using Lucene.Net.Analysis.Synonym;

namespace GuidelineBot.Search;

/// <summary>
/// The answer engine as a cascade: spelling → Lucene candidates (<see cref="LuceneSectionIndex"/>) → lexical features →
/// <see cref="Ranker"/>. When the lexical answer is decisive the question is never encoded; otherwise the question's
/// vector adds the nearest sections of the <see cref="SemanticIndex"/> as candidates and semantic features to all of
/// them, and the ranker's semantic stage decides. Every per-question loop runs over candidates only.
/// </summary>
public sealed class LuceneGuidelineSearch : IGuidelineSearch, IDisposable
{
    /// <summary>Sections the semantic index adds as candidates (those that share no word with the question); copies of one text count once.</summary>
    private const int SemanticCandidates = 8;

    /// <summary>Share of a passage's relative BM25 in its quoting score next to its cosine.</summary>
    private const double PassageLexicalShare = 0.5;

    /// <summary>Passages within this share of the best passage's score are quoted with it.</summary>
    private const double QuotedPassageShare = 0.75;

    private const int MaxQuotedPassages = 3;

    private readonly GuidelineSection[] _sections;

    /// <summary>Per section: the index of the first section with the same headings and text (its own when it has no copy).</summary>
    private readonly int[] _textKeys;

    /// <summary>Some section is a copy of another (otherwise nothing needs to be left out as a copy).</summary>
    private readonly bool _hasCopies;
    private readonly LuceneSectionIndex _index;
    private readonly SpellingCorrector _speller;
    /// <summary>Null without the model, or until a background build finishes (then the lexical stage answers alone).</summary>
    private volatile SemanticIndex? _semantic;

    /// <summary>The encoder of the semantic index (null without the model).</summary>
    private readonly ISemanticEncoder? _encoder;

    /// <summary>Built by a server: a question never waits for the model's session (see <see cref="IsComplete"/>).</summary>
    private readonly bool _neverWaitForModel;

    private readonly CancellationTokenSource _stopBuild = new();
    private int _disposed;

    private readonly RankerWeights _weights;
    private long _encodedQuestions;

    public LuceneGuidelineSearch(KnowledgeBase knowledge, SearchOptions options, string? synonymsPath = null, ISemanticEncoder? encoder = null)
        : this(knowledge, options, Synonyms.Load(synonymsPath), Synonyms.Words(synonymsPath).ToArray(), encoder)
    {
    }

    /// <summary>Builds the engine over <paramref name="knowledge"/> with synonyms already parsed (the live knowledge's snapshots).</summary>
    public LuceneGuidelineSearch(KnowledgeBase knowledge, SearchOptions options, SynonymSet synonyms, ISemanticEncoder? encoder = null)
        : this(knowledge, options, synonyms.Map, synonyms.Words, encoder)
    {
    }

    /// <summary>Builds the engine over <paramref name="knowledge"/> as a server does (see <see cref="EngineStart"/>).</summary>
    public LuceneGuidelineSearch(KnowledgeBase knowledge, SearchOptions options, SynonymSet synonyms, ISemanticEncoder? encoder, EngineStart start)
        : this(knowledge, options, synonyms.Map, synonyms.Words, encoder, start: start)
    {
    }

    internal LuceneGuidelineSearch(KnowledgeBase knowledge, SearchOptions options, SynonymMap? synonyms, IReadOnlyCollection<string> synonymWords,
        ISemanticEncoder? encoder, RankerWeights? weights = null, EngineStart? start = null)
    {
        Knowledge = knowledge;
        _weights = weights ?? RankerWeights.Fitted;
        _sections = knowledge.Sections.ToArray();
        _textKeys = TextKeys(_sections);
        _hasCopies = _textKeys.Where((key, i) => key != i).Any();
        start ??= EngineStart.Whole;
        _index = new LuceneSectionIndex(_sections, options, synonyms, start.Time);
        var useEncoder = options.Reranker == RerankerKind.MiniLM && encoder is not null;

        var corpusWords = _sections.SelectMany(s => SpellingCorrector.Words($"{s.ParentHeading} {s.Heading}\n{s.Text}\n{s.DocumentTitle}"));
        _speller = new SpellingCorrector(corpusWords, synonymWords, EnglishWords.Load(options.ModelCachePath));
        _neverWaitForModel = start.NeverWaitForModel;
        if (!useEncoder || _sections.Length == 0)
        {
            SemanticReady = Task.CompletedTask;
            return;
        }

        _encoder = encoder;
        if (start.SemanticInBackground)
        {
            var token = _stopBuild.Token;
            SemanticReady = Task.Run(() => Publish(new SemanticIndex(_sections, encoder!, token), start), token);
        }
        else
        {
            Publish(new SemanticIndex(_sections, encoder!), start);
            SemanticReady = Task.CompletedTask;
        }
    }

    private static int[] TextKeys(GuidelineSection[] sections)
    {
        var first = new Dictionary<(string?, string, string), int>();
        var keys = new int[sections.Length];
        for (var i = 0; i < sections.Length; i++)
        {
            var text = (sections[i].ParentHeading, sections[i].Heading, sections[i].Text);
            keys[i] = first.TryAdd(text, i) ? i : first[text];
        }

        return keys;
    }

    private void Publish(SemanticIndex semantic, EngineStart start)
    {
        start.SemanticBuilt?.Invoke();
        _semantic = semantic;
    }

    /// <summary>
    /// Completes when the semantic index is built (at once without the model or when built in the constructor); faulted
    /// when building it failed, and then the lexical stage keeps answering alone.
    /// </summary>
    public Task SemanticReady { get; }

    /// <summary>
    /// False while the semantic index is being built in the background, or (built by a server) while the model's session
    /// is not built yet: until then questions are answered by the lexical stage, without waiting, and not cached.
    /// </summary>
    public bool IsComplete => SemanticReady.IsCompleted && (_semantic is null || !SessionPending);

    /// <summary>Built by a server and the model's session is not built yet: questions do not wait for it.</summary>
    private bool SessionPending => _neverWaitForModel && _encoder is { IsReady: false };

    public KnowledgeBase Knowledge { get; }

    /// <summary>The Lucene index was opened from <see cref="SearchOptions.IndexCachePath"/>, not built by this engine.</summary>
    public bool IndexFromCache => _index.FromCache;

    /// <summary>Why the saved Lucene index was not used or not saved (null: nothing to report).</summary>
    public string? IndexCacheProblem => _index.CacheProblem;

    /// <summary>How many questions needed the sentence encoder so far (the rest were decided lexically).</summary>
    public long EncodedQuestions => Interlocked.Read(ref _encodedQuestions);

    public SearchResult Search(string question, int maxResults, CancellationToken cancellationToken = default)
    {
        var ranked = WithoutCopies(Explain(question ?? "", forceSemantic: false, cancellationToken));
        var hits = ranked
            .Take(Math.Max(0, maxResults))
            .Select((c, i) => new SearchHit(c.Section, c.Rank, c.Confidence, PickPassages(c))
            {
                IsCloseCall = i == 1 && Ranker.IsCloseCall(c.Features, ranked[0].Rank, c.Rank, _weights),
            })
            .ToArray();
        return new SearchResult(question ?? "", hits);
    }

    /// <summary>
    /// Every candidate with its features, best first. <paramref name="forceSemantic"/> skips the cascade (for fitting:
    /// the semantic features of every question).
    /// </summary>
    public IReadOnlyList<ScoredSection> Explain(string question, bool forceSemantic, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (question.Length > 4 * SemanticIndex.MaxEncodedChars)
        {
            question = question[..(4 * SemanticIndex.MaxEncodedChars)];
        }

        var corrected = _speller.Correct(question);
        var groups = _index.TermGroups(corrected);
        // A question about the guidelines themselves that names one document's title asks about that document: the other
        // documents' introductions are no answer to it.
        var asksScope = QuestionCues.AsksAboutScope(corrected);
        var named = asksScope ? _index.NamedDocument(groups) : -1;
        bool AsksScopeOf(int section) => asksScope && (named < 0 || _index.DocumentOf(section) == named);
        var candidates = _index.Candidates(groups);
        var maxBm25 = candidates.Count > 0 ? candidates[0].Bm25 : 0;

        var scored = new List<ScoredSection>(candidates.Count + SemanticCandidates);
        foreach (var c in candidates)
        {
            var scope = AsksScopeOf(c.Section);
            var (coverage, headingCoverage) = _index.Coverage(groups, c.Section, scope);
            var features = new RankerFeatures(maxBm25 > 0 ? c.Bm25 / maxBm25 : 0, coverage, headingCoverage, _sections[c.Section].IsIntroduction, scope)
            {
                TextKey = _textKeys[c.Section],
            };
            var maxPassage = c.PassageBm25.DefaultIfEmpty(0).Max();
            var passageScores = c.PassageBm25.Select(p => maxPassage > 0 ? p / maxPassage : 0).ToArray();
            scored.Add(new ScoredSection(_sections[c.Section], features, 0, 0, true) { PassageScores = passageScores, Index = c.Section });
        }

        Rank(scored);
        var semantic = _semantic;
        if (semantic is not null && SessionPending)
        {
            // The index came from stored vectors and the session is not built: build it off this request (any question
            // asks, so that answers are cached again soon), and answer with the lexical stage meanwhile.
            _encoder!.PrepareInBackground();
            semantic = null;
        }

        if (semantic is null || corrected.Trim().Length == 0
            || (!forceSemantic && Ranker.IsDecisive(WithoutCopies(scored).Select(s => s.Confidence).ToArray(), _weights)))
        {
            return scored;
        }

        Interlocked.Increment(ref _encodedQuestions);
        var q = semantic.Encode(corrected, cancellationToken);
        var known = scored.Select(s => _textKeys[s.Index]).ToHashSet();
        foreach (var i in semantic.Nearest(q, SemanticCandidates, _textKeys))
        {
            if (known.Add(i))
            {
                var scope = AsksScopeOf(i);
                var (coverage, headingCoverage) = _index.Coverage(groups, i, scope);
                var features = new RankerFeatures(0, coverage, headingCoverage, _sections[i].IsIntroduction, scope) { TextKey = _textKeys[i] };
                scored.Add(new ScoredSection(_sections[i], features, 0, 0, false) { PassageScores = new double[_sections[i].Passages.Count], Index = i });
            }
        }

        for (var k = 0; k < scored.Count; k++)
        {
            var c = scored[k];
            var (heading, passage, sentence, passageCosines) = semantic.Similarity(q, c.Index);
            scored[k] = c with
            {
                Features = c.Features with { HasSemantic = true, SemanticHeading = heading, SemanticPassage = passage, SemanticSentence = sentence },
                PassageScores = c.PassageScores.Select((p, j) => PassageLexicalShare * p + passageCosines[j]).ToArray(),
            };
        }

        Rank(scored);
        return scored;
    }

    /// <summary>Rank and confidence of every candidate from the pure <see cref="Ranker"/>, best first.</summary>
    private void Rank(List<ScoredSection> scored)
    {
        var values = Ranker.Evaluate(scored.Select(s => s.Features).ToArray(), _weights);
        for (var k = 0; k < scored.Count; k++)
        {
            scored[k] = scored[k] with { Rank = values[k].Rank, Confidence = values[k].Confidence };
        }

        scored.Sort(ByRank);
    }

    /// <summary>Best first; between equals, the section that comes first in the knowledge (so which copy answers is fixed).</summary>
    private static int ByRank(ScoredSection a, ScoredSection b)
    {
        var byRank = b.Rank.CompareTo(a.Rank);
        return byRank != 0 ? byRank : a.Index.CompareTo(b.Index);
    }

    /// <summary>Candidates ranked best first without copies of a better one's text: one section in two documents is one answer.</summary>
    private IReadOnlyList<ScoredSection> WithoutCopies(IReadOnlyList<ScoredSection> ranked)
    {
        if (!_hasCopies)
        {
            return ranked;
        }

        var texts = new HashSet<int>();
        return ranked.Where(c => texts.Add(_textKeys[c.Index])).ToArray();
    }

    private static IReadOnlyList<Passage> PickPassages(ScoredSection c)
    {
        var passages = c.Section.Passages;
        if (passages.Count == 0)
        {
            return [];
        }

        var best = c.PassageScores.DefaultIfEmpty(0).Max();
        if (best <= 0)
        {
            return [passages[0]];
        }

        return passages.Where((_, j) => c.PassageScores[j] >= QuotedPassageShare * best).Take(MaxQuotedPassages).ToArray();
    }

    internal List<LuceneSectionIndex.TermGroup> TermGroups(string text) => _index.TermGroups(text);

    internal string CorrectSpelling(string text) => _speller.Correct(text);

    /// <summary>Stops a background build of the semantic index (between model batches) and frees the Lucene index.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopBuild.Cancel();
        _stopBuild.Dispose();
        _index.Dispose();
    }
}
