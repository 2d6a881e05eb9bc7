using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using GuidelineBot.Storage;
using GuidelineBot.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>The sentence-vector cache on every provider: exact round trips, first writer wins, replicas share.</summary>
public abstract class VectorStoreTests<TStore> : ProviderTestBase<TStore> where TStore : ITestStore, new()
{
    private const string Model = "all-MiniLM-L6-v2/test";

    [SkippableFact]
    public async Task Vectors_round_trip_bit_for_bit_per_model()
    {
        var store = new SqlVectorStore(Database);
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 40).ToDictionary(i => $"key{i}",
            _ => Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5) * 1e-3f).ToArray());
        vectors["extremes"] = [float.Epsilon, -0f, float.MaxValue, -1f, 1f / 3];

        await store.SaveAsync(Model, vectors, CancellationToken.None);

        var loaded = await store.LoadAsync(Model, CancellationToken.None);
        Assert.Equal(vectors.Count, loaded.Count);
        foreach (var (key, vector) in vectors)
        {
            Assert.Equal(vector.Select(BitConverter.SingleToInt32Bits), loaded[key].Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Empty(await store.LoadAsync("another-model", CancellationToken.None));
        Assert.Equal(vectors.Count * 384L * sizeof(float) - (379 * sizeof(float)),
            await CountAsync(Database, "SELECT sum(length(vector)) FROM sentence_vectors"));
    }

    [SkippableFact]
    public async Task A_key_saved_again_or_by_another_process_keeps_the_first_vector()
    {
        var first = new SqlVectorStore(Database);
        var second = new SqlVectorStore(OpenAnother());
        await first.SaveAsync(Model, [new("k", [1f, 2f]), new("only-first", [3f])], CancellationToken.None);

        await Task.WhenAll(
            second.SaveAsync(Model, [new("k", [9f, 9f]), new("only-second", [4f])], CancellationToken.None),
            first.SaveAsync(Model, [new("k", [8f, 8f])], CancellationToken.None));

        var loaded = await second.LoadAsync(Model, CancellationToken.None);
        Assert.Equal([1f, 2f], loaded["k"]);
        Assert.Equal([3f], loaded["only-first"]);
        Assert.Equal([4f], loaded["only-second"]);
    }

    [SkippableFact]
    public async Task A_replica_builds_the_same_index_without_encoding_the_corpus()
    {
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = RepoPaths.Knowledge });
        var synonyms = Path.Combine(RepoPaths.Knowledge, "synonyms.txt");

        var first = new CountingEncoder();
        var firstVectors = new CachedSemanticEncoder(first, Model, 0);
        var firstStore = new SqlVectorStore(Database);
        await firstVectors.LoadStoredAsync(firstStore, CancellationToken.None);
        using (new LuceneGuidelineSearch(knowledge, new SearchOptions(), synonyms, firstVectors))
        {
            var added = firstVectors.EndBuild();
            await firstVectors.SaveAsync(firstStore, added, CancellationToken.None);
            Assert.Equal(first.Encoded.Count, added.Count);
        }

        var replica = new CountingEncoder();
        var replicaVectors = new CachedSemanticEncoder(replica, Model, 0);
        var replicaStore = new SqlVectorStore(OpenAnother());
        await replicaVectors.LoadStoredAsync(replicaStore, CancellationToken.None);
        using (new LuceneGuidelineSearch(knowledge, new SearchOptions(), synonyms, replicaVectors))
        {
            var added = replicaVectors.EndBuild();
            await replicaVectors.SaveAsync(replicaStore, added, CancellationToken.None);
            Assert.Empty(added);
        }

        Assert.True(first.Encoded.Count > 50);
        Assert.Empty(replica.Encoded);
        Assert.Equal(first.Encoded.Count, await CountAsync(Database, "SELECT count(*) FROM sentence_vectors"));
    }
}

public sealed class SqliteVectorStoreTests : VectorStoreTests<SqliteTestStore>;

public sealed class PostgresVectorStoreTests : VectorStoreTests<PostgresTestStore>;

/// <summary>The server's start-up: vectors encoded on the first start are saved and reused by the next.</summary>
public sealed class VectorCacheStartupTests
{
    [Fact]
    public async Task A_second_server_start_on_the_same_store_encodes_no_corpus_text()
    {
        await using var first = new GuidelineBotFactory();
        var firstModel = new CountingEncoder();
        using (WithEncoder(first, first.DatabasePath, firstModel).CreateClient())
        {
        }

        await using var second = new GuidelineBotFactory();
        var secondModel = new CountingEncoder();
        using (WithEncoder(second, first.DatabasePath, secondModel).CreateClient())
        {
        }

        Assert.True(firstModel.Encoded.Count > 50, $"{firstModel.Encoded.Count} texts encoded on the first start");
        Assert.Empty(secondModel.Encoded);
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithEncoder(
        GuidelineBotFactory factory, string databasePath, CountingEncoder model) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={databasePath}");
            builder.ConfigureTestServices(services =>
                services.AddSingleton(new CachedSemanticEncoder(model, MiniLmModel.ModelId(ModelPrecision.Int8), 16)));
        });
}
