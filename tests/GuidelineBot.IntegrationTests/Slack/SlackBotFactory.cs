using GuidelineBot.Core.Storage;
using GuidelineBot.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The real server with Slack switched on and pointed at a <see cref="FakeSlackApi"/> on loopback.
/// <paramref name="time"/> replaces the clock (signature windows); retries are shortened so failures surface quickly.
/// </summary>
public sealed class SlackBotFactory(FakeSlackApi api, TimeProvider? time = null, TestStores? stores = null) : GuidelineBotFactory
{
    public const string SigningSecret = "integration-test-signing-secret";
    public const string BotToken = "xoxb-integration-test";
    public const int MaxRetryAttempts = 3;

    public FakeSlackApi Api => api;

    public TestStores Stores { get; } = stores ?? new TestStores();

    public TestLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Slack:BotToken", BotToken);
        builder.UseSetting("Slack:ApiBaseUrl", api.ApiBaseUrl);
        builder.UseSetting("Logging:LogLevel:GuidelineBot.Slack", "Debug");
        builder.ConfigureTestServices(services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }

            services.AddSingleton<IOnceStore>(Stores.Once);
            services.AddSingleton<IFeedbackStore>(Stores.Feedback);
            services.Configure<SlackApiResilienceOptions>(o =>
            {
                o.BaseDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryAttempts = MaxRetryAttempts;
                o.TotalTimeout = TimeSpan.FromSeconds(30);
            });
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    public bool Logged(LogLevel level, params string[] fragments) =>
        Logs.Entries.Any(e => e.Level == level && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));
}
