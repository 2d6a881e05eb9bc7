using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidelineBot.Hosting;

/// <summary>The orchestrator's probes: <c>/healthz</c> (liveness) and <c>/readyz</c> (readiness).</summary>
public static class ProbeEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge");
        services.AddSingleton<Readiness>();
        return services;
    }

    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder app)
    {
        // Liveness: the process serves and has its index; it does not depend on the store, so an outage of the
        // database makes replicas unready, not restarted.
        app.MapHealthChecks(LivenessPath);
        app.MapGet(ReadinessPath, async (Readiness readiness, CancellationToken cancellationToken) =>
        {
            var (ready, status) = await readiness.CheckAsync(cancellationToken);
            return Results.Json(status, ProbeJsonContext.Default.ReadyStatus,
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

/// <summary><c>/healthz</c>: healthy once the index is loaded with at least one section.</summary>
internal sealed class KnowledgeHealthCheck(Core.Answers.IGuidelineSearch search) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(search.Knowledge.Sections.Any()
            ? HealthCheckResult.Healthy($"{search.Knowledge.Documents.Count} documents")
            : HealthCheckResult.Unhealthy("no guideline sections loaded"));
}
