using System.Text.Json;
using GuidelineBot.Core.Logging;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GuidelineBot.Teams.Auth;

/// <summary>The verdict on one request.</summary>
internal enum AuthResult
{
    Accepted,

    /// <summary>401: not from the Bot Connector, not for this bot, or not about this service URL.</summary>
    Rejected,

    /// <summary>503: the signing keys were never fetched and cannot be fetched now, so nothing can be checked.</summary>
    KeysUnavailable,
}

/// <summary>
/// Is this request really from the Bot Connector, for this bot, about this service URL? Checks the JWT (issuer, audience,
/// lifetime with 5 minutes skew, RS256/384/512 signature by a JWKS key), the channel endorsement of the key that validated
/// it and the <c>serviceurl</c> claim. In local mode (no App ID) requests without Authorization are accepted for the
/// allowed loopback service URLs.
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

    /// <summary>Every refusal is logged with its reason (request fields clipped to <see cref="LogText.MaxFieldLength"/>).</summary>
    public async Task<AuthResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        var (result, reason) = await CheckAsync(authorization, activity, cancellationToken);
        if (result != AuthResult.Accepted)
        {
            log.LogWarning("Rejected /api/messages request ({Type} from channel {ChannelId}): {Reason}",
                LogText.Clip(activity.Type), LogText.Clip(activity.ChannelId), reason);
        }

        return result;
    }

    private async Task<(AuthResult, string?)> CheckAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (_options.IsLocalMode)
        {
            if (!string.IsNullOrEmpty(authorization))
            {
                return (AuthResult.Rejected, "a token was sent but no Bot:MicrosoftAppId is configured to validate it against");
            }

            return AddressPolicy.IsAllowedServiceUrl(activity.ServiceUrl, _options)
                ? (AuthResult.Accepted, null)
                : (AuthResult.Rejected, $"local mode only serves the service URLs in Bot:LocalServiceUrls, not '{LogText.Clip(activity.ServiceUrl)}'");
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (AuthResult.Rejected, "no Bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = await keys.GetAsync(cancellationToken);
        }
        catch (SigningKeysUnavailableException ex)
        {
            return (AuthResult.KeysUnavailable, ex.Message);
        }

        var result = await ValidateAsync(token, metadata);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await keys.RefreshAsync(metadata, cancellationToken) is { } refreshed)
        {
            // The token names a key we do not have (a rotation?): the last good keys stay until new ones arrive.
            metadata = refreshed;
            result = await ValidateAsync(token, metadata);
        }

        if (!result.IsValid)
        {
            return (AuthResult.Rejected, "invalid token: " + (result.Exception?.Message ?? "unknown reason"));
        }

        var endorsementProblem = CheckEndorsement(metadata, ((JsonWebToken)result.SecurityToken).SigningKey, activity.ChannelId);
        if (endorsementProblem is not null)
        {
            return (AuthResult.Rejected, endorsementProblem);
        }

        var vouched = result.Claims.TryGetValue(ServiceUrlClaim, out var claim) ? claim as string : null;
        if (string.IsNullOrEmpty(vouched) || !string.Equals(vouched, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return (AuthResult.Rejected, $"the token's serviceurl claim '{LogText.Clip(vouched)}' does not match the activity's serviceUrl '{LogText.Clip(activity.ServiceUrl)}'");
        }

        return AddressPolicy.IsAllowedServiceUrl(activity.ServiceUrl, _options)
            ? (AuthResult.Accepted, null)
            : (AuthResult.Rejected, $"service URL '{LogText.Clip(activity.ServiceUrl)}' is neither HTTPS nor loopback");
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

    /// <summary>
    /// Lifetime against the injected clock (so tests can move time), with the Bot Framework's 5 minutes of skew; a token
    /// valid from after it expires is never valid (as IdentityModel's own check has it).
    /// </summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return false;
        }

        if (notBefore is { } nbf && (nbf.ToUniversalTime() > now + ClockSkew || nbf.ToUniversalTime() > expires.Value.ToUniversalTime()))
        {
            return false;
        }

        return expires.Value.ToUniversalTime() >= now - ClockSkew;
    }

    /// <summary>
    /// The key that actually validated the signature (whatever <c>kid</c> the token names) must be a published key whose
    /// endorsements list the activity's channel (e.g. "msteams"). Anything unknown or unreadable fails.
    /// </summary>
    private static string? CheckEndorsement(OpenIdConnectConfiguration metadata, SecurityKey? signingKey, string? channelId)
    {
        var thumbprint = Thumbprint(signingKey);
        var published = thumbprint is null
            ? []
            : metadata.JsonWebKeySet?.Keys.Where(k => Thumbprint(k) == thumbprint).ToList() ?? [];
        if (published.Count != 1)
        {
            return "the key that validated the token is not one published key";
        }

        var key = published[0];
        if (!key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return $"signing key '{LogText.Clip(key.Kid)}' lists no endorsements";
        }

        if (string.IsNullOrEmpty(channelId) || !ReadStrings(raw).Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return $"signing key '{LogText.Clip(key.Kid)}' is not endorsed for channel '{LogText.Clip(channelId)}'";
        }

        return null;
    }

    private static string? Thumbprint(SecurityKey? key) =>
        key is not null && key.CanComputeJwkThumbprint() ? Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()) : null;

    private static List<string> ReadStrings(object raw) => raw switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array =>
            array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
        IEnumerable<object> items => items.Select(i => i?.ToString() ?? "").ToList(),
        _ => [],
    };
}
