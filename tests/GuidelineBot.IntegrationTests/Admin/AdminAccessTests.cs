using System.Net;
using GuidelineBot.Core.Questions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// Outside Development on loopback, the dashboard and its exports are not served to a request without sign-in. Skipped
/// while the server has no authentication scheme (the OpenID Connect sign-in of <c>WebAccess</c> adds it).
/// </summary>
public sealed class AdminAccessTests
{
    [SkippableTheory]
    [InlineData("/admin")]
    [InlineData("/admin/export/latest.csv")]
    [InlineData("/admin/export/questions.csv?days=7")]
    public async Task Not_served_without_sign_in_outside_development_on_loopback(string path)
    {
        await using var factory = new GuidelineBotFactory();
        await using var server = factory.WithWebHostBuilder(b => b.UseSetting("Search:Reranker", "None"));
        Skip.If(server.Services.GetService<IAuthenticationSchemeProvider>() is not { } schemes || await schemes.GetDefaultChallengeSchemeAsync() is null,
            "No authentication scheme is configured yet: the web sign-in (OpenID Connect) adds one.");
        await server.Services.GetRequiredService<IQuestionLog>().RecordAsync(
            new QuestionRecord("q1", DateTimeOffset.UtcNow, "web", "#u", "a private question", QuestionOutcome.Declined, null, null, 0.1, 3),
            CancellationToken.None);
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found });
        Assert.DoesNotContain("a private question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
