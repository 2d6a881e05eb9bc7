using GuidelineBot.Core.Answers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidelineBot.Hosting;

/// <summary>Builds the index while the server starts, so the first question does not pay for it.</summary>
internal sealed class IndexWarmup(IServiceProvider services, ILogger<IndexWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var search = services.GetRequiredService<IGuidelineSearch>();
        logger.LogInformation("Index ready: {Sections} sections", search.Knowledge.Sections.Count());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary><c>/healthz</c>: healthy once the index is loaded with at least one section.</summary>
internal sealed class KnowledgeHealthCheck(IGuidelineSearch search) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(search.Knowledge.Sections.Any()
            ? HealthCheckResult.Healthy($"{search.Knowledge.Documents.Count} documents")
            : HealthCheckResult.Unhealthy("no guideline sections loaded"));
}
