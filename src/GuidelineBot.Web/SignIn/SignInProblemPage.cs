using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Web.SignIn;

/// <summary>
/// What a person sees when the pages refuse them after or during sign-in (403 not an admin, 401 a sign-in that did not
/// complete, 503 the identity provider out of reach): a short page in the chat's style that says what happened and what
/// to do, with one link on (<see cref="ProblemPage"/>). A script's request (it does not accept HTML) gets the same sentences as plain text.
/// </summary>
internal static class SignInProblemPage
{
    /// <summary>403: signed in, but the page needs the admin role or group.</summary>
    public static Task NotAnAdminAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "This page is for admins",
            $"You are signed in{NameOf(context)}, but the admin dashboard is only for the people who look after the guidelines. " +
            "If you need it, ask whoever runs GuidelineBot to give you the admin role.",
            "Ask the guidelines a question", Home(context));

    /// <summary>401: the identity provider's answer was refused (expired, replayed, forged) or the sign-in was cancelled.</summary>
    public static Task SignInFailedAsync(HttpContext context, string? returnUrl) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in did not complete",
            "The answer from the sign-in service could not be accepted: it may have expired or been used already, or the sign-in was cancelled. " +
            "Nobody is signed in. Please sign in again.",
            "Sign in again", IsLocalPath(returnUrl) ? returnUrl! : Home(context));

    /// <summary>503: sign-in needs the identity provider, which cannot be reached now.</summary>
    public static Task SignInUnavailableAsync(HttpContext context, TimeSpan retryAfter) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Sign-in is unavailable right now",
            $"The sign-in service cannot be reached at the moment. Please try again in {(int)retryAfter.TotalSeconds} seconds.",
            "Try again", (context.Request.PathBase + context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent());

    private static Task WriteAsync(HttpContext context, int status, string title, string message, string linkText, string link) =>
        ProblemPage.WriteAsync(context, status, title, message, linkText, link, title + ". " + message);

    /// <summary>" as Name", or nothing when the provider gave no name.</summary>
    private static string NameOf(HttpContext context) => WebClaims.DisplayName(context.User) is { Length: > 0 } name ? " as " + name : "";

    private static string Home(HttpContext context) => context.Request.PathBase + "/";

    /// <summary>A path on this site (not <c>//host</c> or <c>/\host</c>, which browsers read as another site).</summary>
    private static bool IsLocalPath(string? url) =>
        url is ['/', ..] && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
