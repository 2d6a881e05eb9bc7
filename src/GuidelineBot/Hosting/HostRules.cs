using Microsoft.AspNetCore.HostFiltering;

namespace GuidelineBot.Hosting;

/// <summary>
/// A request must name a host that makes a URL. ASP.NET Core's host filtering (which the web host adds first in the
/// pipeline, with <c>AllowedHosts</c>, default <c>*</c>) refuses a request without one: HTTP/1.0 without a <c>Host</c>
/// header, or an empty one, is a 400. Kestrel checks the header's characters but not its port's range, so
/// <c>Host: localhost:99999</c> is a 400 here too. The web pages and the sign-in build absolute URLs from the host, and
/// failed with a 500 instead. Slack, Teams and probes always send a valid one.
/// </summary>
public static class HostRules
{
    public static IServiceCollection AddHostRules(this IServiceCollection services) =>
        services
            .Configure<HostFilteringOptions>(options => options.AllowEmptyHosts = false)
            .AddTransient<IStartupFilter, ValidHostFilter>();

    /// <summary>Whether the request's scheme and host make an absolute URL (a port from 0 to 65535).</summary>
    internal static bool HasValidHost(HttpRequest request) =>
        !request.Host.HasValue || Uri.TryCreate($"{request.Scheme}://{request.Host.Value}/", UriKind.Absolute, out _);

    private sealed class ValidHostFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (HasValidHost(context.Request))
                {
                    return nextMiddleware(context);
                }

                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return context.Response.WriteAsync("The Host header does not name a valid host and port.", context.RequestAborted);
            });
            next(app);
        };
    }
}
