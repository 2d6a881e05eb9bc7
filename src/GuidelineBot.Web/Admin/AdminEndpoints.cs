using System.Globalization;
using GuidelineBot.Http;
using GuidelineBot.Web.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.Web.Admin;

/// <summary>
/// The admin dashboard: <c>GET /admin?days=N</c> (server-rendered Razor components, charts as SVG) and
/// <c>GET /admin/export/{table}.csv?days=N</c> for every table on it, and <c>POST /admin/suggestions/{id}</c> for the
/// review of expert answers (<see cref="SuggestionReview"/>), all behind <see cref="WebAccess.AdminPolicy"/>.
/// </summary>
public static class AdminEndpoints
{
    public const string Path = "/admin";

    /// <summary>The <c>done</c> of a knowledge reload from the dashboard.</summary>
    public const string Reloaded = "reload";

    /// <summary>
    /// The cookie that carries what a form post did to the page it redirects to, once (the page deletes it): in the
    /// address (<c>?done=approve</c>), a refresh repeated the confirmation and any link could show one.
    /// </summary>
    public const string DoneCookie = "guidelinebot-admin-done";

    /// <summary>What the page confirms for each <see cref="DoneCookie"/>; any other value is ignored.</summary>
    private static readonly Dictionary<string, string> Confirmations = new(StringComparer.Ordinal)
    {
        [Reloaded] = "The knowledge was reloaded.",
        [SuggestionReview.Approve] = "The answer was approved: it is in the knowledge now.",
        [SuggestionReview.Reject] = "The answer was rejected.",
        [SuggestionReview.Withdraw] = "The answer was withdrawn from the knowledge.",
    };

    /// <summary>
    /// The antiforgery check of a post of the dashboard's forms: null when it passes, else the 400 that says what to do
    /// (a missing or stale token, or a body that cannot be read as a form).
    /// </summary>
    public static async Task<IResult?> RefuseForgedFormAsync(IAntiforgery antiforgery, HttpContext http) =>
        await antiforgery.CheckPostAsync(http) switch
        {
            PostCheck.Valid => null,
            PostCheck.Unreadable => Refused(http, null, StatusCodes.Status400BadRequest, "The form could not be read",
                "The form could not be read: it is too large or holds a character a form cannot carry (such as U+0000). Go back, remove it and try again."),
            _ => Refused(http, null, StatusCodes.Status400BadRequest, "The page has expired",
                "The form is missing a valid antiforgery token: reload the dashboard and try again."),
        };

    /// <summary>
    /// A dashboard form refused: a page in the chat's style that says why, linked back to the dashboard at the range the
    /// form was posted from (a script gets <paramref name="message"/> as plain text). The browser's Back button returns
    /// to the form as it was filled in.
    /// </summary>
    public static IResult Refused(HttpContext http, IFormCollection? form, int status, string title, string message, string? anchor = null) =>
        new ProblemPageResult(status, title, message, "Back to the dashboard",
            $"{http.Request.PathBase}{Path}?days={(form is not null && TryRange(form["days"], out var days) ? days : AdminDashboard.DefaultDays)}"
            + (anchor is null ? "" : "#" + anchor));

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<AdminDashboard>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup(Path).RequireAuthorization(WebAccess.AdminPolicy);
        admin.MapMethods("", [HttpMethods.Get, HttpMethods.Head], ShowAsync); // HEAD: uptime monitors
        admin.MapGet("/export/{table}.csv", ExportAsync);
        admin.MapPost(SuggestionReview.Route, SuggestionReview.DecideAsync);
        return endpoints;
    }

    /// <summary>
    /// Where a dashboard form sends the admin back: the dashboard at the range it was posted from (its hidden
    /// <c>days</c> field), at <paramref name="anchor"/> if given; <paramref name="done"/> (<see cref="SuggestionReview.Approve"/>,
    /// …, <see cref="Reloaded"/>) goes in <see cref="DoneCookie"/> for that page to confirm.
    /// </summary>
    public static string Back(HttpContext http, IFormCollection form, string done, string? anchor = null)
    {
        http.Response.Cookies.Append(DoneCookie, done, DoneCookieOptions(http));
        return $"{http.Request.PathBase}{Path}?days={(TryRange(form["days"], out var days) ? days : AdminDashboard.DefaultDays)}"
            + (anchor is null ? "" : "#" + anchor);
    }

    /// <summary>Read by the dashboard's own pages only, for a minute (the redirect follows at once).</summary>
    private static CookieOptions DoneCookieOptions(HttpContext http) => new()
    {
        Path = $"{http.Request.PathBase}{Path}",
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        MaxAge = TimeSpan.FromMinutes(1),
        IsEssential = true,
    };

    // The result names the page's type only in the body: the request delegate generator cannot see Razor's own
    // generated types in a signature. A range that is not a whole number from 1 to MaxDays (a typed or stale link)
    // shows the default range and says so.
    private static async Task<RazorComponentResult> ShowAsync(
        AdminDashboard dashboard, HttpContext http, string? days, CancellationToken cancellationToken)
    {
        var done = http.Request.Cookies[DoneCookie];
        if (done is not null)
        {
            http.Response.Cookies.Delete(DoneCookie, DoneCookieOptions(http));
        }

        var valid = TryRange(days, out var range);
        // The page runs no script at all; its one stylesheet is inline, its icon a data URI, its forms post here.
        PageHeaders.Set(http.Response,
            "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; " +
            "frame-ancestors 'none'; base-uri 'none'");
        // Not cached: antiforgery (the forms' tokens) marks the response no-store.
        var model = await dashboard.LoadAsync(valid ? range : AdminDashboard.DefaultDays, cancellationToken);
        return new RazorComponentResult(typeof(DashboardPage), new
        {
            Model = model,
            BasePath = http.Request.PathBase + Path,
            Notice = valid ? null : $"The range must be a whole number of days from 1 to {AdminDashboard.MaxDays}: showing the last {AdminDashboard.DefaultDays} days.",
            Confirmation = done is null ? null : Confirmations.GetValueOrDefault(done),
        });
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        AdminDashboard dashboard, HttpContext http, string table, string? days, CancellationToken cancellationToken)
    {
        if (!TryRange(days, out var range))
        {
            return TypedResults.Problem($"days must be a whole number from 1 to {AdminDashboard.MaxDays}.", statusCode: StatusCodes.Status400BadRequest);
        }

        // An unknown name is refused before the dashboard is read (the question log can be large).
        if (!DashboardTables.Names.Contains(table, StringComparer.Ordinal))
        {
            return TypedResults.Problem($"No table '{table}' on the dashboard: {string.Join(", ", DashboardTables.Names)}.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var model = await dashboard.LoadAsync(range, cancellationToken);
        var found = model.Tables[table];

        http.Response.Headers.CacheControl = "no-store";
        var day = model.Questions.To.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(DashboardTables.ToCsv(found), "text/csv; charset=utf-8", $"guidelinebot-{found.Name}-{range}d-{day}.csv");
    }

    /// <summary>The range in days: <paramref name="days"/>, else the default; false unless a whole number from 1 to MaxDays.</summary>
    private static bool TryRange(string? days, out int range)
    {
        range = AdminDashboard.DefaultDays;
        return string.IsNullOrEmpty(days)
            || (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out range) && range is >= 1 and <= AdminDashboard.MaxDays);
    }
}
