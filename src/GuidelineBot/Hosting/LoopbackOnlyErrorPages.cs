using System.Net;

namespace GuidelineBot.Hosting;

/// <summary>
/// In Development ASP.NET Core shows the developer exception page (stack trace, headers, configuration names) for an
/// unhandled exception. Only clients on this machine may see it: anyone else gets a bare 500, and the exception is logged.
/// </summary>
internal static class LoopbackOnlyErrorPages
{
    public static IApplicationBuilder UseLoopbackOnlyErrorPages(this IApplicationBuilder app) =>
        app.UseWhen(context => !IsLoopback(context.Connection.RemoteIpAddress),
            remote => remote.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = _ => Task.CompletedTask }));

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
