using System.Net;
using System.Text.Json;
using GuidelineBot.IntegrationTests.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Knowledge;

/// <summary>
/// The real server on Kestrel (127.0.0.1, Development, so the admin policy lets loopback in) over a knowledge folder the
/// test changes while it runs. Questions go in as signed Slack slash commands; <c>services</c> replaces
/// services last (e.g. a counting encoder); <c>settings</c> adds configuration (e.g. a shared store); log
/// lines are collected.
/// </summary>
public sealed class LiveKnowledgeServer : GuidelineBotFactory
{
    private const string ResponseUrl = "http://127.0.0.1:9/respond";
    private readonly string _folder;
    private readonly string _reranker;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private HttpClient? _client;

    public LiveKnowledgeServer(string folder, string reranker = "None", Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        _folder = folder;
        _reranker = reranker;
        _services = services;
        _settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public TestLogs Logs { get; } = new();

    /// <summary>A client for the running server on 127.0.0.1 (starts it).</summary>
    public HttpClient Http => _client ??= StartHttp();

    /// <summary>A copy of the repository's knowledge folder (documents, synonyms, onboarding questions) in a temp folder.</summary>
    public static TempKnowledge CopyOfRepositoryKnowledge()
    {
        var folder = new TempKnowledge();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Knowledge).Where(f => !f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>Asks through a signed slash command; returns the reply JSON as text (answers carry their passages verbatim).</summary>
    public async Task<string> AskAsync(string question)
    {
        using var request = Signed("/slack/commands", Command(question, ResponseUrl), FormType, DateTimeOffset.UtcNow);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.ToString();
    }

    /// <summary>The knowledge hash <c>/healthz</c> reports.</summary>
    public async Task<string?> HealthHashAsync()
    {
        using var response = await Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("knowledgeHash").GetString();
    }

    public bool Logged(LogLevel level, params string[] fragments) =>
        Logs.Entries.Any(e => e.Level == level && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Knowledge:Path", _folder);
        builder.UseSetting("Search:Reranker", _reranker);
        builder.UseSetting("Slack:SigningSecret", SlackBotFactory.SigningSecret);
        builder.UseSetting("Slack:ResponseUrlHosts:0", "127.0.0.1:9");
        builder.UseSetting("Bot:MicrosoftAppId", "");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter("GuidelineBot", LogLevel.Debug));
        foreach (var (key, value) in _settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _client?.Dispose();
        base.Dispose(disposing);
    }

    private HttpClient StartHttp()
    {
        var address = StartKestrel();
        // Redirects are the test's to see (the reload form answers one).
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{new Uri(address).Port}/") };
    }
}

/// <summary>A temp folder named <c>knowledge</c> (as citations show it), deleted on dispose.</summary>
public sealed class TempKnowledge : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("guidelinebot-live-").FullName;

    public TempKnowledge()
    {
        Path = Directory.CreateDirectory(System.IO.Path.Combine(_parent, "knowledge")).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
