using GuidelineBot.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>
/// Builds the first knowledge snapshot while the server starts, so the first question does not pay for it (with the
/// MiniLM re-ranker the corpus's sentence vectors come from the store; see <see cref="KnowledgeSnapshotBuilder"/>).
/// Then knowledge is ready; later reloads swap snapshots without ever making the server unready. The model's session
/// is built afterwards, off the start-up path (a start whose vectors all came from the store has not needed it yet).
/// </summary>
internal sealed class IndexWarmup(LiveKnowledge live, Readiness readiness, IServiceProvider services, IOptions<SearchOptions> search,
    ILogger<IndexWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var snapshot = await Task.Run(() => live.Snapshot, cancellationToken);
        var hash = snapshot.Status.Version;
        readiness.MarkKnowledgeReady(hash);
        logger.LogInformation("Index ready: {Sections} sections, knowledge {KnowledgeHash}", snapshot.Knowledge.Sections.Count(), hash);
        if (search.Value.Reranker == RerankerKind.MiniLM)
        {
            _ = Task.Run(PrepareModel, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
}
