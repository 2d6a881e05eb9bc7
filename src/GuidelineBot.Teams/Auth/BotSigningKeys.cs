using GuidelineBot.Teams.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GuidelineBot.Teams.Auth;

/// <summary>
/// The Bot Connector's OpenID metadata and signing keys (JWKS): an IdentityModel <see cref="ConfigurationManager{T}"/>
/// caches them and refreshes them every 12 hours; a token naming a key we do not know forces a fresh fetch, at most once a minute.
/// </summary>
internal sealed class BotSigningKeys
{
    public const string HttpClientName = "GuidelineBot.Teams.OpenId";
    public static readonly TimeSpan MinForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly string _metadataUrl;
    private readonly PolicyDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public BotSigningKeys(IOptions<BotOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _metadataUrl = options.Value.OpenIdMetadataUrl;
        _retriever = new PolicyDocumentRetriever(httpClients.CreateClient(HttpClientName));
        _time = time;
        _manager = NewManager();
    }

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _manager.GetConfigurationAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The keys were rotated (a token names an unknown key id): the next <see cref="GetAsync"/> fetches them afresh.
    /// False when that was done less than a minute ago, so forged tokens cannot make every request fetch the keys.
    /// </summary>
    public bool TryForceRefresh()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (now - _lastForcedRefresh < MinForcedRefreshInterval)
            {
                return false;
            }

            _lastForcedRefresh = now;
            _manager = NewManager();
            return true;
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewManager() =>
        new(_metadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            // The Bot Framework asks for keys to be refreshed at least every 24 hours.
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };

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
