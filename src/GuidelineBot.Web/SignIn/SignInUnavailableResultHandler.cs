using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Web.SignIn;

/// <summary>
/// Applies an authorization result as ASP.NET Core does, except that a sign-in challenge that cannot reach the identity
/// provider (the OpenID Connect handler fetches its metadata before it redirects: unreachable, too slow or unreadable)
/// answers 503 with <c>Retry-After</c> and a page that says so, logged as an error, where the exception would have made a 500.
/// </summary>
internal sealed class SignInUnavailableResultHandler(ILogger<SignInUnavailableResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    /// <summary>What a refused visitor's browser or script is told to wait.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        try
        {
            await _framework.HandleAsync(next, context, policy, authorizeResult);
        }
        catch (Exception ex) when (authorizeResult.Challenged && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                                   && ex is InvalidOperationException or HttpRequestException or OperationCanceledException)
        {
            logger.LogError(ex, "Sign-in is unavailable: the identity provider could not be reached; {Path} answered 503", context.Request.Path);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await SignInProblemPage.SignInUnavailableAsync(context, RetryAfter);
        }
    }
}
