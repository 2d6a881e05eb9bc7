using GuidelineBot.Teams.Auth;
using GuidelineBot.Teams.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>Outbound tokens: client credentials against the (fake) token endpoint, cached until shortly before expiry.</summary>
public sealed class TokenProviderTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBotFramework.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Token_is_requested_with_client_credentials_and_cached_until_shortly_before_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = Options.Create(new BotOptions
        {
            MicrosoftAppId = FakeBotFramework.AppId,
            MicrosoftAppPassword = "s3cret&=",
            MicrosoftAppTenantId = FakeBotFramework.TenantId,
            TokenEndpoint = _fake.TokenEndpoint,
        });
        using var provider = new BotTokenProvider(new SimpleHttpClientFactory(), options, clock);

        Assert.Equal(FakeBotFramework.ConnectorToken, await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(FakeBotFramework.ConnectorToken, await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(1, _fake.TokenRequests);
        var form = _fake.Requests.Single().Body;
        Assert.Contains("grant_type=client_credentials", form, StringComparison.Ordinal);
        Assert.Contains("client_id=" + FakeBotFramework.AppId, form, StringComparison.Ordinal);
        Assert.Contains("client_secret=s3cret%26%3D", form, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", form, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(50)); // expires_in 3599 s: still well inside
        await provider.GetTokenAsync(CancellationToken.None);
        Assert.Equal(1, _fake.TokenRequests);

        clock.Advance(TimeSpan.FromMinutes(6)); // within 5 minutes of expiry: refreshed
        await provider.GetTokenAsync(CancellationToken.None);
        Assert.Equal(2, _fake.TokenRequests);
    }

    [Fact]
    public async Task Local_mode_sends_no_token()
    {
        using var provider = new BotTokenProvider(new SimpleHttpClientFactory(), Options.Create(new BotOptions()), TimeProvider.System);
        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(0, _fake.TokenRequests);
    }

    private sealed class SimpleHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
