using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Web;

/// <summary>
/// A short page in the chat's style that says what happened and what to do, with one link on: what a person sees when
/// a page or a form of the dashboard refuses them, never a bare line of text. A request that does not accept HTML (a
/// script's) gets the plain-text sentence instead.
/// </summary>
internal static class ProblemPage
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /// <param name="plainText">The body for a request that does not accept HTML.</param>
    public static async Task WriteAsync(HttpContext context, int status, string title, string message, string linkText, string link, string plainText)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        if (!AcceptsHtml(context.Request))
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(plainText, context.RequestAborted);
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

    /// <summary>A browser's navigation or form post asks for HTML; the chat's script asks for JSON.</summary>
    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
