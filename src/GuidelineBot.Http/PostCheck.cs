namespace GuidelineBot.Http;

/// <summary>What the antiforgery check of a browser's post found (<see cref="AntiforgeryCheck.CheckPostAsync"/>).</summary>
public enum PostCheck
{
    /// <summary>The post carries this user's antiforgery token.</summary>
    Valid,

    /// <summary>The token is missing, stale or someone else's: the page must be reloaded.</summary>
    Forged,

    /// <summary>
    /// The body cannot be read as a form (a value holding U+0000, which ASP.NET Core's form reader refuses; a cut-off
    /// multipart body; more fields or longer keys and values than the form limits allow): reloading would not help.
    /// </summary>
    Unreadable,
}
