using GuidelineBot.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>
/// Builds the first knowledge snapshot while the server starts, so the first question does not pay for it (with the
/// MiniLM re-ranker the corpus's sentence vectors come from the store; see <see cref="KnowledgeSnapshotBuilder"/>).
/// Its semantic index is built in the background: the start waits for it at most <c>Search:StartupWaitSeconds</c>, and
/// past that (a large corpus the store has no vectors for) the lexical stage answers alone until it is ready. Then
/// knowledge is ready; later reloads swap snapshots without ever making the server unready. A start whose vectors all
/// came from the store has not built the model's session: the first question that needs it starts building it in the
/// background (on a one-core server, building it eagerly would slow the first requests just as much), and questions are
/// answered lexically meanwhile — unless <c>Search:WaitForModelAtStart</c> builds it before the server is ready.
/// </summary>
internal sealed class IndexWarmup(LiveKnowledge live, Readiness readiness, IServiceProvider services, IOptions<SearchOptions> search,
    TimeProvider time, ILogger<IndexWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var snapshot = await Task.Run(() => live.Snapshot, cancellationToken);
        var hash = snapshot.Status.Version;
        var sections = snapshot.Knowledge.Sections.Count();
        if (snapshot.Search is LuceneGuidelineSearch engine && !engine.SemanticReady.IsCompletedSuccessfully)
        {
            await WaitForSemanticAsync(engine.SemanticReady, sections, started, cancellationToken);
        }

        if (search.Value.Reranker == RerankerKind.MiniLM && search.Value.WaitForModelAtStart)
        {
            await Task.Run(PrepareModel, cancellationToken);
        }

        readiness.MarkKnowledgeReady(hash);
        logger.LogInformation("Index ready: {Sections} sections, knowledge {KnowledgeHash}", sections, hash);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WaitForSemanticAsync(Task semanticReady, int sections, long started, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(search.Value.StartupWaitSeconds);
        try
        {
            await semanticReady.WaitAsync(wait, time, cancellationToken);
            return;
        }
        catch (TimeoutException)
        {
            logger.LogWarning(
                "The semantic index of {Sections} sections is still being built after {Seconds} s (Search:StartupWaitSeconds): answering with the lexical stage alone until it is ready",
                sections, search.Value.StartupWaitSeconds);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Failed: logged below, like a build that fails after the wait.
        }

        _ = semanticReady.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    logger.LogInformation("Semantic index of {Sections} sections ready {Seconds:F0} s after the start; questions use both stages now",
                        sections, time.GetElapsedTime(started).TotalSeconds);
                }
                else
                {
                    logger.LogError(t.Exception, "Building the semantic index failed; the lexical stage answers alone");
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
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
}
