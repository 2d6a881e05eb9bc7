using GuidelineBot.Teams.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GuidelineBot.Teams.Auth;

/// <summary>The Bot Connector's OpenID metadata and signing keys (JWKS), cached and refreshed by IdentityModel.</summary>
internal sealed class BotSigningKeys
{
    public const string HttpClientName = "GuidelineBot.Teams.OpenId";

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;

    public BotSigningKeys(IOptions<BotOptions> options, IHttpClientFactory httpClients)
    {
        var retriever = new PolicyDocumentRetriever(httpClients.CreateClient(HttpClientName));
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            options.Value.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            // The Bot Framework asks for keys to be refreshed at least every 24 hours.
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            // An unknown key id triggers a refresh, at most this often.
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
    }

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) => _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>Ask for fresh keys on the next <see cref="GetAsync"/> (a token signed with a key id we do not know yet).</summary>
    public void RequestRefresh() => _manager.RequestRefresh();

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
