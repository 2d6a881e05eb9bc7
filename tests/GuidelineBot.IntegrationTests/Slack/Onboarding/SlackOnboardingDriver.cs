using System.Net;
using System.Text.Json;
using GuidelineBot.Testing;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack.Onboarding;

/// <summary>
/// One Slack user going through onboarding over the real HTTP endpoints (slash command, DM events, button clicks), and
/// what the bot posted into their DM on the fake Slack API. Several drivers (one per server) may share a user.
/// </summary>
public sealed class SlackOnboardingDriver(HttpClient client, FakeSlackApi api, string user)
{
    public const string Team = "T0TEAM";

    public string User => user;

    /// <summary>The DM channel the fake's conversations.open returns for the user.</summary>
    public string Channel => FakeSlackApi.DirectMessageChannel(user);

    /// <summary>Everything posted into the DM so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> Posts => api.PostsTo(Channel).Select(p => p.Json).ToList();

    /// <summary>The engine's key for this user (team id + user id).</summary>
    public string KeyUserId => $"{Team}:{user}";

    /// <summary><c>/guidelines {text}</c>: returns the (ephemeral) command response and the <paramref name="expected"/> DM posts it causes.</summary>
    public async Task<(JsonElement Response, IReadOnlyList<JsonElement> Posts)> CommandAsync(string text, int expected)
    {
        JsonElement body = default;
        var posts = await ExpectAsync(expected, async () =>
        {
            using var response = await client.SendAsync(Signed("/slack/commands", Command(text, api.ResponseUrl("cmd-" + user), user: user), FormType, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        });
        return (body, posts);
    }

    /// <summary>Types <paramref name="text"/> in the DM (a <c>message.im</c> event).</summary>
    public Task<IReadOnlyList<JsonElement>> TypeAsync(string text, int expected, string? eventId = null) =>
        ExpectAsync(expected, async () =>
        {
            var slackEvent = new { type = "message", channel_type = "im", user, text, ts = "1700000100.000100", channel = Channel, team = Team };
            using var response = await client.SendAsync(Signed("/slack/events", Event(eventId ?? SlackHost.NewId("Ev"), slackEvent), JsonType, DateTimeOffset.UtcNow));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

    /// <summary>Clicks the button labelled <paramref name="label"/> (exactly, or as a prefix) on the latest DM post that has one.</summary>
    public Task<IReadOnlyList<JsonElement>> ClickAsync(string label, int expected) => ClickAsync(FindButton(label), expected);

    public Task<IReadOnlyList<JsonElement>> ClickAsync(JsonElement button, int expected) =>
        ExpectAsync(expected, async () =>
        {
            using var response = await SendClickAsync(button);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

    public async Task<HttpResponseMessage> SendClickAsync(JsonElement button)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["user"] = new { id = user, username = "pat", name = "pat", team_id = Team },
            ["team"] = new { id = Team, domain = "district" },
            ["channel"] = new { id = Channel, name = "directmessage" },
            ["container"] = new { type = "message", message_ts = "1700000000.000100", channel_id = Channel, is_ephemeral = false },
            ["trigger_id"] = "123.456.abc",
            ["response_url"] = api.ResponseUrl("click-" + user),
            ["actions"] = new[]
            {
                new
                {
                    action_id = button.GetProperty("action_id").GetString(), block_id = "onboarding_actions",
                    value = button.GetProperty("value").GetString(), type = "button", action_ts = "1700000001.000300",
                },
            },
        });
        return await client.SendAsync(Signed("/slack/interactions", Form(("payload", payload)), FormType, DateTimeOffset.UtcNow));
    }

    /// <summary>The button labelled <paramref name="label"/> on the latest DM post that has one.</summary>
    public JsonElement FindButton(string label) =>
        Posts.Reverse().SelectMany(Buttons).FirstOrDefault(b => Label(b).StartsWith(label, StringComparison.Ordinal)) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new InvalidOperationException($"No button '{label}' in the DM; last post: {Posts.LastOrDefault()}");

    public static IEnumerable<JsonElement> Buttons(JsonElement post) =>
        BlockKitText.Blocks(post, "actions").SelectMany(a => a.GetProperty("elements").EnumerateArray());

    public static string Label(JsonElement button) => button.GetProperty("text").GetProperty("text").GetString()!;

    public static string? Header(JsonElement post) =>
        BlockKitText.Blocks(post, "header").Select(h => h.GetProperty("text").GetProperty("text").GetString()).FirstOrDefault();

    public static string AllText(JsonElement post) => string.Join("\n", BlockKitText.All(post.GetProperty("blocks")));

    /// <summary>Runs <paramref name="act"/> and waits until it caused <paramref name="expected"/> new DM posts; returns them.</summary>
    public async Task<IReadOnlyList<JsonElement>> ExpectAsync(int expected, Func<Task> act)
    {
        var before = Posts.Count;
        await act();
        await Eventually.WaitUntilAsync(() => Posts.Count >= before + expected, $"{expected} new DM post(s) for {user} (had {before})");
        return Posts.Skip(before).ToList();
    }
}
