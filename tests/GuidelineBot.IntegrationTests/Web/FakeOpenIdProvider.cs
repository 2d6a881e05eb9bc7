using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// An OpenID provider on 127.0.0.1, as Microsoft Entra ID looks to the bot: discovery document, JWKS and a token
/// endpoint that redeems the codes a test issued (<see cref="IssueCode"/>) for the client id and <see cref="ClientSecret"/>.
/// It never shows a sign-in page: tests read the authorize redirect and post the id_token or code back themselves.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "0b7e4a51-3333-4c5d-9e6f-0123456789ab";
    public const string ClientSecret = "fake-client-secret-5e1d";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.Ordinal);

    private FakeOpenIdProvider(WebApplication app) => _app = app;

    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "idp-key" };

    /// <summary>The authority and issuer.</summary>
    public string Issuer { get; private set; } = "";

    public string AuthorizeEndpoint => Issuer + "/authorize";

    /// <summary>Token requests that redeemed a code (with a PKCE verifier and the right client secret).</summary>
    public int CodesRedeemed => _codesRedeemed;

    private int _codesRedeemed;

    /// <summary>The next token request with <paramref name="code"/> gets <paramref name="idToken"/> (once).</summary>
    public void IssueCode(string code, string idToken) => _codes[code] = idToken;

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenIdProvider(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = fake.Issuer,
            ["authorization_endpoint"] = fake.AuthorizeEndpoint,
            ["token_endpoint"] = fake.Issuer + "/token",
            ["jwks_uri"] = fake.Issuer + "/keys",
            ["response_types_supported"] = new JsonArray("code", "id_token"),
            ["response_modes_supported"] = new JsonArray("form_post", "query"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email"),
        }));
        app.MapGet("/keys", () =>
        {
            var p = fake.SigningKey.Rsa.ExportParameters(false);
            return Results.Json(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = fake.SigningKey.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                }),
            });
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || string.IsNullOrEmpty(form["code_verifier"]) || !fake._codes.TryRemove(form["code"].ToString(), out var idToken))
            {
                return Results.Json(new JsonObject { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            }

            Interlocked.Increment(ref fake._codesRedeemed);
            return Results.Json(new JsonObject
            {
                ["id_token"] = idToken,
                ["access_token"] = "fake-access-token",
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Issuer = address.TrimEnd('/');
        return fake;
    }

    /// <summary>
    /// An id_token for <paramref name="nonce"/>, signed with <see cref="SigningKey"/> unless <paramref name="key"/> says
    /// otherwise, or not signed at all (<c>alg: none</c>) when <paramref name="unsigned"/>.
    /// </summary>
    public string IdToken(string nonce, string objectId, string name, IReadOnlyList<string>? roles = null, RsaSecurityKey? key = null, bool unsigned = false)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "pairwise-" + objectId,
            ["oid"] = objectId,
            ["name"] = name,
            ["preferred_username"] = name.Replace(' ', '.').ToLowerInvariant() + "@example.org",
            ["nonce"] = nonce,
        };
        if (roles is { Count: > 0 })
        {
            claims["roles"] = roles.ToArray();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = unsigned ? null : new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
