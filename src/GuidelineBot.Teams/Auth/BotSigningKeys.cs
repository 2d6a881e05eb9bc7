using GuidelineBot.Teams.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GuidelineBot.Teams.Auth;

/// <summary>
/// The Bot Connector's OpenID metadata and signing keys (JWKS), held by one IdentityModel <see cref="ConfigurationManager{T}"/>:
/// cached, refreshed every 12 hours, and kept when a refresh fails (the last good keys go on validating). A token naming
/// a key we do not know asks for a refresh through <see cref="ConfigurationManager{T}.RequestRefresh"/>, at most once a minute.
/// </summary>
internal sealed class BotSigningKeys
{
    public const string HttpClientName = "GuidelineBot.Teams.OpenId";
    public static readonly TimeSpan MinForcedRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// After the first fetch failed (keys never fetched), requests are refused at once for this long instead of each
    /// fetching again: those queued behind a slow, failing fetch would otherwise wait for theirs in turn (30 s each),
    /// and every forged token would make one. The 503's Retry-After says the same.
    /// </summary>
    public static readonly TimeSpan FailedFetchHold = TimeSpan.FromSeconds(30);

    /// <summary>How long a request waits for a requested refresh (the manager fetches in the background).</summary>
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RefreshPoll = TimeSpan.FromMilliseconds(50);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _lastRefreshRequest = DateTimeOffset.MinValue;
    private readonly SemaphoreSlim _firstFetch = new(1, 1);
    private volatile bool _fetched;
    /// <summary>Why the last first fetch failed: each refused request gets an exception of its own with it.</summary>
    private Exception? _lastFailure;
    private DateTimeOffset _failedAt;

    public BotSigningKeys(IOptions<BotOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _time = time;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(options.Value.OpenIdMetadataUrl,
            new OpenIdConnectConfigurationRetriever(), new PolicyDocumentRetriever(httpClients.CreateClient(HttpClientName)))
        {
            // The Bot Framework asks for keys to be refreshed at least every 24 hours.
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            // Forced refreshes are rate-limited here, on the injected clock (see RefreshAsync).
            RefreshInterval = ConfigurationManager<OpenIdConnectConfiguration>.MinimumRefreshInterval,
        };
    }

    /// <summary>The cached metadata and keys.</summary>
    /// <exception cref="SigningKeysUnavailableException">They were never fetched and cannot be fetched now.</exception>
    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        if (_fetched)
        {
            return await FetchAsync(cancellationToken);
        }

        // Until the keys were fetched once: one fetch at a time, and none for a while after one failed.
        var asked = _time.GetUtcNow();
        await _firstFetch.WaitAsync(cancellationToken);
        try
        {
            if (_fetched)
            {
                return await FetchAsync(cancellationToken);
            }

            if (_lastFailure is { } failure && (_failedAt >= asked || _time.GetUtcNow() - _failedAt < FailedFetchHold))
            {
                throw new SigningKeysUnavailableException(failure);
            }

            try
            {
                var configuration = await FetchAsync(cancellationToken);
                _fetched = true;
                return configuration;
            }
            catch (SigningKeysUnavailableException ex)
            {
                (_lastFailure, _failedAt) = (ex.InnerException ?? ex, _time.GetUtcNow());
                throw;
            }
        }
        finally
        {
            _firstFetch.Release();
        }
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new SigningKeysUnavailableException(ex);
        }
    }

    /// <summary>
    /// Asks for fresh keys (a token names a key we do not know: maybe they were rotated) and waits briefly for them.
    /// Null when a refresh was requested less than a minute ago (forged tokens cannot make every request fetch the
    /// keys) or no new keys arrived; <paramref name="current"/> stays in use either way.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> RefreshAsync(OpenIdConnectConfiguration current, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _lastRefreshRequest < MinForcedRefreshInterval)
            {
                return null;
            }

            _lastRefreshRequest = now;
            _manager.RequestRefresh();
        }

        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < RefreshWait)
        {
            var latest = await GetAsync(cancellationToken);
            if (!ReferenceEquals(latest, current))
            {
                return latest;
            }

            await Task.Delay(RefreshPoll, _time, cancellationToken);
        }

        return null;
    }

    /// <summary>Fetches metadata and JWKS over HTTPS, or plain HTTP on loopback only (tests).</summary>
    private sealed class PolicyDocumentRetriever(HttpClient http) : IDocumentRetriever
    {
        private readonly HttpDocumentRetriever _inner = new(http) { RequireHttps = false };

        public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            if (!AddressPolicy.IsHttpsOrLoopback(address))
            {
                throw new InvalidOperationException($"Refusing to fetch '{address}': HTTPS is required (plain HTTP only on loopback).");
            }

            return _inner.GetDocumentAsync(address, cancel);
        }
    }
}

/// <summary>The signing keys were never fetched and the OpenID metadata endpoint cannot be reached now.</summary>
internal sealed class SigningKeysUnavailableException(Exception inner)
    : Exception("the Bot Framework signing keys could not be fetched: " + inner.Message, inner);
