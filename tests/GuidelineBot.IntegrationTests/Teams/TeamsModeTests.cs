using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GuidelineBot.IntegrationTests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// Local (unauthenticated) mode only with no App ID, Development and loopback-only addresses; otherwise without an App ID
/// Teams is off. The bot never talks to itself, and the developer exception page stays on this machine.
/// </summary>
public sealed class TeamsModeTests
{
    [Fact]
    public async Task Production_without_an_app_id_starts_with_teams_off_and_slack_working()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = new SlackBotFactory(slack, settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Bot:MicrosoftAppId"] = "",
        });
        using var client = bot.CreateClient();

        using var teams = await client.PostAsync("/api/messages", Json(Activities.Message("http://localhost:56150/_connector", "a:prod", "hi")));
        Assert.Equal(HttpStatusCode.NotFound, teams.StatusCode);
        Assert.Single(bot.Logs.Entries, e => e.Message.StartsWith("Teams is off: Bot:MicrosoftAppId is not set and the environment is Production", StringComparison.Ordinal));

        using var command = await client.SendAsync(Signed("/slack/commands", Command("can I post photos of my class?", slack.ResponseUrl("prod")), FormType, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        Assert.Contains("should not post pictures of students", await command.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_without_an_app_id_listening_beyond_loopback_has_teams_off()
    {
        await using var fake = await FakeBotFramework.StartAsync();
        await using var bot = new KestrelBotFactory(anyAddress: true, allowedOrigin: fake.BaseUrl);
        var endpoint = bot.StartAndGetLoopbackMessagesEndpoint();
        using var client = new HttpClient();

        using var response = await client.PostAsync(endpoint, Json(Activities.Message(fake.ServiceUrl, "a:exposed", "can I friend parents?")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // The line is logged once the server has started (ApplicationStarted), which may complete after the first request
        // on a loaded machine (seen once in CI): wait for it a little.
        for (var waited = 0; waited < 5000 && !bot.Logged("Teams is off: Bot:MicrosoftAppId is not set and the server listens on"); waited += 50)
        {
            await Task.Delay(50);
        }

        Assert.True(bot.Logged("Teams is off: Bot:MicrosoftAppId is not set and the server listens on"));
        await Task.Delay(500);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task An_activity_whose_service_url_is_the_bot_itself_reaches_the_bot_once()
    {
        // Local mode on Kestrel, with the bot's own origin even allowed as a service URL: the reply must not come back in.
        var port = Playground.FreePort();
        await using var bot = new KestrelBotFactory(anyAddress: false, allowedOrigin: $"http://127.0.0.1:{port}", port: port);
        var endpoint = bot.StartAndGetLoopbackMessagesEndpoint();
        using var client = new HttpClient();
        var activity = Activities.Message(endpoint + "?", "a:self", "can I friend parents?");

        using var response = await client.PostAsync(endpoint, Json(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a loop makes hundreds of requests in this time
        Assert.Equal(1, bot.MessagesRequests);
    }

    [Fact]
    public async Task The_developer_exception_page_is_shown_only_to_loopback_clients()
    {
        await using var bot = new ThrowingDevelopmentFactory();

        var remote = await bot.Server.SendAsync(c =>
        {
            c.Request.Path = ThrowingDevelopmentFactory.Path;
            c.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10"); // a documentation address, as a label only: no traffic leaves the process
        });
        var local = await bot.Server.SendAsync(c =>
        {
            c.Request.Path = ThrowingDevelopmentFactory.Path;
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });

        Assert.Equal(500, remote.Response.StatusCode);
        Assert.DoesNotContain(ThrowingDevelopmentFactory.Secret, await new StreamReader(remote.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Equal(500, local.Response.StatusCode);
        Assert.Contains(ThrowingDevelopmentFactory.Secret, await new StreamReader(local.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    private static StringContent Json(JsonObject activity) => new(activity.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The bot in Development without an App ID on real Kestrel: 127.0.0.1, or every address; counts requests to /api/messages.</summary>
    private sealed class KestrelBotFactory : GuidelineBotFactory
    {
        private readonly string _allowedOrigin;
        private readonly TestLogs _logs = new();
        private int _messagesRequests;

        public KestrelBotFactory(bool anyAddress, string allowedOrigin, int port = 0)
        {
            _allowedOrigin = allowedOrigin;
            UseKestrel(options =>
            {
                if (anyAddress)
                {
                    options.ListenAnyIP(port);
                }
                else
                {
                    options.Listen(IPAddress.Loopback, port);
                }
            });
        }

        public int MessagesRequests => Volatile.Read(ref _messagesRequests);

        public bool Logged(string fragment) => _logs.Entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal));

        /// <summary>Starts Kestrel and returns <c>http://127.0.0.1:PORT/api/messages</c> (traffic stays on loopback).</summary>
        public string StartAndGetLoopbackMessagesEndpoint()
        {
            var address = StartKestrel();
            return $"http://127.0.0.1:{new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port}/api/messages";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("Bot:MicrosoftAppId", "");
            builder.UseSetting("Bot:LocalServiceUrls:0", _allowedOrigin);
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CountingFilter(this)));
        }

        private sealed class CountingFilter(KestrelBotFactory owner) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    if (context.Request.Path.StartsWithSegments("/api/messages", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref owner._messagesRequests);
                    }

                    return following(context);
                });
                next(app);
            };
        }
    }

    /// <summary>Development, with a request path that throws an exception carrying a "secret" (what a stack trace could leak).</summary>
    private sealed class ThrowingDevelopmentFactory : GuidelineBotFactory
    {
        public const string Path = "/test-only/throws";
        public const string Secret = "connection-string-password-7f3a";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ThrowAfterPipeline>());
        }

        /// <summary>Runs after the application's own middleware, as an endpoint failing inside the app would.</summary>
        private sealed class ThrowAfterPipeline : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate following) => context.Request.Path == Path
                    ? throw new InvalidOperationException(Secret)
                    : following(context));
            };
        }
    }
}
