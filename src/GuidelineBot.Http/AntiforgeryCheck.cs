using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Http;

/// <summary>The antiforgery check of a browser's post, for endpoints that answer a failed check themselves.</summary>
public static class AntiforgeryCheck
{
    /// <summary>
    /// <see cref="IAntiforgery.IsRequestValidAsync"/>, except that a body it cannot read as a form (a cut-off multipart
    /// body, more fields or longer keys and values than the form limits allow) is an invalid request, answered with
    /// the caller's 400, where <see cref="IAntiforgery"/> throws and the request would end in a 500.
    /// </summary>
    public static async Task<bool> IsValidPostAsync(this IAntiforgery antiforgery, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
