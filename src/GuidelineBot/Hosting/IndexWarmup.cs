using GuidelineBot.Core.Answers;

namespace GuidelineBot.Hosting;

/// <summary>Builds the index while the server starts, so the first question does not pay for it; then marks knowledge ready.</summary>
internal sealed class IndexWarmup(IServiceProvider services, Readiness readiness, ILogger<IndexWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var search = services.GetRequiredService<IGuidelineSearch>();
        var hash = KnowledgeVersion.Of(search.Knowledge);
        readiness.MarkKnowledgeReady(hash);
        logger.LogInformation("Index ready: {Sections} sections, knowledge {KnowledgeHash}", search.Knowledge.Sections.Count(), hash);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
