using System.Collections.Concurrent;
using System.Net;
using GuidelineBot.Slack.Api;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The Slack Web API client is one instance that takes an HTTP client from the factory for each call: a slash command
/// answered in its own response builds none (it built one per request, and the experts' channels more, when the client
/// was a typed client in the request's services), and a mention's answer takes one for its post.
/// </summary>
public sealed class SlackClientPerCallTests : IAsyncLifetime
{
    private readonly CountingClients _counts = new();
    private FakeSlackApi _api = null!;
    private SlackBotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        // An experts' channel too, so that the expert machinery (its Slack channel and answer delivery) is registered.
        _factory = new SlackBotFactory(_api, settings: new Dictionary<string, string?> { ["Experts:SlackChannel"] = "C0EXPERTS" },
            services: s => _counts.Decorate(s));
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Answered_slash_commands_build_no_Slack_client_and_a_mention_takes_one_for_its_post()
    {
        foreach (var question in new[] { "can I post photos of my class?", "can I friend parents?", "what is the capital of peru?" })
        {
            using var response = await _client.SendAsync(Signed("/slack/commands", Command(question, _api.ResponseUrl("cmd")), FormType, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, _counts.Of(SlackApiClient.HttpClientName));

        var channel = SlackHost.NewId("C");
        var eventId = SlackHost.NewId("Ev");
        using var mention = await _client.SendAsync(Signed("/slack/events", Event(eventId, new
        {
            type = "app_mention",
            user = "U0PERSON",
            text = "<@U0BOT> can I post photos of my class?",
            ts = "1700000000.000100",
            channel,
            event_ts = "1700000000.000100",
        }), JsonType, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, mention.StatusCode);
        await Eventually.WaitUntilAsync(() => _factory.Logged(LogLevel.Information, "Answered Slack event", eventId), "the mention is answered");

        Assert.Single(_api.PostsTo(channel));
        Assert.True(_counts.Of(SlackApiClient.HttpClientName) >= 1, "the mention's post took a client from the factory");
    }

    /// <summary>Counts <see cref="IHttpClientFactory.CreateClient"/> per client name, passing every call on to the real factory.</summary>
    private sealed class CountingClients
    {
        private readonly ConcurrentDictionary<string, int> _created = new(StringComparer.Ordinal);

        public int Of(string name) => _created.GetValueOrDefault(name);

        public void Decorate(IServiceCollection services)
        {
            var real = services.Last(d => d.ServiceType == typeof(IHttpClientFactory));
            services.AddSingleton<IHttpClientFactory>(sp => new Counting(Resolve(real, sp), this));
        }

        private static IHttpClientFactory Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
            (IHttpClientFactory)(descriptor.ImplementationFactory?.Invoke(services)
                ?? descriptor.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

        private sealed class Counting(IHttpClientFactory inner, CountingClients counts) : IHttpClientFactory
        {
            public HttpClient CreateClient(string name)
            {
                counts._created.AddOrUpdate(name, 1, (_, n) => n + 1);
                return inner.CreateClient(name);
            }
        }
    }
}
