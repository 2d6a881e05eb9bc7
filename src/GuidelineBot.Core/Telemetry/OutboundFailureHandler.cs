namespace GuidelineBot.Core.Telemetry;

/// <summary>
/// Counts a channel's outbound posts that failed after its client's own retries (<see cref="GuidelineMetrics.OutboundFailure"/>):
/// a response that is not a success, or an exception that is not the caller's cancellation. Each channel adds it as the
/// outermost handler of its message client, before the resilience pipeline, where it sees what the retries left.
/// </summary>
public sealed class OutboundFailureHandler(GuidelineMetrics metrics, string channel) : DelegatingHandler
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
