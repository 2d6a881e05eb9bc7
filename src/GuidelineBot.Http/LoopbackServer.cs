using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace GuidelineBot.Http;

/// <summary>
/// The one "local mode" decision (Teams without an App ID, the browser pages without sign-in): the environment is
/// Development and every address the server listens on is loopback. The addresses are known once the server has
/// started, so ask after that (on first use).
/// </summary>
public sealed class LoopbackServer(IHostEnvironment environment, IServer server)
{
    public bool IsDevelopment => environment.IsDevelopment();

    public string EnvironmentName => environment.EnvironmentName;

    /// <summary>The addresses the server listens on that are not loopback (empty = loopback only).</summary>
    public IReadOnlyList<string> Exposed => ServerAddresses.Exposed(server.Features.Get<IServerAddressesFeature>()?.Addresses);

    /// <summary>Development, listening on loopback only.</summary>
    public bool IsLocalOnly => IsLocal(IsDevelopment, server.Features.Get<IServerAddressesFeature>()?.Addresses);

    public static bool IsLocal(bool isDevelopment, IEnumerable<string>? addresses) => isDevelopment && ServerAddresses.Exposed(addresses).Count == 0;
}
