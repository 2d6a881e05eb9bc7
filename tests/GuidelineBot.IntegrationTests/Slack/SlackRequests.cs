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

    /// <summary>A POST of <paramref name="body"/> as UTF-8; a <paramref name="contentType"/> with parameters is sent as written.</summary>
    public static HttpRequestMessage Unsigned(string path, string body, string contentType)
    {
        if (!contentType.Contains(';', StringComparison.Ordinal))
        {
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        }

        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

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

    /// <param name="threadTs">The thread the message with the button is in, if any.</param>
    public static string Interaction(string actionId, string value, string responseUrl, string user = "U0PERSON", bool ephemeral = true,
        string channel = "C0GENERAL", string? threadTs = null, string triggerId = "123.456.abc") =>
        Form(("payload", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["user"] = new { id = user, username = "pat", team_id = "T0TEAM" },
            ["team"] = new { id = "T0TEAM", domain = "district" },
            ["channel"] = new { id = channel, name = "general" },
            ["container"] = threadTs is null
                ? new { type = "message", message_ts = "1700000000.000200", channel_id = channel, is_ephemeral = ephemeral }
                : new { type = "message", message_ts = "1700000000.000200", channel_id = channel, is_ephemeral = ephemeral, thread_ts = threadTs },
            ["trigger_id"] = triggerId,
            ["response_url"] = responseUrl,
            ["actions"] = new[]
            {
                new { action_id = actionId, block_id = "answer_actions", value, type = "button", action_ts = "1700000001.000300" },
            },
        })));

    /// <summary>
    /// A modal's <c>view_submission</c>: the view's <paramref name="callbackId"/> and <paramref name="privateMetadata"/> as
    /// the bot opened it, and the fields as Slack sends them (<c>values[block][action]</c>): texts, and ticked checkboxes.
    /// </summary>
    public static string ViewSubmission(string callbackId, string privateMetadata, string user, IReadOnlyDictionary<string, string>? texts = null,
        IReadOnlyDictionary<string, bool>? ticks = null)
    {
        var values = new Dictionary<string, object>();
        foreach (var (id, text) in texts ?? new Dictionary<string, string>())
        {
            values[id] = new Dictionary<string, object> { [id] = new { type = "plain_text_input", value = text } };
        }

        foreach (var (id, ticked) in ticks ?? new Dictionary<string, bool>())
        {
            var selected = ticked ? new[] { new { text = new { type = "plain_text", text = "Yes" }, value = "true" } } : [];
            values[id] = new Dictionary<string, object> { [id] = new { type = "checkboxes", selected_options = selected } };
        }

        return Form(("payload", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "view_submission",
            ["team"] = new { id = "T0TEAM", domain = "district" },
            ["user"] = new { id = user, username = "pat", name = "pat", team_id = "T0TEAM" },
            ["api_app_id"] = "A0APP",
            ["trigger_id"] = "789.012.def",
            ["view"] = new Dictionary<string, object>
            {
                ["id"] = "V" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata,
                ["state"] = new { values },
            },
        })));
    }
}
