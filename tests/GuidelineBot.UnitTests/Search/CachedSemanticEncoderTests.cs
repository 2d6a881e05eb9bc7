using System.Collections.Concurrent;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Storage;
using GuidelineBot.Search;
using GuidelineBot.Testing;

namespace GuidelineBot.UnitTests.Search;

public sealed class CachedSemanticEncoderTests
{
    private const string Model = "test-model";

    [Fact]
    public void A_repeated_question_is_encoded_once()
    {
        var inner = new CountingEncoder();
        var encoder = new CachedSemanticEncoder(inner, Model, recentCapacity: 16);

        var first = encoder.Encode(["can I friend parents?"])[0];
        var again = encoder.Encode(["can I friend parents?"])[0];
        encoder.Encode(["can I post photos?", "can I friend parents?"]);

        Assert.Equal(["can I friend parents?", "can I post photos?"], inner.Encoded);
        Assert.Equal(first, again);
    }

    [Fact]
    public void The_question_cache_is_bounded()
    {
        var inner = new CountingEncoder();
        var encoder = new CachedSemanticEncoder(inner, Model, recentCapacity: 3);

        for (var i = 0; i < 50; i++)
        {
            encoder.Encode([$"question {i}"]);
        }

        encoder.Encode(["question 0"]);
        Assert.Equal(51, inner.Encoded.Count);   // the oldest was evicted, so it is encoded again
        encoder.Encode(["question 49"]);
        Assert.Equal(51, inner.Encoded.Count);   // the newest is still there
    }

    [Fact]
    public void Duplicates_in_one_call_are_encoded_once_and_results_keep_their_positions()
    {
        var inner = new CountingEncoder();
        var encoder = new CachedSemanticEncoder(inner, Model, recentCapacity: 0);

        var vectors = encoder.Encode(["b", "a", "b", "c"]);

        Assert.Equal(["b", "a", "c"], inner.Encoded);
        Assert.Equal(CountingEncoder.VectorOf("b"), vectors[0]);
        Assert.Equal(CountingEncoder.VectorOf("a"), vectors[1]);
        Assert.Same(vectors[0], vectors[2]);
        Assert.Equal(CountingEncoder.VectorOf("c"), vectors[3]);
    }

    [Fact]
    public async Task A_second_build_of_the_same_corpus_encodes_nothing()
    {
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = TestPaths.Knowledge });
        var store = new MemoryVectorStore();

        var firstInner = new CountingEncoder();
        var (firstSaved, firstScores) = await BuildAsync(knowledge, store, firstInner);

        // The corpus (each distinct text once), then the question; the corpus is what was saved.
        Assert.True(firstInner.Encoded.Count > 50, $"{firstInner.Encoded.Count} texts encoded");
        Assert.Equal(firstInner.Encoded.Distinct().Count(), firstInner.Encoded.Count);
        Assert.Equal("can I post photos of my class?", firstInner.Encoded[^1]);
        Assert.Equal(firstInner.Encoded.Count - 1, firstSaved);
        Assert.Equal(firstSaved, store.Count(Model));

        // Another process (or replica) on the same store: the corpus costs no encoding, the ranking is the same.
        var secondInner = new CountingEncoder();
        var (secondSaved, secondScores) = await BuildAsync(knowledge, store, secondInner);

        Assert.Equal(["can I post photos of my class?"], secondInner.Encoded);   // only the question
        Assert.Equal(0, secondSaved);
        Assert.Equal(firstScores, secondScores);
    }

    [Fact]
    public async Task A_changed_text_or_another_model_is_encoded_again()
    {
        var store = new MemoryVectorStore();
        var inner = new CountingEncoder();
        var encoder = new CachedSemanticEncoder(inner, Model, 0);
        await encoder.LoadStoredAsync(store, CancellationToken.None);
        encoder.Encode(["heading one", "passage one"]);
        await encoder.SaveAsync(store, encoder.EndBuild(), CancellationToken.None);

        var again = new CachedSemanticEncoder(inner, Model, 0);
        await again.LoadStoredAsync(store, CancellationToken.None);
        again.Encode(["heading one", "passage one (edited)"]);
        await again.SaveAsync(store, again.EndBuild(), CancellationToken.None);

        var otherModel = new CachedSemanticEncoder(inner, "other-model", 0);
        await otherModel.LoadStoredAsync(store, CancellationToken.None);
        otherModel.Encode(["heading one"]);

        Assert.Equal(["heading one", "passage one", "passage one (edited)", "heading one"], inner.Encoded);
        Assert.Equal(3, store.Count(Model));
    }

    [Fact]
    public void Questions_from_many_threads_get_their_own_vectors()
    {
        var inner = new CountingEncoder();
        var encoder = new CachedSemanticEncoder(inner, Model, recentCapacity: 8);
        var questions = Enumerable.Range(0, 20).Select(i => $"question {i}").ToArray();

        Parallel.For(0, 2000, i =>
        {
            var q = questions[i % questions.Length];
            Assert.Equal(CountingEncoder.VectorOf(q), encoder.Encode([q])[0]);
        });
    }

    private static async Task<(int Saved, double[] Scores)> BuildAsync(KnowledgeBase knowledge, MemoryVectorStore store, CountingEncoder inner)
    {
        var encoder = new CachedSemanticEncoder(inner, Model, recentCapacity: 16);
        await encoder.LoadStoredAsync(store, CancellationToken.None);
        using var search = new LuceneGuidelineSearch(knowledge, new SearchOptions(), TestPaths.Synonyms, encoder);
        var added = encoder.EndBuild();
        await encoder.SaveAsync(store, added, CancellationToken.None);
        var saved = added.Count;
        var scores = search.Explain("can I post photos of my class?", forceSemantic: true)
            .SelectMany(s => new[] { s.Features.SemanticHeading, s.Features.SemanticPassage, s.Features.SemanticSentence }).ToArray();
        return (saved, scores);
    }

    [Fact]
    public async Task Once_its_build_ends_a_question_is_never_taken_for_a_corpus_vector()
    {
        var store = new MemoryVectorStore();
        var model = new CountingEncoder();
        var vectors = new CachedSemanticEncoder(model, MiniLmModel.ModelId(ModelPrecision.Int8), recentCapacity: 0);
        await vectors.LoadStoredAsync(store, CancellationToken.None);
        vectors.Encode(["a heading", "a passage"]);

        var added = vectors.EndBuild();
        vectors.Encode(["a question asked once the index answers"]);
        await vectors.SaveAsync(store, added, CancellationToken.None);

        Assert.Equal(["a heading", "a passage"], added.Select(a => a.Key).Select(k => k == vectors.Key("a heading") ? "a heading" : k == vectors.Key("a passage") ? "a passage" : k));
        Assert.Equal(2, store.Count(MiniLmModel.ModelId(ModelPrecision.Int8)));
        Assert.Empty(vectors.EndBuild());
        Assert.Equal(3, model.Encoded.Count);
    }

    private sealed class MemoryVectorStore : IVectorStore
    {
        private readonly ConcurrentDictionary<(string Model, string Key), float[]> _rows = new();

        public int Count(string model) => _rows.Keys.Count(k => k.Model == model);

        public Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string model, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, float[]>>(
                _rows.Where(r => r.Key.Model == model).ToDictionary(r => r.Key.Key, r => r.Value.ToArray()));

        public Task SaveAsync(string model, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors, CancellationToken cancellationToken)
        {
            foreach (var (key, vector) in vectors)
            {
                _rows.TryAdd((model, key), vector.ToArray());
            }

            return Task.CompletedTask;
        }
    }
}
