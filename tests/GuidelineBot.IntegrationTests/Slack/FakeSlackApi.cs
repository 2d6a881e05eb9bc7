using System.Collections.Concurrent;
using System.Text.Json;
using GuidelineBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>What the bot sent to the fake Slack.</summary>
/// <param name="Target">The Web API method (e.g. chat.postMessage) or the response_url id.</param>
/// <param name="ReceivedAt">When the fake received it (to check that Retry-After was waited for).</param>
public sealed record RecordedRequest(string Target, string? Authorization, string Body, DateTimeOffset ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Channel => Json.TryGetProperty("channel", out var c) ? c.GetString() : null;
}

/// <param name="RetryAfterSeconds">Sent as the Retry-After header (for 429).</param>
/// <param name="DelaySeconds">How long the fake waits before answering (a slow Slack).</param>
public sealed record ScriptedResponse(int Status, string Body = """{"ok":true}""", int? RetryAfterSeconds = null, double DelaySeconds = 0);

/// <summary>
/// A tiny Slack Web API + response_url endpoint on 127.0.0.1: records every request and answers
/// <c>{"ok":true}</c> unless a response was scripted for the request's channel (API; <c>users.info</c>: its user;
/// <c>views.open</c>: its trigger_id) or id (response_url).
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotUserIdFromAuthTest = "UAUTHTESTBOT";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new();
    private readonly ConcurrentDictionary<string, ScriptedResponse> _always = new();
    private readonly ConcurrentDictionary<string, bool> _bots = new();
    private readonly ConcurrentDictionary<string, string[]> _members = new();
    private int _posts;

    private FakeSlackApi(WebApplication app) => _app = app;

    public string Root { get; private set; } = "";

    public string ApiBaseUrl => Root + "/api/";

    /// <summary><c>127.0.0.1:port</c>: the entry that allows this fake in <c>Slack:ResponseUrlHosts</c>.</summary>
    public string HostAndPort => new Uri(Root).Authority;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public string ResponseUrl(string id) => $"{Root}/response/{id}";

    public IReadOnlyList<RecordedRequest> PostsTo(string channel) =>
        Requests.Where(r => r.Target == "chat.postMessage" && r.Channel == channel).ToList();

    /// <summary>The real name this fake's <c>users.info</c> returns for <paramref name="userId"/>.</summary>
    public static string RealName(string userId) => "Person " + userId;

    /// <summary>From now on <c>users.info</c> says <paramref name="userId"/> is a bot.</summary>
    public void MarkAsBot(string userId) => _bots[userId] = true;

    /// <summary>A page of <c>conversations.members</c>: these members, then the cursor of the next page ("" for the last).</summary>
    public static string MembersBody(IEnumerable<string> members, string nextCursor = "") =>
        JsonSerializer.Serialize(new { ok = true, members, response_metadata = new { next_cursor = nextCursor } });

    /// <summary>What <c>users.info</c> answers for <paramref name="user"/> (its <see cref="RealName"/>).</summary>
    public static string UserInfoBody(string user, bool isBot = false) => JsonSerializer.Serialize(new
    {
        ok = true,
        user = new { id = user, name = user.ToLowerInvariant(), real_name = RealName(user), is_bot = isBot, profile = new { real_name = RealName(user) } },
    });

    private string UserInfo(string formBody)
    {
        var user = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(formBody).TryGetValue("user", out var id) ? id.ToString() : "";
        return UserInfoBody(user, _bots.ContainsKey(user));
    }

    /// <summary>The DM channel id this fake's <c>conversations.open</c> returns for <paramref name="userId"/>.</summary>
    public static string DirectMessageChannel(string userId) => "D" + userId;

    /// <summary>The <c>conversations.open</c> calls for <paramref name="userId"/>.</summary>
    public IReadOnlyList<RecordedRequest> OpensFor(string userId) =>
        Requests.Where(r => r.Target == "conversations.open" && r.Json.TryGetProperty("users", out var u) && u.GetString() == userId).ToList();

    public IReadOnlyList<RecordedRequest> ResponseUrlPosts(string id) => Requests.Where(r => r.Target == "response/" + id).ToList();

    /// <summary>The requests to one Web API method (e.g. <c>views.open</c>), in order.</summary>
    public IReadOnlyList<RecordedRequest> Calls(string method) => Requests.Where(r => r.Target == method).ToList();

    /// <summary>From now on <c>conversations.members</c> of <paramref name="channel"/> lists these people (two per page).</summary>
    public void SetMembers(string channel, params string[] users) => _members[channel] = users;

    /// <summary>The next requests for <paramref name="key"/> (channel or response_url id) get these answers, in order.</summary>
    public void Script(string key, params ScriptedResponse[] responses) => _scripts[key] = new ConcurrentQueue<ScriptedResponse>(responses);

    public void AlwaysAnswer(string key, ScriptedResponse response) => _always[key] = response;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", (HttpContext c, string method) => fake.HandleAsync(c, method, api: true));
        app.MapPost("/response/{id}", (HttpContext c, string id) => fake.HandleAsync(c, "response/" + id, api: false, key: id));
        await app.StartAsync();
        fake.Root = app.Urls.Single().TrimEnd('/');
        return fake;
    }

    private async Task HandleAsync(HttpContext context, string target, bool api, string? key = null)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(target, context.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow);
        _requests.Enqueue(request);

        key ??= api ? (body.TrimStart().StartsWith('{') ? request.Channel ?? TriggerId(request) ?? OpenKey(request) : FormField(body, "channel") ?? FormField(body, "user")) : null;
        var response = Refusal(request, api) ?? Next(key) ?? new ScriptedResponse(200, target switch
        {
            "auth.test" => $$"""{"ok":true,"user_id":"{{BotUserIdFromAuthTest}}"}""",
            "users.info" => UserInfo(body),
            "conversations.open" => $$$"""{"ok":true,"channel":{"id":"{{{DirectMessageChannel(request.Json.GetProperty("users").GetString()!)}}}"}}""",
            "conversations.members" => MembersPage(body),
            // Every post gets its own ts, as in Slack (a ticket post's ts is the thread experts reply in).
            "chat.postMessage" => $$"""{"ok":true,"ts":"1700000100.{{Interlocked.Increment(ref _posts):000000}}","channel":"{{request.Channel}}"}""",
            _ => api ? """{"ok":true,"ts":"1700000000.000100","channel":"C0SOMEWHERE"}""" : """{"ok":true}""",
        });
        if (response.DelaySeconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(response.DelaySeconds), CancellationToken.None);
        }

        context.Response.StatusCode = response.Status;
        if (response.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body);
    }

    /// <summary>
    /// Slack's answer to blocks or a modal that break Block Kit's rules (<see cref="BlockKitRules"/>): <c>invalid_blocks</c>
    /// from the Web API (with the broken rules in <c>errors</c>), 400 from a response_url.
    /// </summary>
    private ScriptedResponse? Refusal(RecordedRequest request, bool api)
    {
        if (!request.Body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        var root = request.Json;
        var checkedPart = root.TryGetProperty("view", out var view) ? view : root;
        if (!checkedPart.TryGetProperty("blocks", out _))
        {
            return null;
        }

        var violations = BlockKitRules.Violations(checkedPart);
        if (violations.Count == 0)
        {
            return null;
        }

        return api
            ? new ScriptedResponse(200, JsonSerializer.Serialize(new { ok = false, error = "invalid_blocks", errors = violations }))
            : new ScriptedResponse(400, "invalid_blocks");
    }

    /// <summary>The key <see cref="Script"/> takes for the <c>conversations.open</c> calls for <paramref name="userId"/>.</summary>
    public static string OpenKey(string userId) => "open:" + userId;

    private static string? OpenKey(RecordedRequest request) =>
        request.Target == "conversations.open" && request.Json.TryGetProperty("users", out var users) ? OpenKey(users.GetString()!) : null;

    private static string? TriggerId(RecordedRequest request) =>
        request.Json.TryGetProperty("trigger_id", out var trigger) ? trigger.GetString() : null;

    private static string? FormField(string body, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body).TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>Two members per page; the cursor is the index of the next member.</summary>
    private string MembersPage(string body)
    {
        var members = _members.TryGetValue(FormField(body, "channel") ?? "", out var listed) ? listed : [];
        var from = int.TryParse(FormField(body, "cursor"), out var cursor) ? cursor : 0;
        var next = from + 2 < members.Length ? (from + 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return MembersBody(members.Skip(from).Take(2), next);
    }

    private ScriptedResponse? Next(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (_scripts.TryGetValue(key, out var queue) && queue.TryDequeue(out var scripted))
        {
            return scripted;
        }

        return _always.TryGetValue(key, out var always) ? always : null;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
