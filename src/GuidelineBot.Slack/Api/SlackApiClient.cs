using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace GuidelineBot.Slack.Api;

/// <summary>
/// The Slack Web API and <c>response_url</c>s over the named <see cref="HttpClient"/> <see cref="HttpClientName"/>. Retries (only where the message
/// cannot be posted twice: 429, 503 with Retry-After, no connection) live in the resilience handler registered by <c>AddSlack</c>; this class turns every outcome into
/// true/false and logs failures with the id of what was being answered. It never throws except on cancellation.
/// One instance serves the whole process: each call takes a client from <see cref="IHttpClientFactory"/>, so the factory
/// still renews its handlers, and a request that never calls Slack (most slash commands) builds no client at all.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    /// <summary>The named client (base address, response size limit and POST-safe resilience, set by <c>AddSlack</c>).</summary>
    public const string HttpClientName = nameof(SlackApiClient);

    /// <summary>Largest answer read from Slack or a response_url; Slack's are a few KB. Larger ones fail the call.</summary>
    public const int MaxResponseBytes = 256 * 1024;

    /// <summary>Members asked for per <c>conversations.members</c> page (Slack recommends at most 200).</summary>
    private const string MembersPageSize = "200";

    /// <summary>Posts a message. <paramref name="logId"/> (e.g. the event id) goes into the failure log.</summary>
    /// <returns>The message's <c>ts</c> (empty when Slack sent none), or null when it was not posted (logged).</returns>
    public async Task<string?> PostMessageAsync(ChatPostMessageRequest message, string logId, CancellationToken cancellationToken) =>
        (await PostMessageOrErrorAsync(message, logId, cancellationToken)).Ts;

    /// <summary>Posts a message, and when it was not posted (logged) says Slack's error, if Slack gave one.</summary>
    public async Task<SlackPostResult> PostMessageOrErrorAsync(ChatPostMessageRequest message, string logId, CancellationToken cancellationToken)
    {
        var (response, error) = await CallWithErrorAsync("chat.postMessage", JsonContent.Create(message, SlackJsonContext.Default.ChatPostMessageRequest), logId, cancellationToken);
        return new SlackPostResult(response is null ? null : response.Ts ?? "", error);
    }

    /// <summary><c>chat.postEphemeral</c>: a message only <see cref="ChatPostEphemeralRequest.User"/> sees, in a channel they are in.</summary>
    public async Task<bool> PostEphemeralAsync(ChatPostEphemeralRequest message, string logId, CancellationToken cancellationToken) =>
        await CallAsync("chat.postEphemeral", JsonContent.Create(message, SlackJsonContext.Default.ChatPostEphemeralRequest), logId, cancellationToken) is not null;

    /// <summary><c>chat.update</c>: replaces a message the bot posted (channel + ts) with new text and blocks.</summary>
    public async Task<bool> UpdateMessageAsync(ChatUpdateRequest message, string logId, CancellationToken cancellationToken) =>
        await CallAsync("chat.update", JsonContent.Create(message, SlackJsonContext.Default.ChatUpdateRequest), logId, cancellationToken) is not null;

    /// <summary><c>views.open</c>: shows a modal; the <c>trigger_id</c> comes from the interaction and expires after about 3 s.</summary>
    public async Task<bool> OpenViewAsync(ViewsOpenRequest request, string logId, CancellationToken cancellationToken) =>
        await CallAsync("views.open", JsonContent.Create(request, SlackJsonContext.Default.ViewsOpenRequest), logId, cancellationToken) is not null;

    /// <summary>
    /// One page of <c>conversations.members</c> (scope <c>channels:read</c>, <c>groups:read</c> for private channels), or
    /// null when it could not be read (logged).
    /// </summary>
    /// <param name="cursor">The previous page's <see cref="MembersPage.NextCursor"/>; null for the first page.</param>
    public async Task<MembersPage?> GetMembersAsync(string channel, string? cursor, string logId, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>> { new("channel", channel), new("limit", MembersPageSize) };
        if (!string.IsNullOrEmpty(cursor))
        {
            fields.Add(new("cursor", cursor));
        }

        var response = await CallAsync("conversations.members", new FormUrlEncodedContent(fields), logId, cancellationToken);
        return response is null
            ? null
            : new MembersPage(response.Members ?? [], response.ResponseMetadata?.NextCursor is { Length: > 0 } next ? next : null);
    }

    /// <summary>
    /// <c>conversations.open</c> with one user: the id of the app's direct-message channel with them (opened if needed),
    /// or null when it could not be opened (logged).
    /// </summary>
    public async Task<string?> OpenDirectMessageAsync(string userId, string logId, CancellationToken cancellationToken)
    {
        var response = await CallAsync("conversations.open",
            JsonContent.Create(new ConversationsOpenRequest(userId), SlackJsonContext.Default.ConversationsOpenRequest), logId, cancellationToken);
        if (response is not null && string.IsNullOrEmpty(response.ChannelId))
        {
            logger.LogError("Slack conversations.open for {LogId} answered without a channel id", logId);
        }

        return response?.ChannelId is { Length: > 0 } channel ? channel : null;
    }

    /// <summary><c>users.info</c> (scope <c>users:read</c>): the person's name and whether they are a bot, or null when unknown (logged).</summary>
    public async Task<SlackUserInfo?> GetUserAsync(string userId, string logId, CancellationToken cancellationToken)
    {
        var response = await CallAsync("users.info", new FormUrlEncodedContent([new("user", userId)]), logId, cancellationToken);
        return SlackUserInfo.From(response?.User);
    }

    /// <summary>The person's name for records and posts: <c>users.info</c>'s, else <paramref name="handle"/> (their Slack handle), else empty.</summary>
    public async Task<string> GetNameAsync(string userId, string? handle, string logId, CancellationToken cancellationToken) =>
        (await GetUserAsync(userId, logId, cancellationToken))?.Name is { Length: > 0 } name ? name : handle ?? "";

    /// <summary><c>auth.test</c>: the bot's own user id, or null when it cannot be found out.</summary>
    public async Task<string?> GetBotUserIdAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("auth.test", content: null, "auth.test", cancellationToken);
        return response?.UserId;
    }

    /// <summary>
    /// Posts to a <c>response_url</c> from a slash command or an interaction (no token needed), if
    /// <see cref="ResponseUrlPolicy"/> allows its host; otherwise nothing is sent and the refusal is logged.
    /// </summary>
    public async Task<bool> PostToResponseUrlAsync(string responseUrl, CommandResponse message, string logId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || !ResponseUrlPolicy.IsAllowed(url, options.Value.ResponseUrlHosts))
        {
            logger.LogWarning(
                "Slack response_url for {LogId} refused: not https://{SlackHost}/ nor a host in Slack:ResponseUrlHosts ({Url}){UserInfo}; nothing was posted",
                logId, ResponseUrlPolicy.SlackHost, url is null ? "not a URL" : Shorten(url.Scheme + "://" + url.Authority, 100), // Authority leaves out user:password
                url is { UserInfo.Length: > 0 } ? ", or it carries a user name or password" : "");
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(message, SlackJsonContext.Default.CommandResponse),
        };
        return await SendAsync(request, "response_url", logId, cancellationToken) is not null;
    }

    private async Task<SlackApiResponse?> CallAsync(string method, HttpContent? content, string logId, CancellationToken cancellationToken) =>
        (await CallWithErrorAsync(method, content, logId, cancellationToken)).Response;

    private async Task<(SlackApiResponse? Response, string? Error)> CallWithErrorAsync(string method, HttpContent? content, string logId, CancellationToken cancellationToken)
    {
        var token = options.Value.BotToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            logger.LogError("Slack {Method} for {LogId} not sent: Slack:BotToken is not configured", method, logId);
            return (null, null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content ?? new FormUrlEncodedContent([]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendWithErrorAsync(request, method, logId, cancellationToken);
    }

    private async Task<SlackApiResponse?> SendAsync(HttpRequestMessage request, string method, string logId, CancellationToken cancellationToken) =>
        (await SendWithErrorAsync(request, method, logId, cancellationToken)).Response;

    /// <summary>The call's answer when it went well; else null and Slack's error code when Slack answered one (logged either way).</summary>
    private async Task<(SlackApiResponse? Response, string? Error)> SendWithErrorAsync(HttpRequestMessage request, string method, string logId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("Slack {Method} for {LogId} failed with HTTP {Status} after retries: {Body}",
                    method, logId, (int)response.StatusCode, Shorten(body));
                return (null, null);
            }

            var result = Parse(body);
            if (!result.Ok)
            {
                logger.LogError("Slack {Method} for {LogId} failed: {Error}", method, logId, result.Error ?? "unknown error");
                return (null, result.Error);
            }

            if (result.Warning is not null)
            {
                logger.LogDebug("Slack {Method} for {LogId} warned: {Warning}", method, logId, result.Warning);
            }

            return (result, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException or IOException)
        {
            // A network failure or refusal after the retries: its message says what happened (Polly's own error line has the stack).
            logger.LogError("Slack {Method} for {LogId} failed: {Message}", method, logId, ex.Message);
            return (null, null);
        }
    }

    /// <summary>Web API methods answer JSON; a response_url answers JSON or the bare text "ok".</summary>
    private static SlackApiResponse Parse(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("ok", StringComparison.OrdinalIgnoreCase))
        {
            return new SlackApiResponse(true);
        }

        try
        {
            return JsonSerializer.Deserialize(trimmed, SlackJsonContext.Default.SlackApiResponse) ?? new SlackApiResponse(false, "empty response");
        }
        catch (JsonException)
        {
            return new SlackApiResponse(false, "unreadable response: " + Shorten(trimmed));
        }
    }

    private static string Shorten(string s, int max = 200) => s.Length > max ? s[..max] + "…" : s;
}
