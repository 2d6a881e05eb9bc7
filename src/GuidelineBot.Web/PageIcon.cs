namespace GuidelineBot.Web;

/// <summary>
/// The icon of the chat and the dashboard (<c>&lt;link rel="icon"&gt;</c>): a speech bubble as an SVG data URI, so the
/// browser asks for no /favicon.ico (a 404 in the console on every page load).
/// </summary>
internal static class PageIcon
{
    public const string DataUri = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E"
        + "%3Crect width='32' height='32' rx='7' fill='%230b5cad'/%3E%3Cpath d='M8 9h16v11H15l-5 4v-4H8z' fill='%23fff'/%3E%3C/svg%3E";
}
