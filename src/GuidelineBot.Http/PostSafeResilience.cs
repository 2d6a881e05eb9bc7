using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace GuidelineBot.Http;

/// <summary>
/// Resilience for clients that POST messages (Slack Web API, <c>response_url</c>s, the Bot Connector). A POST is repeated
/// only when the other side certainly did not act on it: 429, 503 with Retry-After (both honouring Retry-After), or a
/// connection that failed before the request was sent. Never after a timeout or any other error: that would post the
/// message twice.
/// </summary>
public static class PostSafeResilience
{
    /// <summary>Adds the pipeline, configured by <see cref="OutboundHttpOptions"/> named after the client (<c>builder.Name</c>).</summary>
    public static IHttpClientBuilder AddPostSafeResilience(this IHttpClientBuilder builder)
    {
        var name = builder.Name;
        builder.Services.AddOptions<OutboundHttpOptions>(name);
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan); // the pipeline bounds each call
        builder.AddResilienceHandler(name + "-post-safe", (pipeline, context) =>
        {
            var o = context.ServiceProvider.GetRequiredService<IOptionsMonitor<OutboundHttpOptions>>().Get(name);
            pipeline.AddTimeout(o.TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsSafeToRepeat(args.Outcome)),
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.BaseDelay,
                ShouldRetryAfterHeader = true,
            });
            pipeline.AddTimeout(o.AttemptTimeout);
        });
        return builder;
    }

    /// <summary>True only when the request was certainly not acted on.</summary>
    public static bool IsSafeToRepeat(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
        { Result: { StatusCode: HttpStatusCode.ServiceUnavailable } response } => response.Headers.RetryAfter is not null,
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } } => true,
        _ => false,
    };
}
