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

    /// <summary>No App ID: requests without Authorization are accepted and only loopback service URLs are called.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsMultiTenant => string.Equals(MicrosoftAppType, MultiTenant, StringComparison.OrdinalIgnoreCase);

    public string ResolvedTokenEndpoint =>
        !string.IsNullOrWhiteSpace(TokenEndpoint)
            ? TokenEndpoint
            : $"https://login.microsoftonline.com/{Uri.EscapeDataString(IsMultiTenant ? "botframework.com" : MicrosoftAppTenantId ?? "")}/oauth2/v2.0/token";
}
