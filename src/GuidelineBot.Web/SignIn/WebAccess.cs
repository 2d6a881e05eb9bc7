using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using GuidelineBot.Core.Logging;
using GuidelineBot.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Web.SignIn;

/// <summary>
/// Who may use the browser pages (<see cref="WebAccessMode"/>): in Development, on a server that listens on loopback
/// only, anyone from a loopback client; otherwise a user signed in through OpenID Connect (<c>Web:Authority</c>,
/// <c>Web:ClientId</c>, the ASP.NET Core handler) and kept in a cookie; <see cref="AdminPolicy"/> also needs the role or
/// group <c>Admin:Role</c>. Without sign-in settings, outside local mode, the pages answer 404.
/// </summary>
public static class WebAccess
{
    /// <summary>The web chat (<c>/</c> and its API).</summary>
    public const string ChatPolicy = "web-chat";

    /// <summary>The admin dashboard (<c>/admin</c>).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The OpenID Connect handler's callback (register <c>https://YOUR-HOST/signin-oidc</c> as the redirect URI).</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Each call to the identity provider (metadata, keys, token redemption) gives up after this long.</summary>
    internal static readonly TimeSpan BackchannelTimeout = TimeSpan.FromSeconds(10);

    private const string OpenIdScheme = OpenIdConnectDefaults.AuthenticationScheme;
    private const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static IServiceCollection AddWebSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebOptions>, WebOptionsValidator>());
        services.AddOptions<AdminRoleOptions>().Bind(configuration.GetSection(AdminRoleOptions.SectionName));
        services.TryAddSingleton<LoopbackServer>();
        services.TryAddSingleton<WebAccessMode>();

        // The OpenID Connect handler is registered only with its settings (it refuses to start without them). Only the two
        // strings are read here: binding the whole section would throw for a mistyped value of another key (Web:Enabled=maybe)
        // before the options' check on start could name it.
        var web = configuration.GetSection(WebOptions.SectionName);
        var signIn = new WebOptions { Authority = web[nameof(WebOptions.Authority)], ClientId = web[nameof(WebOptions.ClientId)] }.SignInConfigured;
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieScheme;
                o.DefaultChallengeScheme = signIn ? OpenIdScheme : CookieScheme;
            })
            .AddCookie(CookieScheme, ConfigureCookie);
        if (signIn)
        {
            AddOpenIdConnect(authentication, services);
        }

        services.AddSingleton<IAuthorizationHandler, LocalOrSignedInHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ChatPolicy, p => p.AddRequirements(new LocalOrSignedIn(AdminOnly: false)))
            .AddPolicy(AdminPolicy, p => p.AddRequirements(new LocalOrSignedIn(AdminOnly: true)));
        return services;
    }

    /// <summary>True for a signed-in user with the <c>Admin:Role</c> app role or group.</summary>
    internal static bool IsAdmin(ClaimsPrincipal user, string? role) =>
        !string.IsNullOrWhiteSpace(role) && user.Identity?.IsAuthenticated == true
        && (user.IsInRole(role) || user.HasClaim(WebClaims.Groups, role));

    /// <summary>Apart (and never inlined), so that a server without sign-in settings does not load the OpenID Connect handler.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenIdConnect(AuthenticationBuilder authentication, IServiceCollection services)
    {
        authentication.AddOpenIdConnect(OpenIdScheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(OpenIdScheme).Configure<IOptions<WebOptions>>((o, web) => ConfigureOpenIdConnect(o, web.Value));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SignInUnavailableResultHandler>();
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "guidelinebot.signin";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnRedirectToLogin = context =>
        {
            // The cookie scheme challenges only when sign-in is not configured: the pages are off, or in local mode the
            // request names a host that is not this machine (see WebAccessMode.IsLocal), which a person can correct.
            if (context.HttpContext.RequestServices.GetRequiredService<WebAccessMode>().Kind == WebAccessKind.Local)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"In local mode the pages open only at an address of this machine: {context.Request.Scheme}://localhost:{context.HttpContext.Connection.LocalPort}/"),
                    context.HttpContext.RequestAborted);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToAccessDenied = context => SignInProblemPage.NotAnAdminAsync(context.HttpContext);
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions o, WebOptions web)
    {
        o.Authority = web.Authority;
        o.ClientId = web.ClientId;
        o.ClientSecret = string.IsNullOrWhiteSpace(web.ClientSecret) ? null : web.ClientSecret;
        // With a secret: code flow (PKCE too), the code redeemed server-side. Without: the id_token posted back.
        o.ResponseType = o.ClientSecret is null ? "id_token" : "code";
        o.ResponseMode = "form_post";
        o.RequireHttpsMetadata = Uri.TryCreate(web.Authority, UriKind.Absolute, out var authority) && !authority.IsLoopback;
        o.CallbackPath = CallbackPath;
        o.SignInScheme = CookieScheme;
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = WebClaims.Name;
        o.TokenValidationParameters.RoleClaimType = WebClaims.Roles;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.DisableTelemetry = true;
        // Metadata, keys and the code's redemption: a provider that hangs holds the request this long per call, not 60 s.
        o.BackchannelTimeout = BackchannelTimeout;
        o.Events.OnRedirectToIdentityProvider = context =>
        {
            // A script's request (the chat's API) gets 401, not a redirect it cannot follow: the page reloads to sign in.
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
            }

            return Task.CompletedTask;
        };
        o.Events.OnTokenValidated = context =>
        {
            // An id_token redeemed for a code comes from the token endpoint, and ASP.NET Core then accepts it unsigned
            // (OpenID Connect Core 3.1.3.7 lets TLS vouch for it). Whoever could answer for that endpoint (a hijacked
            // authority, an interception) would sign in with any roles and no key: every id_token must be signed.
            // (An encrypted id_token is checked by the signed token inside it; no token at all is refused too.)
            if ((context.SecurityToken?.InnerToken ?? context.SecurityToken) is not { } token
                || string.IsNullOrEmpty(token.RawSignature) || string.Equals(token.Header.Alg, "none", StringComparison.OrdinalIgnoreCase))
            {
                context.Fail("the id_token is not signed");
            }

            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            // A forged, expired or replayed sign-in response (bad signature, nonce, state), or one the person cancelled:
            // 401, nobody is signed in, and a page that says so. Anyone can post one, so it is a warning without a stack
            // (appsettings.json keeps the handler's own error line, with its stack, out of the log).
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebAccess))
                .LogWarning("Sign-in response refused: {Reason}", LogText.Clip(context.Failure?.Message ?? "no reason given")); // the sender's words, in part
            context.HandleResponse();
            return SignInProblemPage.SignInFailedAsync(context.HttpContext, context.Properties?.RedirectUri);
        };
    }

    internal sealed record LocalOrSignedIn(bool AdminOnly) : IAuthorizationRequirement;

    private sealed class LocalOrSignedInHandler(WebAccessMode mode, IOptionsMonitor<AdminRoleOptions> admin) : AuthorizationHandler<LocalOrSignedIn>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LocalOrSignedIn requirement)
        {
            var http = context.Resource as HttpContext;
            var allowed = (http is not null && mode.IsLocal(http))
                          || (mode.Kind == WebAccessKind.SignIn && context.User.Identity?.IsAuthenticated == true
                              && (!requirement.AdminOnly || IsAdmin(context.User, admin.CurrentValue.Role)));
            if (allowed)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
