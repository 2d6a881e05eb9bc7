namespace GuidelineBot.Hosting;

/// <summary>
/// ASP.NET Core's host filtering, from <c>AllowedHosts</c> (semicolon-separated; <c>*</c>, the default, allows any
/// name) as <c>WebApplication.CreateBuilder</c> sets it up (the slim builder does not), and a request without a host
/// (HTTP/1.0 without a <c>Host</c> header, or an empty one) is a 400: the web pages and the sign-in build absolute URLs
/// from it, and failed with a 500 instead. Slack, Teams and probes always send one.
/// </summary>
public static class HostRules
{
    public const string AllowedHostsKey = "AllowedHosts";

    public static IServiceCollection AddHostRules(this IServiceCollection services, IConfiguration configuration) =>
        services.AddHostFiltering(options =>
        {
            options.AllowedHosts = (configuration[AllowedHostsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                is { Length: > 0 } hosts ? hosts : ["*"];
            options.AllowEmptyHosts = false;
        });

    /// <summary>First in the pipeline: a request refused here reaches nothing else.</summary>
    public static WebApplication UseHostRules(this WebApplication app)
    {
        app.UseHostFiltering();
        return app;
    }
}
