using GuidelineBot.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Configuration;

/// <summary>How <c>/api/messages</c> is served.</summary>
internal enum TeamsMode
{
    /// <summary>App ID set: every request carries a Bot Connector JWT.</summary>
    Authenticated,

    /// <summary>No App ID, Development, and the server listens on loopback only: unauthenticated, for the Playground / Emulator.</summary>
    Local,

    /// <summary>No App ID otherwise: <c>/api/messages</c> answers 404.</summary>
    Off,
}

/// <summary>
/// Decides the <see cref="TeamsMode"/>. Unauthenticated local mode runs only when no App ID is set, the environment is
/// Development and every address the server listens on is loopback (known once the server has started, so the decision
/// is made on first use); with no App ID in any other case Teams is off.
/// </summary>
internal sealed class TeamsAccess(IOptions<BotOptions> options, LoopbackServer server)
{
    private readonly Lazy<(TeamsMode Mode, string Why)> _decision = new(() => Decide(options.Value, server));

    public TeamsMode Mode => _decision.Value.Mode;

    /// <summary>One sentence for the start-up log.</summary>
    public string Why => _decision.Value.Why;

    /// <summary>The part of the decision known before the server listens: false = Teams is certainly off.</summary>
    public static bool MayServe(BotOptions options, IHostEnvironment environment) => !options.IsLocalMode || environment.IsDevelopment();

    private static (TeamsMode, string) Decide(BotOptions options, LoopbackServer server)
    {
        if (!options.IsLocalMode)
        {
            return (TeamsMode.Authenticated, "Bot:MicrosoftAppId is set: /api/messages requires Bot Connector tokens.");
        }

        if (!server.IsDevelopment)
        {
            return (TeamsMode.Off, $"Teams is off: Bot:MicrosoftAppId is not set and the environment is {server.EnvironmentName}, " +
                                   "not Development, so /api/messages answers 404.");
        }

        if (!server.IsLocalOnly)
        {
            return (TeamsMode.Off, $"Teams is off: Bot:MicrosoftAppId is not set and the server listens on {string.Join(", ", server.Exposed)} " +
                                   "(not loopback only), so /api/messages answers 404 instead of running unauthenticated.");
        }

        return (TeamsMode.Local, "Bot:MicrosoftAppId is not set: /api/messages accepts requests without authentication (local mode " +
                                 "for the Microsoft 365 Agents Playground and the Bot Framework Emulator, loopback only) and replies " +
                                 $"only to {string.Join(", ", options.AllowedLocalServiceUrls)} (Bot:LocalServiceUrls).");
    }
}
