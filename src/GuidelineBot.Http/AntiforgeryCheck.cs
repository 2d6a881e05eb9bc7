using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Http;

/// <summary>The antiforgery check of a browser's post, for endpoints that answer a failed check themselves.</summary>
public static class AntiforgeryCheck
{
    /// <summary>
    /// <see cref="IAntiforgery.IsRequestValidAsync"/>, except that a body it cannot read as a form is
    /// <see cref="PostCheck.Unreadable"/>, answered with the caller's 400, where <see cref="IAntiforgery"/> throws and
    /// the request would end in a 500.
    /// </summary>
    public static async Task<PostCheck> CheckPostAsync(this IAntiforgery antiforgery, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            return await antiforgery.IsRequestValidAsync(http) ? PostCheck.Valid : PostCheck.Forged;
        }
        catch (AntiforgeryValidationException ex)
        {
            return ex.InnerException is InvalidDataException or IOException ? PostCheck.Unreadable : PostCheck.Forged;
        }
    }
}
