using Microsoft.AspNetCore.HostFiltering;

namespace GuidelineBot.Hosting;

/// <summary>
/// ASP.NET Core's host filtering (which the web host adds first in the pipeline, with <c>AllowedHosts</c>, default
/// <c>*</c>) also refuses a request without a host: HTTP/1.0 without a <c>Host</c> header, or an empty one, is a 400.
/// The web pages and the sign-in build absolute URLs from the host, and failed with a 500 instead. Slack, Teams and
/// probes always send one.
/// </summary>
public static class HostRules
{
    public static IServiceCollection AddHostRules(this IServiceCollection services) =>
        services.Configure<HostFilteringOptions>(options => options.AllowEmptyHosts = false);
}
