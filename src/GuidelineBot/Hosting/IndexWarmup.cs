using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Storage;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>
/// Builds the index while the server starts, so the first question does not pay for it. With the MiniLM re-ranker the
/// corpus's sentence vectors come from the store (computed once per text, shared by replicas); the ones it lacks are
/// encoded and saved. A store that fails or does not answer in time only costs the encoding. Then knowledge is ready.
/// </summary>
internal sealed class IndexWarmup(IServiceProvider services, Readiness readiness, TimeProvider time, ILogger<IndexWarmup> logger) : IHostedService
{
    /// <summary>How long loading or saving stored vectors may take before the index is built without them.</summary>
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var reranker = services.GetRequiredService<IOptions<SearchOptions>>().Value.Reranker;
        var store = services.GetService<IVectorStore>();
        var vectors = reranker == RerankerKind.MiniLM && store is not null ? services.GetRequiredService<CachedSemanticEncoder>() : null;
        if (vectors is not null)
        {
            await WithStoreAsync("load", token => vectors.LoadStoredAsync(store!, token), cancellationToken);
        }

        var search = await Task.Run(services.GetRequiredService<IGuidelineSearch>, cancellationToken);
        if (vectors is not null)
        {
            await WithStoreAsync("save", async token =>
            {
                var saved = await vectors.SaveNewAsync(store!, token);
                logger.LogInformation("Saved {Count} new sentence vectors", saved);
            }, cancellationToken);
        }

        var hash = search.Knowledge.Version;
        readiness.MarkKnowledgeReady(hash);
        logger.LogInformation("Index ready: {Sections} sections, knowledge {KnowledgeHash}", search.Knowledge.Sections.Count(), hash);
        if (reranker == RerankerKind.MiniLM)
        {
            // Off the start-up path: a start whose vectors all came from the store has not built the model session yet.
            _ = Task.Run(PrepareModel, cancellationToken);
        }
    }

    private void PrepareModel()
    {
        try
        {
            services.GetRequiredService<MiniLmEncoder>().Prepare();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not build the sentence encoder's session; questions that need it will try again");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WithStoreAsync(string what, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await action(linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not {What} stored sentence vectors; the index encodes what it needs instead", what);
        }
    }
}
