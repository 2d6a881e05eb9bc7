using GuidelineBot.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GuidelineBot.Hosting;

/// <summary>
/// The server's metrics (meter <c>GuidelineBot</c>, ASP.NET Core's and HttpClient's) for <c>/metrics</c> (Prometheus)
/// and/or OTLP, in an OpenTelemetry <see cref="MeterProvider"/> that is built when collection starts:
/// <see cref="StartDelay"/> after the server is listening (<see cref="MetricsStart"/>), or at the first scrape of
/// <c>/metrics</c> if that comes sooner. Building it subscribes a listener to every instrument of those meters and
/// costs ≈45 ms of CPU on one core (README, Performance), which a start would otherwise spend before its first answer;
/// what is measured before collection starts is not counted (counters start from zero at every start anyway).
/// </summary>
public sealed class MetricsCollection(IConfiguration configuration, bool prometheus, bool otlp, ILogger<MetricsCollection> logger) : IDisposable
{
    /// <summary>How long after the server is listening collection starts, unless a scrape starts it sooner.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private MeterProvider? _provider;
    private bool _failed;
    private bool _disposed;

    /// <summary>Whether collection has started.</summary>
    public bool Started
    {
        get
        {
            lock (_gate)
            {
                return _provider is not null;
            }
        }
    }

    /// <summary>
    /// Starts collection (once; later calls return the same provider). Null when the provider could not be built
    /// (logged once: the bot goes on serving without metrics) or the server is stopping.
    /// </summary>
    public MeterProvider? Start()
    {
        lock (_gate)
        {
            if (_provider is not null || _failed || _disposed)
            {
                return _provider;
            }

            try
            {
                _provider = Build();
            }
            catch (Exception ex)
            {
                _failed = true;
                logger.LogError(ex, "Metrics could not start: /metrics and the OTLP metrics export are off until a restart");
            }

            return _provider;
        }
    }

    public void Dispose()
    {
        MeterProvider? provider;
        lock (_gate)
        {
            _disposed = true;
            provider = _provider;
        }

        // Outside the lock: the OTLP exporter's final export can take its timeout.
        provider?.Dispose();
    }

    private MeterProvider Build()
    {
        var builder = Sdk.CreateMeterProviderBuilder()
            // The standard OTEL_* settings come from the app's configuration (appsettings.json as well as the
            // environment), as they do for traces.
            .ConfigureServices(services => services.AddSingleton(configuration))
            .ConfigureResource(r => r.AddService(ObservabilityExtensions.ServiceName))
            .AddMeter(GuidelineMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();
        if (prometheus)
        {
            builder.AddPrometheusExporter();
        }

        if (otlp)
        {
            builder.AddOtlpExporter();
        }

        return builder.Build();
    }
}
