using GuidelineBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GuidelineBot.Hosting;

/// <summary>
/// OpenTelemetry (traces and metrics: ASP.NET Core, HttpClient and our own <see cref="GuidelineMetrics"/>): traces and
/// metrics exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, metrics at <c>/metrics</c> (Prometheus)
/// when <c>Metrics:Prometheus</c> is true (default: true in Development only), nothing collected otherwise; JSON
/// console logs in Production.
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
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        // Collect only what goes somewhere: spans only for an OTLP exporter, metrics for it or for /metrics. Collecting
        // spans nobody exports cost 15–20 µs of a cached answer's ≈125 µs of CPU (README, Performance). Log lines keep
        // their trace ids either way (ASP.NET Core starts the request's activity itself); lines logged by queued work
        // carry the queuing request's trace id only when spans are collected (WorkQueueWorker's span continues it).
        if (otlp)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService(ServiceName))
                .WithTracing(t => t.AddSource(GuidelineMetrics.ActivitySourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())
                .WithLogging(l => l.AddOtlpExporter());
        }

        // Metrics start a second after the server is listening (MetricsCollection), not before its first answers.
        if (otlp || prometheus)
        {
            builder.Services.AddSingleton(sp => new MetricsCollection(sp.GetRequiredService<IConfiguration>(), prometheus, otlp,
                sp.GetRequiredService<ILogger<MetricsCollection>>()));
            builder.Services.AddHostedService<MetricsStart>();
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, OutboundFailureFilter>());

        if (builder.Environment.IsProduction())
        {
            // One JSON object per line; the trace and span ids come in as a scope on every line logged inside a trace.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/metrics</c> when Prometheus is on. Same port as the bot: restrict it at the ingress. The first scrape
    /// starts the collection if <see cref="MetricsStart"/> has not yet; 503 when it could not start.
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration, app.Environment))
        {
            var metrics = app.Services.GetRequiredService<MetricsCollection>();
            var branch = ((IEndpointRouteBuilder)app).CreateApplicationBuilder();
            var scrape = new Lazy<RequestDelegate?>(() => metrics.Start() is { } provider
                ? branch.UseOpenTelemetryPrometheusScrapingEndpoint(provider, predicate: _ => true, path: null, configureBranchedPipeline: null, optionsName: null).Build()
                : null);
            app.Map(MetricsPath, context => scrape.Value?.Invoke(context) ?? Unavailable(context));
        }

        return app;
    }

    private static Task Unavailable(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync("Metrics could not start; see the server's log.", context.RequestAborted);
    }

    private static bool PrometheusEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(PrometheusKey) ?? environment.IsDevelopment();
}

/// <summary>
/// Counts posts to Slack and the Bot Connector that failed after the clients' own retries: its handler is the outermost
/// of the Slack Web API client and the Bot Connector client.
/// </summary>
internal sealed class OutboundFailureFilter(GuidelineMetrics metrics) : IHttpMessageHandlerBuilderFilter
{
    /// <summary>Typed clients are named after their class.</summary>
    private static readonly Dictionary<string, string> Channels = new(StringComparer.Ordinal)
    {
        ["SlackApiClient"] = "slack",
        ["ConnectorClient"] = "teams",
    };

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && Channels.TryGetValue(name, out var channel))
        {
            builder.AdditionalHandlers.Insert(0, new FailureCounter(metrics, channel));
        }
    };

    private sealed class FailureCounter(GuidelineMetrics metrics, string channel) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    metrics.OutboundFailure(channel);
                }

                return response;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                metrics.OutboundFailure(channel);
                throw;
            }
        }
    }
}
