using System.Text.Json;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GuidelineBot.Teams.Auth;

/// <summary>
/// Is this request really from the Bot Connector, for this bot, about this service URL? Checks the JWT (issuer, audience,
/// lifetime with 5 minutes skew, RS256/384/512 signature by a JWKS key), the key's channel endorsement and the
/// <c>serviceurl</c> claim. Without an App ID (local mode) requests without Authorization are accepted for loopback service URLs.
/// </summary>
internal sealed class BotRequestAuthenticator(
    IOptions<BotOptions> options,
    BotSigningKeys keys,
    TimeProvider time,
    ILogger<BotRequestAuthenticator> log)
{
    public const string Issuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>True when the request may be served; every false is logged with its reason.</summary>
    public async Task<bool> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        var reason = await CheckAsync(authorization, activity, cancellationToken);
        if (reason is null)
        {
            return true;
        }

        log.LogWarning("Rejected /api/messages request ({Type} from channel {ChannelId}): {Reason}", activity.Type, activity.ChannelId, reason);
        return false;
    }

    private async Task<string?> CheckAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (_options.IsLocalMode)
        {
            if (!string.IsNullOrEmpty(authorization))
            {
                return "a token was sent but no Bot:MicrosoftAppId is configured to validate it against";
            }

            return AddressPolicy.IsAllowedServiceUrl(activity.ServiceUrl, localMode: true)
                ? null
                : $"local mode only serves loopback service URLs, not '{activity.ServiceUrl}'";
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "no Bearer token";
        }

        var token = authorization["Bearer ".Length..].Trim();
        var metadata = await keys.GetAsync(cancellationToken);
        var result = await ValidateAsync(token, metadata);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && keys.TryForceRefresh())
        {
            metadata = await keys.GetAsync(cancellationToken);
            result = await ValidateAsync(token, metadata);
        }

        if (!result.IsValid)
        {
            return "invalid token: " + (result.Exception?.Message ?? "unknown reason");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var endorsementProblem = CheckEndorsement(metadata, jwt.Kid, activity.ChannelId);
        if (endorsementProblem is not null)
        {
            return endorsementProblem;
        }

        var vouched = result.Claims.TryGetValue(ServiceUrlClaim, out var claim) ? claim as string : null;
        if (string.IsNullOrEmpty(vouched) || !string.Equals(vouched, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return $"the token's serviceurl claim '{vouched}' does not match the activity's serviceUrl '{activity.ServiceUrl}'";
        }

        return AddressPolicy.IsAllowedServiceUrl(activity.ServiceUrl, localMode: false)
            ? null
            : $"service URL '{activity.ServiceUrl}' is neither HTTPS nor loopback";
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration metadata) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
        });

    /// <summary>Lifetime against the injected clock (so tests can move time), with the Bot Framework's 5 minutes of skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return false;
        }

        if (notBefore is { } nbf && nbf.ToUniversalTime() > now + ClockSkew)
        {
            return false;
        }

        return expires.Value.ToUniversalTime() >= now - ClockSkew;
    }

    /// <summary>The signing key, when it lists endorsements, must be endorsed for the activity's channel (e.g. "msteams").</summary>
    private static string? CheckEndorsement(OpenIdConnectConfiguration metadata, string? kid, string? channelId)
    {
        if (string.IsNullOrEmpty(kid))
        {
            return "the token names no signing key (kid)";
        }

        var key = metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return null;
        }

        var endorsements = ReadStrings(raw);
        if (string.IsNullOrEmpty(channelId) || !endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return $"signing key '{kid}' is not endorsed for channel '{channelId}'";
        }

        return null;
    }

    private static List<string> ReadStrings(object raw) => raw switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array =>
            array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
        IEnumerable<object> items => items.Select(i => i?.ToString() ?? "").ToList(),
        _ => [],
    };
}
