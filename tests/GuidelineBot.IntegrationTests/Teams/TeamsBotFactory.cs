using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>The bot server in-process, pointed at a <see cref="FakeBotFramework"/>; App ID set unless <paramref name="localMode"/>.</summary>
public class TeamsBotFactory(FakeBotFramework fake, bool localMode = false) : GuidelineBotFactory
{
    public FakeFeedbackStore Feedback { get; } = new();

    public FakeOnceStore Once { get; } = new();

    public ShiftedClock Clock { get; } = new();

    public FakeBotFramework Fake => fake;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:OpenIdMetadataUrl", fake.OpenIdMetadataUrl);
        if (!localMode)
        {
            builder.UseSetting("Bot:MicrosoftAppId", FakeBotFramework.AppId);
            builder.UseSetting("Bot:MicrosoftAppPassword", "test-secret");
            builder.UseSetting("Bot:MicrosoftAppTenantId", FakeBotFramework.TenantId);
            builder.UseSetting("Bot:TokenEndpoint", fake.TokenEndpoint);
        }

        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.Replace(ServiceDescriptor.Singleton<IFeedbackStore>(Feedback));
            services.Replace(ServiceDescriptor.Singleton<IOnceStore>(Once));
        });
    }

    /// <summary>POSTs an activity to /api/messages, with a Bearer token when given.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? token)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
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

public sealed class FakeFeedbackStore : IFeedbackStore
{
    private readonly ConcurrentQueue<FeedbackRecord> _records = new();

    /// <summary>A question that makes <see cref="AddAsync"/> throw (to test the apology).</summary>
    public string? FailFor { get; set; }

    public Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        if (feedback.Question == FailFor)
        {
            throw new InvalidOperationException("store is down");
        }

        _records.Enqueue(feedback);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FeedbackRecord>>(_records.ToArray());
}

public sealed class FakeOnceStore : IOnceStore
{
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> _claims = new();

    public Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset now, TimeSpan? expiresAfter, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.TryAdd((scope, key), now));
}
