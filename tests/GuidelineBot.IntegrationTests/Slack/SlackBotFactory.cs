using GuidelineBot.Core.Storage;
using GuidelineBot.Http;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The real server (with its SQLite store) with Slack switched on and pointed at a <see cref="FakeSlackApi"/> on
/// loopback. <paramref name="time"/> replaces the clock (signature windows); <paramref name="databasePath"/> lets two
/// instances share one store file (restart tests); <paramref name="settings"/> override configuration last (e.g. a
/// PostgreSQL store, <c>Onboarding:AutoStart</c>); <paramref name="services"/> replaces services last (e.g. a store that
/// fails on purpose); retries are shortened so failures surface quickly. The fake's response_urls are allowed
/// (<c>Slack:ResponseUrlHosts</c>).
/// </summary>
public sealed class SlackBotFactory(FakeSlackApi api, TimeProvider? time = null, string? databasePath = null,
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : GuidelineBotFactory
{
    public const string SigningSecret = "integration-test-signing-secret";
    public const string BotToken = "xoxb-integration-test";
    public const int MaxRetryAttempts = 3;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    public FakeSlackApi Api => api;

    public TestLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (databasePath is not null)
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={databasePath}");
        }

        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Slack:BotToken", BotToken);
        builder.UseSetting("Slack:ApiBaseUrl", api.ApiBaseUrl);
        builder.UseSetting("Slack:ResponseUrlHosts:0", api.HostAndPort);
        builder.UseSetting("Logging:LogLevel:GuidelineBot.Slack", "Debug");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(testServices =>
        {
            if (time is not null)
            {
                testServices.AddSingleton(time);
            }

            services?.Invoke(testServices);
            testServices.Configure<OutboundHttpOptions>(nameof(SlackApiClient), o =>
            {
                o.BaseDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryAttempts = MaxRetryAttempts;
                o.TotalTimeout = TimeSpan.FromSeconds(30);
                o.AttemptTimeout = AttemptTimeout;
            });
            testServices.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    public bool Logged(LogLevel level, params string[] fragments) =>
        Logs.Entries.Any(e => e.Level == level && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));

    public Task<IReadOnlyList<FeedbackRecord>> FeedbackAsync() => Services.GetRequiredService<IFeedbackStore>().ListAsync(DateTimeOffset.MinValue, default);

    /// <summary>Whether the server claimed this event id in the store (checking claims it if nobody had).</summary>
    public async Task<bool> EventWasClaimedAsync(string eventId) =>
        !await Services.GetRequiredService<IOnceStore>().TryClaimAsync(
            SlackEventDispatcher.DedupeScope, eventId, Services.GetRequiredService<TimeProvider>().GetUtcNow(), TimeSpan.FromMinutes(1), default);
}
