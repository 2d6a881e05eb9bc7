using System.Net;
using GuidelineBot.IntegrationTests.Slack.Onboarding;
using GuidelineBot.IntegrationTests.Web;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// The dashboard as the first page a new server serves, on PostgreSQL: its form's antiforgery token reads the key ring
/// while the page renders, and that read waited for PostgreSQL on the renderer's own thread, so the process hung (this
/// page and every later one; the health checks still answered). SQLite's calls finish at once, so only PostgreSQL showed it.
/// </summary>
public sealed class AdminOnPostgresTests
{
    [SkippableFact]
    public async Task The_dashboard_as_a_new_server_s_first_page_answers_and_so_does_the_chat_after_it()
    {
        await using var store = new PostgresServerStore();
        var settings = await store.SettingsAsync();
        settings["Search:Reranker"] = "None";
        await using var bot = new WebBotFactory(settings: settings);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Start()), Timeout = TimeSpan.FromSeconds(60) };

        using var dashboard = await client.GetAsync("/admin");
        using var chat = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("<form", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
    }
}
