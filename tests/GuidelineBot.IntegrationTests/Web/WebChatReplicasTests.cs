using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// Replicas behind a load balancer without session affinity, and restarts: the page's form token (and a sign-in cookie)
/// one server issued is read by every other server on the same store, since the key ring that protects them is kept
/// there. Before, each process made its own keys (in its home folder, or in memory where that cannot be written: a
/// container's read-only file system), and a post that reached another replica was refused ("The page has expired"). On
/// one machine with a writable home folder every process shares that folder's keys, so the second test is the one that
/// shows where the keys are now: with the store.
/// </summary>
public sealed class WebChatReplicasTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "replicas-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_page_loaded_from_one_replica_posts_to_another_and_to_a_server_started_later_on_the_same_store()
    {
        using var client = await LoadedPageAsync();
        await using (var second = Server())
        {
            using var other = ContinuedOn(second, client);

            using var reply = await other.PostMessageAsync("can I friend parents?");

            var json = await ChatClient.ReadOkAsync(reply);
            Assert.Contains("friend", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        await using var restarted = Server();
        using var later = ContinuedOn(restarted, client);
        using var again = await later.PostMessageAsync("can I post photos of my class?");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_form_token_is_still_refused_by_a_server_on_another_store()
    {
        using var client = await LoadedPageAsync();
        await using var elsewhere = ServerOnItsOwnStore();
        using var other = ContinuedOn(elsewhere, client);

        using var reply = await other.PostMessageAsync("can I friend parents?");

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
    }

    [Fact]
    public async Task A_server_that_cannot_read_its_key_ring_answers_the_page_and_a_post_503_not_page_expired()
    {
        using var client = await LoadedPageAsync();
        await using var broken = ServerOnItsOwnStore(s => s.AddSingleton<GuidelineBot.Core.Storage.IKeyRingStore, UnreadableKeyRing>());
        using var other = ContinuedOn(broken, client);

        using var post = await other.PostMessageAsync("can I friend parents?");
        using var page = await other.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.DoesNotContain("expired", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere: the temp folder is cleaned eventually.
        }
    }

    private async Task<ChatClient> LoadedPageAsync()
    {
        await using var first = Server();
        var client = new ChatClient(first.Start());
        await client.LoadPageAsync();
        return client;
    }

    /// <summary>The same browser (its cookies and form token), its next requests sent to <paramref name="server"/>.</summary>
    private static ChatClient ContinuedOn(WebBotFactory server, ChatClient browser)
    {
        var client = new ChatClient(server.Start());
        client.ContinueFrom(browser);
        return client;
    }

    private static WebBotFactory ServerOnItsOwnStore(Action<IServiceCollection>? services = null) =>
        new(settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None" }, services: services);

    private WebBotFactory Server()
    {
        Directory.CreateDirectory(_folder);
        return new WebBotFactory(settings: new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "guidelinebot.db")}",
            ["Search:Reranker"] = "None",
        });
    }

    /// <summary>A store whose key ring cannot be read (the database down when a page first needs the keys).</summary>
    private sealed class UnreadableKeyRing : GuidelineBot.Core.Storage.IKeyRingStore
    {
        public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => throw new TimeoutException("the store did not answer");

        public Task AddAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken) => throw new TimeoutException("the store did not answer");
    }
}
