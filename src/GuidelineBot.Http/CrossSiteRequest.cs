using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Http;

/// <summary>
/// Whether a browser sent a request from another site's page. A page can post an empty body anywhere without asking
/// (<c>fetch(url, { method: "POST", mode: "no-cors" })</c>), with the user's cookies where they are sent, and
/// where the dashboard needs no sign-in (Development on loopback) with none; a browser says where it came from in
/// <c>Sec-Fetch-Site</c> and <c>Origin</c>. Tools (curl, scripts, probes) send neither and are never refused.
/// </summary>
public static class CrossSiteRequest
{
    public static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers["Sec-Fetch-Site"] is [var site, ..])
        {
            // "same-origin" and "none" (typed into the address bar) are the site's own; "same-site" is a neighbour.
            return site is not ("same-origin" or "none");
        }

        // Browsers without Fetch Metadata still name the origin of a cross-site POST ("null" from a sandboxed page).
        return request.Headers.Origin is [var origin, ..]
            && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
