using System.Threading.RateLimiting;
using GuidelineBot.Web.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Web.Chat;

/// <summary>
/// The chat's posts: <c>Web:MessagesPerMinute</c> per person (a token bucket), refused with a friendly 429 and
/// <c>Retry-After</c>. An endpoint filter on the posts rather than ASP.NET Core's rate-limiting middleware, which builds
/// its limiter on every start (≈14 ms of a start on one core) and looks at every request; this limiter is made on the
/// first post.
/// </summary>
internal sealed class ChatRateLimit(IOptions<WebOptions> options) : IDisposable
{
    private readonly Lazy<PartitionedRateLimiter<HttpContext>> _limiter = new(() =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => PerPerson(http, options.Value.MessagesPerMinute)));

    /// <summary>The endpoint filter: the post goes on while the person has a token left.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        using var lease = http.RequestServices.GetRequiredService<ChatRateLimit>()._limiter.Value.AttemptAcquire(http);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        http.Response.Headers.RetryAfter = "60";
        return ChatEndpoints.Problem(StatusCodes.Status429TooManyRequests,
            "You're sending messages faster than I can answer. Please wait a minute, then try again.");
    }

    public void Dispose()
    {
        if (_limiter.IsValueCreated)
        {
            _limiter.Value.Dispose();
        }
    }

    /// <summary>One token bucket per person (signed-in id or local id; the client address before the page gave one).</summary>
    private static RateLimitPartition<string> PerPerson(HttpContext http, int perMinute)
    {
        var key = WebUser.Id(http) ?? "address:" + http.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
