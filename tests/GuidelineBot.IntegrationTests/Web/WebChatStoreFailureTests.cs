using System.Net;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Web.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The store fails under the web chat (a database that is down or does not answer): a post that needs it gets a 503 with the
/// core's apology, which the page shows, and a Retry-After; the error is in the log, and the browser never sees a 500 or
/// a stack trace (it did: a direct conversation asks the store whether onboarding is under way, and nothing caught it).
/// </summary>
public sealed class WebChatStoreFailureTests : IAsyncLifetime
{
    private const string Apology = "Sorry, something went wrong on my side — please try again in a minute.";

    private readonly WebBotFactory _bot = new(
        settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None" },
        services: s => s.AddSingleton<IOnboardingStore>(new FailingOnboardingStore()));

    private ChatClient _chat = null!;

    public async Task InitializeAsync()
    {
        _chat = new ChatClient(_bot.Start());
        await _chat.LoadPageAsync();
    }

    public async Task DisposeAsync()
    {
        _chat.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task A_post_that_needs_the_store_gets_the_apology_as_a_503_with_retry_after_and_the_error_is_logged()
    {
        using var message = await _chat.PostMessageAsync("can I friend parents?");
        using var action = await _chat.PostActionAsync("onboarding", "onboarding:start");

        foreach (var response in new[] { message, action })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
            Assert.Equal(Apology, (await ChatClient.ReadJsonAsync(response)).GetProperty("error").GetString());
            Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }

        foreach (var path in new[] { ChatEndpoints.MessagesRoute, ChatEndpoints.ActionsRoute })
        {
            Assert.Contains(_bot.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith($"Web chat {path} failed", StringComparison.Ordinal)
                && e.Exception is InvalidOperationException);
        }

        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Level >= LogLevel.Error && !e.Message.StartsWith("Web chat /chat/", StringComparison.Ordinal));
    }

    /// <summary>An onboarding store whose every call fails, as a store that cannot be reached does.</summary>
    private sealed class FailingOnboardingStore : IOnboardingStore
    {
        private static Exception Down() => new InvalidOperationException("The store is unreachable (test).");

        public Task<OnboardingState?> GetAsync(OnboardingKey key, CancellationToken cancellationToken) => throw Down();

        public Task<OnboardingState?> TrySaveAsync(OnboardingState state, OnboardingAcknowledgement? acknowledgement, CancellationToken cancellationToken) =>
            throw Down();

        public Task<IReadOnlyList<OnboardingState>> ListStatesAsync(CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<OnboardingAcknowledgement>> ListAcknowledgementsAsync(CancellationToken cancellationToken) => throw Down();
    }
}
