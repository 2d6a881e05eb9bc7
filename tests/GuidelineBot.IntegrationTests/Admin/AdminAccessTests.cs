using System.Net;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// Outside Development on loopback, the dashboard and its exports are not served to a request without sign-in: with no
/// OpenID Connect settings the browser pages are off (404); with them, the request is sent to sign in.
/// </summary>
public sealed class AdminAccessTests
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/export/latest.csv")]
    [InlineData("/admin/export/questions.csv?days=7")]
    public async Task Not_served_without_sign_in_outside_development_on_loopback(string path)
    {
        await using var factory = new GuidelineBotFactory();
        await using var server = factory.WithWebHostBuilder(b => b.UseSetting("Search:Reranker", "None"));
        await server.Services.GetRequiredService<IQuestionLog>().RecordAsync(
            new QuestionRecord("q1", DateTimeOffset.UtcNow, "web", "#u", "a private question", QuestionOutcome.Declined, null, null, 0.1, 3),
            CancellationToken.None);
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found });
        Assert.DoesNotContain("a private question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_without_sign_in_outside_development_on_loopback_is_refused_and_reloads_nothing()
    {
        await using var factory = new GuidelineBotFactory();
        await using var server = factory.WithWebHostBuilder(b => b.UseSetting("Search:Reranker", "None"));
        var status = server.Services.GetRequiredService<IKnowledgeStatus>();
        var before = status.Current;
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/admin/reload", content: null);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Same(before, status.Current);
    }

    [Fact]
    public async Task A_review_decision_without_sign_in_outside_development_on_loopback_is_refused_and_changes_nothing()
    {
        await using var factory = new GuidelineBotFactory();
        await using var server = factory.WithWebHostBuilder(b => b.UseSetting("Search:Reranker", "None"));
        var suggestions = server.Services.GetRequiredService<ISuggestionStore>();
        await suggestions.AddAsync(new KnowledgeSuggestion("s1", "t1", "a1", "Can I bring my dog?", "Only guide dogs.", new ExpertRef("slack", "U1", "Dana"),
            DateTimeOffset.UtcNow), CancellationToken.None);
        using var client = server.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/admin/suggestions/s1", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "approve",
            ["question"] = "Can I bring my dog?",
            ["answer"] = "Yes.",
        }));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(SuggestionStatus.Pending, (await suggestions.GetAsync("s1", CancellationToken.None))!.Status);
    }
}
