using GuidelineBot.Knowledge;

namespace GuidelineBot.Hosting;

/// <summary>
/// Builds the first knowledge snapshot while the server starts, so the first question does not pay for it (with the
/// MiniLM re-ranker the corpus's sentence vectors come from the store; see <see cref="KnowledgeSnapshotBuilder"/>).
/// Then knowledge is ready; later reloads swap snapshots without ever making the server unready.
/// </summary>
internal sealed class IndexWarmup(LiveKnowledge live, Readiness readiness, ILogger<IndexWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var snapshot = await Task.Run(() => live.Snapshot, cancellationToken);
        var hash = snapshot.Status.Version;
        readiness.MarkKnowledgeReady(hash);
        logger.LogInformation("Index ready: {Sections} sections, knowledge {KnowledgeHash}", snapshot.Knowledge.Sections.Count(), hash);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
