using GuidelineBot.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GuidelineBot.Hosting;

/// <summary>
/// The server's metrics for <c>/metrics</c> (Prometheus) when no OTLP endpoint is set (Development's default), in an
/// OpenTelemetry <see cref="MeterProvider"/> that is built when collection starts: <see cref="StartDelay"/> after the
/// server is listening (<see cref="MetricsStart"/>), or at the first scrape if that comes sooner. Building it subscribes
/// a listener to every instrument of the meters below and took ≈0.1 s of CPU on one core of the slow VM (README,
/// Performance), which a start would otherwise spend before its first answer; what is measured before collection starts
/// is not counted (counters start from zero at every start anyway). With OTLP, OpenTelemetry's hosting builds the
/// metrics at start instead (<see cref="ObservabilityExtensions"/>).
/// </summary>
internal sealed class MetricsCollection(IConfiguration configuration) : IDisposable
{
    /// <summary>How long after the server is listening collection starts, unless a scrape starts it sooner.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private MeterProvider? _provider;
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

    /// <summary>The meters collected: ours, ASP.NET Core's (Kestrel's included) and HttpClient's.</summary>
    public static MeterProviderBuilder AddMeters(MeterProviderBuilder builder) =>
        builder.AddMeter(GuidelineMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();

    /// <summary>Starts collection, once; later calls return the same provider.</summary>
    public MeterProvider Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _provider ??= AddMeters(Sdk.CreateMeterProviderBuilder()
                    // OTEL_* settings (resource attributes, service name) from the app's configuration, as with OTLP.
                    .ConfigureServices(services => services.AddSingleton(configuration))
                    .ConfigureResource(r => r.AddService(ObservabilityExtensions.ServiceName)))
                .AddPrometheusExporter()
                .Build();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _provider?.Dispose();
        }
    }
}
