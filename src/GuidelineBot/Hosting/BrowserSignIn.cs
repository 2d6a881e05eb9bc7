namespace GuidelineBot.Hosting;

/// <summary>
/// Authentication (the web sign-in's cookie and OpenID Connect schemes) for the requests that can carry a sign-in.
/// Once sign-in is registered, ASP.NET Core would put authentication at the start of the pipeline for every request:
/// for a signed Slack command that is a cookie handler created, initialised and run, and ≈2.5 KB allocated, for
/// nothing. Authorization still runs for every request, after authentication, as before.
/// </summary>
internal static class BrowserSignIn
{
    /// <summary>The key by which ASP.NET Core's host sees that the app added authentication itself (and adds none).</summary>
    private const string AuthenticationAddedKey = "__AuthenticationMiddlewareSet";

    /// <param name="authenticatedOtherwise">Requests that prove who sent them by other means (e.g. a Slack signature).</param>
    public static WebApplication UseAuthenticationExcept(this WebApplication app, Func<HttpContext, bool> authenticatedOtherwise)
    {
        ((IApplicationBuilder)app).Properties[AuthenticationAddedKey] = true;
        app.UseWhen(context => !authenticatedOtherwise(context), signIn => signIn.UseAuthentication());
        app.UseAuthorization();
        return app;
    }
}
