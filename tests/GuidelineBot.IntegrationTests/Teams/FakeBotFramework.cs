using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
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

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// The Microsoft side on 127.0.0.1: OpenID metadata + JWKS (keys with endorsements), the Entra token endpoint and the
/// Bot Connector, all recording what they were asked. Signs inbound tokens with locally generated RSA keys.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string ConnectorToken = "fake-connector-token-42";
    public const string AppId = "5f8c5a3e-1111-4a2b-9c3d-0123456789ab";
    public const string TenantId = "7a0e0e0e-2222-4b3c-8d4e-abcdefabcdef";
    public const string TeamsKeyId = "teams-key";
    public const string WebChatKeyId = "webchat-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _failuresToServe = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _exactDelays = new();
    private readonly ConcurrentDictionary<string, bool> _retryAfter = new();
    private readonly ConcurrentDictionary<string, ChannelMember[]> _rosters = new(StringComparer.OrdinalIgnoreCase);
    private int _nextId;
    private int _keySetRequests;
    private int _metadataRequests;

    private FakeBotFramework(WebApplication app, RsaSecurityKey teamsKey, RsaSecurityKey webChatKey)
    {
        _app = app;
        TeamsKey = teamsKey;
        WebChatKey = webChatKey;
    }

    /// <summary>Endorsed for "msteams".</summary>
    public RsaSecurityKey TeamsKey { get; }

    /// <summary>Endorsed only for "webchat".</summary>
    public RsaSecurityKey WebChatKey { get; }

    /// <summary>A key published only after <see cref="RotateKeys"/> (endorsed for "msteams").</summary>
    public RsaSecurityKey RotatedKey { get; } = new(RSA.Create(2048)) { KeyId = "rotated-key" };

    public bool Rotated { get; private set; }

    public int KeySetRequests => _keySetRequests;

    /// <summary>How often the OpenID metadata was asked for (each retry of a fetch counts).</summary>
    public int MetadataRequests => _metadataRequests;

    public void RotateKeys() => Rotated = true;

    public string BaseUrl { get; private set; } = "";

    public string OpenIdMetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public string TokenEndpoint => BaseUrl + "/" + TenantId + "/oauth2/v2.0/token";

    /// <summary>A service URL that is this fake connector.</summary>
    public string ServiceUrl => BaseUrl + "/connector/";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<RecordedRequest> ConnectorRequests => _requests.Where(r => r.Path.StartsWith("/connector/", StringComparison.Ordinal)).ToArray();

    public int TokenRequests => _requests.Count(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));

    public static async Task<FakeBotFramework> StartAsync()
    {
        var teamsKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = TeamsKeyId };
        var webChatKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = WebChatKeyId };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotFramework(app, teamsKey, webChatKey);
        fake.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    /// <summary>
    /// The next <paramref name="count"/> connector calls whose path contains <paramref name="pathPart"/> answer 503, with
    /// <c>Retry-After: 0</c> unless <paramref name="retryAfter"/> is false.
    /// </summary>
    public void FailNext(string pathPart, int count, bool retryAfter = true)
    {
        _retryAfter[pathPart] = retryAfter;
        _failuresToServe[pathPart] = count;
    }

    /// <summary>Connector calls whose path contains <paramref name="pathPart"/> are recorded at once but answered after <paramref name="delay"/>.</summary>
    public void Delay(string pathPart, TimeSpan delay) => _delays[pathPart] = delay;

    /// <summary>Connector calls to exactly <paramref name="rawTarget"/> are recorded at once but answered after <paramref name="delay"/>.</summary>
    public void DelayExactly(string rawTarget, TimeSpan delay) => _exactDelays[rawTarget] = delay;

    /// <summary>While true, the OpenID metadata and key set answer 500 (the endpoint is down).</summary>
    public bool MetadataDown { get; set; }

    /// <summary>
    /// The members <c>GET …/v3/conversations/{conversationId}/pagedmembers</c> lists (a team channel's roster), in pages of
    /// the requested size.
    /// </summary>
    public void SetRoster(string conversationId, params ChannelMember[] members) => _rosters[conversationId] = members;

    /// <summary>The roster look-ups made (<c>pagedmembers</c> pages).</summary>
    public IReadOnlyList<RecordedRequest> RosterRequests => ConnectorRequests.Where(r => r.Method == "GET" && r.Path.EndsWith("/pagedmembers", StringComparison.Ordinal)).ToArray();

    /// <summary>New channel threads the bot started (<c>POST /v3/conversations</c> with <c>isGroup: true</c>).</summary>
    public IReadOnlyList<RecordedRequest> ChannelPosts => ConnectorRequests.Where(IsChannelPost).ToArray();

    /// <summary>Every connector call to exactly <paramref name="rawTarget"/> answers 403 (e.g. a 1:1 chat the bot may not open).</summary>
    public void Refuse(string rawTarget) => _refusals[rawTarget] = 1;

    public string CreateToken(
        DateTimeOffset now,
        string? serviceUrl = null,
        string issuer = "https://api.botframework.com",
        string audience = AppId,
        RsaSecurityKey? key = null,
        TimeSpan? lifetime = null,
        TimeSpan? age = null)
    {
        var issued = now - (age ?? TimeSpan.FromMinutes(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issued.UtcDateTime,
            NotBefore = issued.UtcDateTime,
            Expires = (issued + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl },
            SigningCredentials = new SigningCredentials(key ?? TeamsKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Waits (bounded) until a connector call matches; fails the test if none does.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var hit = ConnectorRequests.FirstOrDefault(r => r.Answered && match(r));
            if (hit is not null)
            {
                return hit;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"No connector call for {what} within 30 s. Calls seen:\n" +
                                           string.Join("\n", ConnectorRequests.Select(r => $"{r.Method} {r.RawTarget}")));
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> message activities match; returns them in the order received.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForMessagesAsync(Func<RecordedRequest, bool> match, int count, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<RecordedRequest> hits = [];
        while (DateTime.UtcNow < deadline)
        {
            hits = ConnectorRequests.Where(r => r.Answered && r.Method == "POST" && r.ActivityType == "message" && match(r)).ToList();
            if (hits.Count >= count)
            {
                return hits;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"Expected {count} messages for {what} within 30 s, got {hits.Count}:\n" +
                                           string.Join("\n", hits.Select(r => r.Body)));
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataRequests);
            return MetadataDown ? Results.StatusCode(500) : Results.Json(new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _keySetRequests);
            if (MetadataDown)
            {
                return Results.StatusCode(500);
            }

            var keys = new JsonArray(Jwk(TeamsKey, "msteams", "emulator"), Jwk(WebChatKey, "webchat"));
            if (Rotated)
            {
                keys.Add(Jwk(RotatedKey, "msteams"));
            }

            return Results.Json(new JsonObject { ["keys"] = keys });
        });
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            await RecordAsync(context);
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = ConnectorToken });
        });
        app.Map("/connector/{**rest}", async (HttpContext context) =>
        {
            var request = await RecordAsync(context);
            try
            {
                foreach (var (part, delay) in _delays)
                {
                    if (request.RawTarget.Contains(part, StringComparison.Ordinal))
                    {
                        await Task.Delay(delay, CancellationToken.None);
                    }
                }

                if (_exactDelays.TryGetValue(request.RawTarget, out var exact))
                {
                    await Task.Delay(exact, CancellationToken.None);
                }

                if (_refusals.ContainsKey(request.RawTarget))
                {
                    return Results.StatusCode(403);
                }

                foreach (var (part, remaining) in _failuresToServe)
                {
                    if (remaining > 0 && request.RawTarget.Contains(part, StringComparison.Ordinal) && _failuresToServe.TryUpdate(part, remaining - 1, remaining))
                    {
                        if (_retryAfter.GetValueOrDefault(part))
                        {
                            context.Response.Headers.RetryAfter = "0";
                        }

                        return Results.StatusCode(503);
                    }
                }

                if (request.Method == "GET" && request.Path.EndsWith("/pagedmembers", StringComparison.Ordinal))
                {
                    return Roster(context, request);
                }

                if (IsChannelPost(request))
                {
                    // A new thread: the root message's id, and the thread's conversation id "{channel};messageid={root}".
                    request.ResponseId = (1_800_000_000_000 + Interlocked.Increment(ref _nextId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var channel = request.Json["channelData"]!["channel"]!["id"]!.GetValue<string>();
                    return Results.Json(new JsonObject { ["id"] = channel + ";messageid=" + request.ResponseId, ["activityId"] = request.ResponseId });
                }

                request.ResponseId = "activity-" + Interlocked.Increment(ref _nextId);
                return Results.Json(new JsonObject { ["id"] = request.ResponseId });
            }
            finally
            {
                // From here on the waits below see it, with its ResponseId (it is recorded on arrival, for the counts).
                request.Answered = true;
            }
        });
    }

    /// <summary>A new channel thread: <c>POST /v3/conversations</c> with <c>isGroup: true</c>.</summary>
    public static bool IsChannelPost(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/v3/conversations", StringComparison.Ordinal) && request.Json["isGroup"]?.GetValue<bool>() == true;

    /// <summary>One page of the roster: up to <c>pageSize</c> members from the <c>continuationToken</c> (an offset here).</summary>
    private IResult Roster(HttpContext context, RecordedRequest request)
    {
        var segments = request.Path.Split('/');
        var conversationId = Uri.UnescapeDataString(segments[^2]);
        if (!_rosters.TryGetValue(conversationId, out var members))
        {
            return Results.StatusCode(404);
        }

        // Teams may return fewer than asked: two per page here, so the bot has to follow the continuation token.
        var size = Math.Min(2, int.TryParse(context.Request.Query["pageSize"], out var s) && s > 0 ? s : 200);
        var from = int.TryParse(context.Request.Query["continuationToken"], out var c) ? c : 0;
        var page = members.Skip(from).Take(size).Select(m => (JsonNode?)new JsonObject { ["id"] = m.Id, ["aadObjectId"] = m.AadObjectId, ["name"] = m.Name });
        var result = new JsonObject { ["members"] = new JsonArray(page.ToArray()) };
        if (from + size < members.Length)
        {
            result["continuationToken"] = (from + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(result);
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.ToString(),
            body);
        _requests.Enqueue(recorded);
        return recorded;
    }

    private static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var p = key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray()),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A person on a channel's roster: Teams user id, Entra object id, name.</summary>
public sealed record ChannelMember(string Id, string AadObjectId, string Name);

public sealed record RecordedRequest(string Method, string Path, string RawTarget, string Authorization, string Body)
{
    private volatile bool _answered;

    /// <summary>The id the fake connector answered with (for a created conversation: its id).</summary>
    public string? ResponseId { get; set; }

    /// <summary>The fake connector has decided its answer (and set <see cref="ResponseId"/>); the waits return only such requests.</summary>
    public bool Answered
    {
        get => _answered;
        set => _answered = value;
    }

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public string? ActivityType => Body.Length == 0 ? null : Json["type"]?.GetValue<string>();

    /// <summary>The first attachment's Adaptive Card as text (for "contains" checks).</summary>
    public string Card => Json["attachments"]?[0]?["content"]?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";
}
