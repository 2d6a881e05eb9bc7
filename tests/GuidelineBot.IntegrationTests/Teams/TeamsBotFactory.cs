using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Storage;
using GuidelineBot.IntegrationTests.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// The bot server in-process (with its real SQLite store in a temp folder), pointed at a <see cref="FakeBotFramework"/>;
/// App ID set unless <paramref name="localMode"/> (then the environment is Development and the fake's origin is in
/// <c>Bot:LocalServiceUrls</c>). <paramref name="services"/> adjusts the services last, <paramref name="settings"/> adds
/// configuration last; log lines are collected.
/// </summary>
public class TeamsBotFactory(FakeBotFramework fake, bool localMode = false, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string?>? settings = null) : GuidelineBotFactory
{
    public TestLogs Logs { get; } = new();

    public bool Logged(LogLevel level, params string[] fragments) =>
        Logs.Entries.Any(e => e.Level == level && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));

    /// <summary>The real feedback store, wrapped so a test can make it fail.</summary>
    public FailingFeedbackStore Feedback => (FailingFeedbackStore)Services.GetRequiredService<IFeedbackStore>();

    public IOnceStore Once => Services.GetRequiredService<IOnceStore>();

    public ShiftedClock Clock { get; } = new();

    public FakeBotFramework Fake => fake;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:OpenIdMetadataUrl", fake.OpenIdMetadataUrl);
        if (localMode)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Bot:LocalServiceUrls:0", fake.BaseUrl);
        }
        else
        {
            builder.UseSetting("Bot:MicrosoftAppId", FakeBotFramework.AppId);
            builder.UseSetting("Bot:MicrosoftAppPassword", "test-secret");
            builder.UseSetting("Bot:MicrosoftAppTenantId", FakeBotFramework.TenantId);
            builder.UseSetting("Bot:TokenEndpoint", fake.TokenEndpoint);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter("GuidelineBot", LogLevel.Debug));
        builder.ConfigureTestServices(collection =>
        {
            collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            FailingFeedbackStore.Wrap(collection);
            services?.Invoke(collection);
        });
    }

    /// <summary>POSTs an activity to /api/messages, with a Bearer token when given (and another Host header or content type when given).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? token, string? host = null, string contentType = "application/json")
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, contentType),
        };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}

/// <summary>The system clock plus an offset the test moves (timers stay real, so HTTP retries and timeouts still work).</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>The real <see cref="IFeedbackStore"/>, except for one question that makes it throw (to test the apology).</summary>
public sealed class FailingFeedbackStore(IFeedbackStore inner) : IFeedbackStore
{
    public string? FailFor { get; set; }

    public static void Wrap(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IFeedbackStore));
        var type = real.ImplementationType ?? throw new InvalidOperationException("IFeedbackStore is expected to be registered by type");
        services.Replace(ServiceDescriptor.Singleton<IFeedbackStore>(sp => new FailingFeedbackStore((IFeedbackStore)ActivatorUtilities.CreateInstance(sp, type))));
    }

    public Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken) =>
        feedback.Question == FailFor ? throw new InvalidOperationException("store is down") : inner.AddAsync(feedback, cancellationToken);

    public Task<bool> VoteAsync(FeedbackRecord feedback, string voteKey, CancellationToken cancellationToken) =>
        feedback.Question == FailFor ? throw new InvalidOperationException("store is down") : inner.VoteAsync(feedback, voteKey, cancellationToken);

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.ListAsync(since, cancellationToken);
}
