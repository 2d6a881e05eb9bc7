using System.Net;
using GuidelineBot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Web.SignIn;

/// <summary>Who may use the browser pages.</summary>
internal enum WebAccessKind
{
    /// <summary>Development, the server listens on loopback only: anyone from a loopback client, no sign-in.</summary>
    Local,

    /// <summary><c>Web:Authority</c> and <c>Web:ClientId</c> set: signed-in users (OpenID Connect + a cookie).</summary>
    SignIn,

    /// <summary>Neither: the browser pages answer 404.</summary>
    Off,
}

/// <summary>
/// Decides the <see cref="WebAccessKind"/>. The addresses the server listens on are known once it has started, so the
/// decision is made on first use.
/// </summary>
internal sealed class WebAccessMode(IOptions<WebOptions> options, LoopbackServer server)
{
    private readonly Lazy<(WebAccessKind Kind, string Why)> _decision = new(() => Decide(options.Value, server));

    public WebAccessKind Kind => _decision.Value.Kind;

    /// <summary>One sentence for the start-up log.</summary>
    public string Why => _decision.Value.Why;

    /// <summary>
    /// Local mode, the request comes from this machine, and it is addressed to this machine (<c>localhost</c> or a loopback
    /// address). A page of another site that DNS rebinding points at 127.0.0.1 sends its own host name: it does not get
    /// the open pages (and the question log on the dashboard).
    /// </summary>
    public bool IsLocal(HttpContext http) =>
        Kind == WebAccessKind.Local && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) &&
        ServerAddresses.IsLoopbackHost(http.Request.Host.Host);

    private static (WebAccessKind, string) Decide(WebOptions options, LoopbackServer server)
    {
        if (server.IsLocalOnly)
        {
            return (WebAccessKind.Local, "Web pages are open without sign-in to clients on this machine (Development, listening on loopback only).");
        }

        if (options.SignInConfigured)
        {
            return (WebAccessKind.SignIn, $"Web pages require sign-in through OpenID Connect ({options.Authority}).");
        }

        var where = server.IsDevelopment
            ? $"the server listens on {string.Join(", ", server.Exposed)} (not loopback only)"
            : $"the environment is {server.EnvironmentName}, not Development";
        return (WebAccessKind.Off, $"Web pages are off (404): Web:Authority and Web:ClientId are not set and {where}.");
    }
}
