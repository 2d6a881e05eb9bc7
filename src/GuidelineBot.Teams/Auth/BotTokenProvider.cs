using System.Text.Json;
using System.Text.Json.Serialization;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Auth;

/// <summary>
/// Outbound tokens for the Bot Connector: an OAuth client-credentials call to the token endpoint (done directly rather than
/// with MSAL, which refuses the plain-HTTP loopback authorities the tests use), cached until shortly before it expires.
/// </summary>
internal sealed class BotTokenProvider(IHttpClientFactory httpClients, IOptions<BotOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "GuidelineBot.Teams.Token";
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly BotOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    /// <summary>The access token, or null in local mode (no App ID: send no Authorization header).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.IsLocalMode)
        {
            return null;
        }

        if (_cached is { } fresh && time.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.AccessToken;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.RefreshAt)
            {
                return again.AccessToken;
            }

            _cached = await RequestAsync(cancellationToken);
            return _cached.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var endpoint = _options.ResolvedTokenEndpoint;
        if (!AddressPolicy.IsHttpsOrLoopback(endpoint))
        {
            throw new InvalidOperationException($"Bot:TokenEndpoint '{endpoint}' must be HTTPS (plain HTTP only on loopback).");
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.MicrosoftAppId!,
            ["client_secret"] = _options.MicrosoftAppPassword ?? "",
            ["scope"] = Scope,
        });
        var http = httpClients.CreateClient(HttpClientName);
        var requestedAt = time.GetUtcNow();
        using var response = await http.PostAsync(endpoint, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Token endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var token = await JsonSerializer.DeserializeAsync(stream, TeamsJsonContext.Default.TokenResponse, cancellationToken);
        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            throw new InvalidOperationException("Token endpoint answered without an access_token.");
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(0, token.ExpiresIn));
        var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
        return new CachedToken(token.AccessToken, requestedAt + lifetime - margin);
    }

    public void Dispose() => _gate.Dispose();

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);
}

/// <summary>The OAuth token endpoint's answer.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);
