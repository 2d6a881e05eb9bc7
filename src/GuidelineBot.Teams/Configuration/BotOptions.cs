namespace GuidelineBot.Teams.Configuration;

/// <summary>Configuration section <c>Bot</c>: the Azure Bot registration (environment variables <c>Bot__MicrosoftAppId</c>, …).</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string SingleTenant = "SingleTenant";
    public const string MultiTenant = "MultiTenant";

    /// <summary>The bot's Microsoft App ID: the audience of inbound tokens and the client id of outbound ones. Empty = local mode.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant of a single-tenant bot.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>SingleTenant</c> (the default, and the only kind Azure still registers) or <c>MultiTenant</c>.</summary>
    public string MicrosoftAppType { get; set; } = SingleTenant;

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Where outbound tokens come from; default derived from the tenant.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// Local mode only (no App ID, Development, loopback): the service URL origins replies may go to. Default: the
    /// Microsoft 365 Agents Playground (<c>-p 56150</c>, its usual port) and the Bot Framework Emulator's fixed port (9000).
    /// </summary>
    public string[]? LocalServiceUrls { get; set; }

    public static readonly IReadOnlyList<string> DefaultLocalServiceUrls =
        ["http://localhost:56150", "http://127.0.0.1:56150", "http://localhost:9000", "http://127.0.0.1:9000"];

    public IReadOnlyList<string> AllowedLocalServiceUrls => LocalServiceUrls is { Length: > 0 } configured ? configured : DefaultLocalServiceUrls;

    /// <summary>No App ID: requests are not authenticated, so the bot serves them only in local mode (see <c>TeamsAccess</c>).</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsMultiTenant => string.Equals(MicrosoftAppType, MultiTenant, StringComparison.OrdinalIgnoreCase);

    public string ResolvedTokenEndpoint =>
        !string.IsNullOrWhiteSpace(TokenEndpoint)
            ? TokenEndpoint
            : $"https://login.microsoftonline.com/{Uri.EscapeDataString(IsMultiTenant ? "botframework.com" : MicrosoftAppTenantId ?? "")}/oauth2/v2.0/token";
}
