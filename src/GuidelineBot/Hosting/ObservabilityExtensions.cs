using GuidelineBot.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GuidelineBot.Hosting;

/// <summary>
/// OpenTelemetry (traces and metrics: ASP.NET Core, HttpClient and our own <see cref="GuidelineMetrics"/>): traces,
/// metrics and log records exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, metrics at
/// <c>/metrics</c> (Prometheus) when <c>Metrics:Prometheus</c> is true (default: true in Development only), nothing
/// collected otherwise; JSON console logs in Production.
/// </summary>
public static class ObservabilityExtensions
{
    public const string PrometheusKey = "Metrics:Prometheus";
    public const string MetricsPath = "/metrics";

    /// <summary>The service name on every exported span, log record and metric.</summary>
    public const string ServiceName = "guidelinebot";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var prometheus = PrometheusEnabled(builder.Configuration, builder.Environment);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateOnStart();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        if (builder.Environment.IsProduction())
        {
            // One JSON object per line; the trace and span ids come in as a scope on every line logged inside a trace.
            // Before OpenTelemetry's registration: clearing the providers after it would drop its OTLP log exporter.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }

        // A failed start is logged in one line by ServerRun; the host's own line would repeat it with the exception's stack
        // trace. (A background service's crash is still logged by the host, as critical.)
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        // Collect only what goes somewhere: spans only for an OTLP exporter, metrics for it or for /metrics. Collecting
        // spans nobody exports cost 15–20 µs of a cached answer's ≈125 µs of CPU (README, Performance). Log lines keep
        // their trace ids either way (ASP.NET Core starts the request's activity itself); lines logged by queued work
        // carry the queuing request's trace id only when spans are collected (WorkQueueWorker's span continues it).
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        if (otlp)
        {
            // Every signal over OTLP, with the standard per-signal OTEL_EXPORTER_OTLP_* settings (UseOtlpExporter):
            // metrics (for /metrics as well when it is on) are collected from the start.
            otel.WithTracing(t => t.AddSource(GuidelineMetrics.ActivitySourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(m =>
                {
                    MetricsCollection.AddMeters(m);
                    if (prometheus)
                    {
                        m.AddPrometheusExporter();
                    }
                })
                .UseOtlpExporter();
        }
        else if (prometheus)
        {
            // /metrics alone (Development's default): collected from a second after the server is listening.
            builder.Services.AddSingleton<MetricsCollection>();
            builder.Services.AddHostedService<MetricsStart>();
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/metrics</c> when Prometheus is on. Same port as the bot: restrict it at the ingress. Without OTLP, the
    /// first scrape starts the collection if <see cref="MetricsStart"/> has not yet (<see cref="MetricsCollection"/>).
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (!PrometheusEnabled(app.Configuration, app.Environment))
        {
            return app;
        }

        if (app.Services.GetService<MetricsCollection>() is not { } metrics)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(ProbeEndpoints.ReadOnlyMethods());
            return app;
        }

        var branch = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
        var scrape = new Lazy<RequestDelegate>(() => branch
            .UseOpenTelemetryPrometheusScrapingEndpoint(metrics.Start(), predicate: _ => true, path: null, configureBranchedPipeline: null, optionsName: null)
            .Build());
        app.Map(MetricsPath, context => scrape.Value(context)).WithMetadata(ProbeEndpoints.ReadOnlyMethods());
        return app;
    }

    /// <summary>(A value that is no boolean is off here; the start stops on it anyway: <see cref="MetricsOptions"/>.)</summary>
    private static bool PrometheusEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        bool.TryParse(configuration[PrometheusKey], out var on) ? on : environment.IsDevelopment();
}
