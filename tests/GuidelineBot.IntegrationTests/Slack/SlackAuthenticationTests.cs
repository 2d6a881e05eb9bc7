using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// Slack's requests are authenticated by their signature only: the web sign-in's authentication does not run for them
/// (it costs every slash command a handler and its allocations), while it still runs for the other requests.
/// </summary>
public sealed class SlackAuthenticationTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _authenticated = new();
    private FakeSlackApi _api = null!;
    private SlackBotFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _factory = new SlackBotFactory(_api, services: s =>
        {
            s.AddScoped<AuthenticationService>();
            s.AddScoped<IAuthenticationService>(sp => new RecordingAuthentication(sp.GetRequiredService<AuthenticationService>(), _authenticated));
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_slash_command_is_answered_without_running_the_sign_in()
    {
        using var client = _factory.CreateClient();
        using var response = await client.SendAsync(Signed("/slack/commands", Command("can I post photos?", "http://127.0.0.1:9/response/1"), FormType, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("blocks", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_authenticated, path => path.StartsWith("/slack", StringComparison.Ordinal));

        // Other requests still go through authentication (the browser's pages and the admin endpoints need it).
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("/", _authenticated);
    }

    [Fact]
    public async Task A_forged_slash_command_is_still_refused()
    {
        using var client = _factory.CreateClient();
        using var response = await client.SendAsync(Signed("/slack/commands", Command("can I post photos?", "http://127.0.0.1:9/response/2"), FormType, DateTimeOffset.UtcNow, secret: "someone-elses-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The real authentication service, recording the path of every request it authenticates.</summary>
    private sealed class RecordingAuthentication(IAuthenticationService inner, ConcurrentQueue<string> paths) : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
        {
            paths.Enqueue(context.Request.Path.Value ?? "");
            return inner.AuthenticateAsync(context, scheme);
        }

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ChallengeAsync(context, scheme, properties);

        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ForbidAsync(context, scheme, properties);

        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
            inner.SignInAsync(context, scheme, principal, properties);

        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.SignOutAsync(context, scheme, properties);
    }
}
