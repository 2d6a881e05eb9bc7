namespace GuidelineBot.Slack;

/// <summary>The <c>Slack</c> configuration section. Without a signing secret the Slack endpoints are off.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>App credentials → Signing Secret. Every request from Slack is verified with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API: answering mentions and DMs.</summary>
    public string? BotToken { get; set; }

    /// <summary>Base address of the Slack Web API; tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The slash command as installed from the manifest; used in help texts.</summary>
    public string Command { get; set; } = "/guidelines";

    /// <summary>
    /// Hosts besides <c>https://hooks.slack.com/</c> that a <c>response_url</c> may point to: <c>host</c> or
    /// <c>host:port</c> (https; plain http only for loopback entries such as <c>127.0.0.1:5005</c>). Tests add their fake.
    /// </summary>
    public List<string> ResponseUrlHosts { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    internal Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);

    internal static bool IsValidApiBaseUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
