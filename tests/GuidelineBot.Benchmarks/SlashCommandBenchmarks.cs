using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using GuidelineBot.Slack.Signing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GuidelineBot.Benchmarks;

/// <summary>
/// A signed <c>POST /slack/commands</c> through the real server (Program.cs, its middleware, the signature filter and
/// the endpoint) in process over TestServer, configured as <c>../shared/perf/</c> runs it: appsettings.json, Development,
/// warnings only, a Slack signing secret and bot token. Questions cycle through the 104-question mix.
/// </summary>
[MemoryDiagnoser]
public class SlashCommandBenchmarks
{
    private const string Secret = "benchmark-signing-secret";
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private (string Body, string Timestamp, string Signature)[] _requests = [];
    private string _storage = "";
    private int _next;

    [Params("None", "MiniLM")]
    public string Reranker { get; set; } = "";

    [Params(0, 16384)]
    public int CacheSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _storage = Directory.CreateTempSubdirectory("guidelinebot-bench-").FullName;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(BenchmarkQuestions.Root);
            b.UseEnvironment("Development");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Knowledge:Path", Path.Combine(BenchmarkQuestions.Root, "knowledge"));
            b.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_storage, "bench.db")}");
            b.UseSetting("Slack:SigningSecret", Secret);
            b.UseSetting("Slack:BotToken", "xoxb-benchmark");
            b.UseSetting("Slack:ApiBaseUrl", "http://127.0.0.1:9/api/");
            b.UseSetting("Search:Reranker", Reranker);
            b.UseSetting("Answers:CacheSize", CacheSize.ToString(CultureInfo.InvariantCulture));
        });
        _client = _factory.CreateClient();

        // Signed once here (the 5-minute window covers a short run), so the benchmark measures the server, not the signing.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _requests = BenchmarkQuestions.Load().Select(q =>
        {
            var body = "token=x&team_id=T0001&team_domain=example&channel_id=C2147483705&channel_name=test&user_id=U2147483697" +
                       "&user_name=Steve&command=%2Fguidelines&text=" + Uri.EscapeDataString(q) +
                       "&api_app_id=A123456&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920";
            return (body, timestamp, SlackSignature.Compute(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        }).ToArray();
        for (var i = 0; i < _requests.Length; i++)
        {
            Post().GetAwaiter().GetResult();
        }
    }

    /// <summary>One signed slash command of the mix (the next one each call); the answer's bytes are read.</summary>
    [Benchmark]
    public async Task<int> Post()
    {
        var (body, timestamp, signature) = _requests[_next++ % _requests.Length];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, signature);
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        try
        {
            Directory.Delete(_storage, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
