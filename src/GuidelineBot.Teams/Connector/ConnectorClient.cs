using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using GuidelineBot.Core.Logging;
using GuidelineBot.Teams.Auth;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Protocol;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) at the activity's <c>serviceUrl</c>, over the named HttpClient <see cref="HttpClientName"/>
/// with the shared POST-safe resilience (retries only what cannot duplicate a message). Refuses service URLs the policy does
/// not allow (SSRF guard). One instance serves the whole process: each call takes a client from
/// <see cref="IHttpClientFactory"/>, so the factory still renews its handlers (a typed client held by a singleton would not).
/// </summary>
internal sealed class ConnectorClient
{
    /// <summary>The named client, with the POST-safe resilience (<c>AddTeams</c>).</summary>
    public const string HttpClientName = nameof(ConnectorClient);

    private readonly IHttpClientFactory _clients;
    private readonly BotTokenProvider _tokens;
    private readonly BotOptions _options;

    public ConnectorClient(IHttpClientFactory clients, BotTokenProvider tokens, IOptions<BotOptions> options)
    {
        _clients = clients;
        _tokens = tokens;
        _options = options.Value;
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c></summary>
    public Task<ResourceResponse?> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations", conversationId, "activities", replyToId),
            activity, TeamsWire.Json.Activity, TeamsJsonContext.Default.ResourceResponse, cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c></summary>
    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations", conversationId, "activities"),
            activity, TeamsWire.Json.Activity, TeamsJsonContext.Default.ResourceResponse, cancellationToken);

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c></summary>
    public Task<ResourceResponse?> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId),
            activity, TeamsWire.Json.Activity, TeamsJsonContext.Default.ResourceResponse, cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations</c>: a proactive 1:1 chat (e.g. onboarding a new member).</summary>
    public Task<ConversationResourceResponse?> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations"),
            parameters, TeamsWire.Json.ConversationParameters, TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken);

    /// <summary>
    /// <c>GET {serviceUrl}/v3/conversations/{conversationId}/pagedmembers?pageSize=…&amp;continuationToken=…</c>: one page of
    /// the roster (of a team's channel: the team's members).
    /// </summary>
    public Task<PagedMembersResult?> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var url = Url(serviceUrl, "v3/conversations", conversationId, "pagedmembers");
        var query = "pageSize=" + pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                    (string.IsNullOrEmpty(continuationToken) ? "" : "&continuationToken=" + Uri.EscapeDataString(continuationToken));
        return SendAsync(HttpMethod.Get, new UriBuilder(url) { Query = query }.Uri, null, TeamsJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    private Task<TResponse?> SendAsync<TBody, TResponse>(
        HttpMethod method, Uri url, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class =>
        SendAsync(method, url, JsonContent.Create(body, bodyType), responseType, cancellationToken);

    private async Task<TResponse?> SendAsync<TResponse>(
        HttpMethod method, Uri url, HttpContent? content, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var token = await _tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Bot Connector {method} {url.AbsolutePath} answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>{serviceUrl}/{root}/{segments…}</c>, each segment escaped, built with <see cref="UriBuilder"/> so nothing in an id or
    /// in the service URL can move the request elsewhere (a service URL with user info, query or fragment is refused).
    /// </summary>
    private Uri Url(string serviceUrl, string root, params string[] segments)
    {
        if (!AddressPolicy.IsAllowedServiceUrl(serviceUrl, _options) || !AddressPolicy.TryParseServiceUrl(serviceUrl, out var baseUri))
        {
            throw new InvalidOperationException(_options.IsLocalMode
                ? $"Local mode only calls the service URLs in Bot:LocalServiceUrls, not '{LogText.Clip(serviceUrl)}'."
                : $"Service URL '{LogText.Clip(serviceUrl)}' must be HTTPS (plain HTTP only on loopback), without user info, query or fragment.");
        }

        var path = baseUri.AbsolutePath.TrimEnd('/') + "/" + root + string.Concat(segments.Select(s => "/" + Uri.EscapeDataString(s)));
        return new UriBuilder(baseUri) { Path = path, Query = "", Fragment = "" }.Uri;
    }
}
