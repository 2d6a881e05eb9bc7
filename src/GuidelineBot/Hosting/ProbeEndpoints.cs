using GuidelineBot.Knowledge;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GuidelineBot.Hosting;

/// <summary>The orchestrator's probes: <c>/healthz</c> (liveness) and <c>/readyz</c> (readiness).</summary>
public static class ProbeEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    /// <summary>Probes and scrapes are reads: any other method is 405 (a new instance each time: the metadata is mutable).</summary>
    public static HttpMethodMetadata ReadOnlyMethods() => new([HttpMethods.Get, HttpMethods.Head]);

    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge");
        services.AddSingleton<Readiness>();
        return services;
    }

    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder app)
    {
        // Liveness: the process serves (with the live knowledge hash in the body); it does not depend on the store or
        // the knowledge folder, so an outage of the database makes replicas unready, not restarted.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { ResponseWriter = KnowledgeHealthCheck.WriteAsync })
            .WithMetadata(ReadOnlyMethods());
        app.MapGet(ReadinessPath, async (Readiness readiness, CancellationToken cancellationToken) =>
        {
            var (ready, status) = await readiness.CheckAsync(cancellationToken);
            return Results.Json(status, ProbeJsonContext.Default.ReadyStatus,
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

/// <summary><c>/healthz</c>: healthy while the process serves, whatever the knowledge folder holds (an empty folder is not a reason to restart).</summary>
internal sealed class KnowledgeHealthCheck(LiveKnowledge live) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(live.Version is { } hash ? "knowledge " + hash : "loading knowledge"));

    /// <summary>Writes <see cref="LiveStatus"/>: replicas on one folder report the same hash once they have reloaded.</summary>
    public static Task WriteAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new LiveStatus(report.Status.ToString(), http.RequestServices.GetRequiredService<LiveKnowledge>().Version),
            ProbeJsonContext.Default.LiveStatus);
}
