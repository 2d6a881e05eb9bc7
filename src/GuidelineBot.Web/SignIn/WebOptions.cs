namespace GuidelineBot.Web.SignIn;

/// <summary>Configuration section <c>Web</c>: the browser channel and its sign-in (environment variables <c>Web__Authority</c>, …).</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>The web chat at <c>/</c>; false = 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The OpenID Connect issuer, e.g. <c>https://login.microsoftonline.com/TENANT/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The app registration's client (application) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>Optional: with it sign-in uses the authorization code flow; without it, the id_token flow (form post).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Messages and button presses one person may send per minute.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Both <see cref="Authority"/> and <see cref="ClientId"/> set: browser users sign in through OpenID Connect.</summary>
    public bool SignInConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
