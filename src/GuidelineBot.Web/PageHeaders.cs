using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Web;

/// <summary>The security headers every page the bot serves (the chat, the dashboard) sends with its own policy.</summary>
internal static class PageHeaders
{
    /// <summary>
    /// The page's <paramref name="contentSecurityPolicy"/> (every one says <c>frame-ancestors 'none'</c>, and
    /// <c>X-Frame-Options: DENY</c> says it to browsers that predate it), no referrer to other sites, and no content sniffing.
    /// </summary>
    public static void Set(HttpResponse response, string contentSecurityPolicy)
    {
        response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
