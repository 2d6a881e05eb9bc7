using System.Net;
using AngleSharp.Html.Parser;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// Two admins deciding the same pending suggestion at the same instant: both requests read it pending before either
/// writes. One decision is made, the other admin gets the 409 that names it, and what each is told is what is stored.
/// </summary>
public sealed class SuggestionReviewRaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Of_an_approve_and_a_reject_at_the_same_instant_one_is_made_and_the_other_is_told_so()
    {
        RendezvousStore? store = null;
        await using var server = new AdminServer(new FakeTimeProvider(Now), new FakeKnowledgeStatus(new KnowledgeStatus("v1", Now, [], [])), services =>
        {
            services.RemoveAll<ISuggestionStore>();
            services.AddSingleton<ISuggestionStore>(sp => store = new RendezvousStore(ActivatorUtilities.CreateInstance<GuidelineBot.Storage.SqlSuggestionStore>(sp)));
        });
        using var browser = new ChatClient(server.Http.BaseAddress!.ToString().TrimEnd('/'));
        var suggestions = server.Services.GetRequiredService<ISuggestionStore>();
        await suggestions.AddAsync(new KnowledgeSuggestion("s1", "t1", "a1", "Can I bring my dog?", "Only guide dogs.", new ExpertRef("slack", "U1", "Dana"), Now),
            CancellationToken.None);
        var page = await new HtmlParser().ParseDocumentAsync(await (await browser.GetAsync("/admin")).Content.ReadAsStringAsync());
        var form = page.QuerySelectorAll("form").Single(f => f.GetAttribute("action") == "/admin/suggestions/s1");

        HttpRequestMessage Post(string decision)
        {
            var values = form.QuerySelectorAll("input[name], textarea[name]").ToDictionary(e => e.GetAttribute("name")!,
                e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "");
            values["decision"] = decision;
            return new HttpRequestMessage(HttpMethod.Post, "/admin/suggestions/s1") { Content = new FormUrlEncodedContent(values) };
        }

        store!.HoldTheNextTwoReads();
        var results = await Task.WhenAll(browser.SendAsync(Post("approve")), browser.SendAsync(Post("reject")));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        var made = string.Join(" ", results.Single(r => r.StatusCode == HttpStatusCode.Redirect).Headers.GetValues("Set-Cookie"));
        var stored = (await suggestions.GetAsync("s1", CancellationToken.None))!;
        Assert.Contains(stored.Status == SuggestionStatus.Approved ? "done=approve;" : "done=reject;", made, StringComparison.Ordinal);
        var refused = await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        Assert.StartsWith($"This answer was already {stored.Status.ToString().ToLowerInvariant()} by local admin", refused, StringComparison.Ordinal);
    }

    /// <summary>Holds two reads of a suggestion until both have read it: the race made certain.</summary>
    private sealed class RendezvousStore(ISuggestionStore inner) : ISuggestionStore
    {
        private readonly Barrier _both = new(2);
        private int _held;

        public void HoldTheNextTwoReads() => Volatile.Write(ref _held, 2);

        public Task AddAsync(KnowledgeSuggestion suggestion, CancellationToken cancellationToken) => inner.AddAsync(suggestion, cancellationToken);

        public async Task<KnowledgeSuggestion?> GetAsync(string id, CancellationToken cancellationToken)
        {
            var found = await inner.GetAsync(id, cancellationToken);
            if (Interlocked.Decrement(ref _held) >= 0)
            {
                await Task.Run(() => _both.SignalAndWait(TimeSpan.FromSeconds(10), cancellationToken), cancellationToken);
            }

            return found;
        }

        public Task<IReadOnlyList<KnowledgeSuggestion>> ListAsync(SuggestionStatus? status, CancellationToken cancellationToken) =>
            inner.ListAsync(status, cancellationToken);

        public Task<bool> DecideAsync(string id, SuggestionStatus from, string question, string answer, SuggestionStatus status, string decidedBy,
            DateTimeOffset at, CancellationToken cancellationToken) => inner.DecideAsync(id, from, question, answer, status, decidedBy, at, cancellationToken);

        public Task<string> ApprovedVersionAsync(CancellationToken cancellationToken) => inner.ApprovedVersionAsync(cancellationToken);
    }
}
