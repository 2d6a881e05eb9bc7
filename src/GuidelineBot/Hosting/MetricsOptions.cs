namespace GuidelineBot.Hosting;

/// <summary>
/// <c>Metrics:*</c>: bound and checked at start only so that a value that is no boolean (<c>Metrics:Prometheus=maybe</c>)
/// stops the start in one line naming it (<see cref="ServerRun.HasValidOptions"/>); the endpoint reads the key itself
/// while the services are registered, before options exist (<see cref="ObservabilityExtensions"/>).
/// </summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve <c>/metrics</c> for Prometheus; unset: in Development only.</summary>
    public bool? Prometheus { get; set; }
}
