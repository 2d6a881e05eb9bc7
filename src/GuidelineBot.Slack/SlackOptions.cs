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

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    internal Uri ApiBaseUri => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/", UriKind.Absolute);

    internal static bool IsValidApiBaseUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
