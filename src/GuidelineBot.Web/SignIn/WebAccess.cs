using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuidelineBot.Web.SignIn;

/// <summary>
/// Who may use the browser pages. In Development, on a server that listens on loopback only, anyone from a loopback
/// client; otherwise a signed-in user (<see cref="AdminPolicy"/> also needs the admin role).
/// </summary>
public static class WebAccess
{
    /// <summary>The web chat (<c>/</c> and its API).</summary>
    public const string ChatPolicy = "web-chat";

    /// <summary>The admin dashboard (<c>/admin</c>).</summary>
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddWebSignIn(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, LocalOrSignedInHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ChatPolicy, p => p.AddRequirements(new LocalOrSignedIn(AdminOnly: false)))
            .AddPolicy(AdminPolicy, p => p.AddRequirements(new LocalOrSignedIn(AdminOnly: true)));
        return services;
    }

    internal sealed record LocalOrSignedIn(bool AdminOnly) : IAuthorizationRequirement;

    private sealed class LocalOrSignedInHandler(IHostEnvironment environment, IServer server) : AuthorizationHandler<LocalOrSignedIn>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LocalOrSignedIn requirement)
        {
            if (context.Resource is HttpContext http && IsLocal(http))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }

        private bool IsLocal(HttpContext http) =>
            environment.IsDevelopment()
            && http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
            && (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).All(IsLoopbackAddress);

        private static bool IsLoopbackAddress(string address) =>
            Uri.TryCreate(address.Replace("://+", "://wildcard.invalid", StringComparison.Ordinal).Replace("://*", "://wildcard.invalid", StringComparison.Ordinal),
                UriKind.Absolute, out var uri) && uri.IsLoopback;
    }
}
