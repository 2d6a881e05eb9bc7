using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Web.SignIn;

/// <summary>
/// What a person sees when the pages refuse them after or during sign-in (403 not an admin, 401 a sign-in that did not
/// complete, 503 the identity provider out of reach): a short page in the chat's style that says what happened and what
/// to do, with one link on. A script's request (it does not accept HTML) gets the same sentences as plain text.
/// </summary>
internal static class SignInProblemPage
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

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

    private static async Task WriteAsync(HttpContext context, int status, string title, string message, string linkText, string link)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        if (!AcceptsHtml(context.Request))
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(title + ". " + message, context.RequestAborted);
            return;
        }

        PageHeaders.Set(response, ContentSecurityPolicy);
        response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Default;
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(html.Encode(title)).Append(" · GuidelineBot</title>\n")
            .Append("<link rel=\"icon\" href=\"").Append(PageIcon.DataUri).Append("\" />\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(html.Encode(context.Request.PathBase + "/_content/GuidelineBot.Web/chat/chat.css")).Append("\" />\n")
            .Append("</head>\n<body>\n<header class=\"top\"><p class=\"tagline\">GuidelineBot</p><h1>").Append(html.Encode(title)).Append("</h1></header>\n")
            .Append("<main><p>").Append(html.Encode(message)).Append("</p>\n<p><a href=\"").Append(html.Encode(link)).Append("\">")
            .Append(html.Encode(linkText)).Append("</a></p></main>\n</body>\n</html>\n");
        await response.WriteAsync(page.ToString(), context.RequestAborted);
    }

    /// <summary>A browser's navigation asks for HTML; the chat's script asks for JSON.</summary>
    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>" as Name", or nothing when the provider gave no name.</summary>
    private static string NameOf(HttpContext context) => WebClaims.DisplayName(context.User) is { Length: > 0 } name ? " as " + name : "";

    private static string Home(HttpContext context) => context.Request.PathBase + "/";

    /// <summary>A path on this site (not <c>//host</c> or <c>/\host</c>, which browsers read as another site).</summary>
    private static bool IsLocalPath(string? url) =>
        url is ['/', ..] && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
