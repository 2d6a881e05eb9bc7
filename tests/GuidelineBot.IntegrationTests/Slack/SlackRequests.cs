using System.Globalization;
using System.Text;
using System.Text.Json;
using GuidelineBot.Slack.Signing;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>Builds requests the way Slack sends them, signed with the test secret.</summary>
public static class SlackRequests
{
    public const string FormType = "application/x-www-form-urlencoded";
    public const string JsonType = "application/json";

    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset at,
        string secret = SlackBotFactory.SigningSecret, int? retryNum = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Unsigned(path, body, contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    public static HttpRequestMessage Unsigned(string path, string body, string contentType) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static string Command(string text, string responseUrl, string user = "U0PERSON", string channel = "C0GENERAL") =>
        Form(("token", "deprecated"), ("team_id", "T0TEAM"), ("team_domain", "district"), ("channel_id", channel),
            ("channel_name", "general"), ("user_id", user), ("user_name", "pat"), ("command", "/guidelines"), ("text", text),
            ("response_url", responseUrl), ("trigger_id", "123.456.abc"), ("api_app_id", "A0APP"));

    /// <summary>An <c>event_callback</c> envelope around <paramref name="slackEvent"/> (an anonymous object).</summary>
    /// <param name="botAuthorization">False: the authorization is a user installation (<c>is_bot:false</c>), so its id is a person's.</param>
    public static string Event(string eventId, object slackEvent, string? botUserId = "U0BOT", bool botAuthorization = true)
    {
        var envelope = new Dictionary<string, object?>
        {
            ["token"] = "deprecated",
            ["team_id"] = "T0TEAM",
            ["api_app_id"] = "A0APP",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1700000000,
            ["event"] = slackEvent,
        };
        if (botUserId is not null)
        {
            envelope["authorizations"] = new[] { new Dictionary<string, object> { ["user_id"] = botUserId, ["team_id"] = "T0TEAM", ["is_bot"] = botAuthorization } };
        }

        return JsonSerializer.Serialize(envelope);
    }

    public static string Interaction(string actionId, string value, string responseUrl, string user = "U0PERSON", bool ephemeral = true) =>
        Form(("payload", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["user"] = new { id = user, username = "pat", team_id = "T0TEAM" },
            ["team"] = new { id = "T0TEAM", domain = "district" },
            ["channel"] = new { id = "C0GENERAL", name = "general" },
            ["container"] = new { type = "message", message_ts = "1700000000.000200", channel_id = "C0GENERAL", is_ephemeral = ephemeral },
            ["trigger_id"] = "123.456.abc",
            ["response_url"] = responseUrl,
            ["actions"] = new[]
            {
                new { action_id = actionId, block_id = "answer_actions", value, type = "button", action_ts = "1700000001.000300" },
            },
        })));
}
