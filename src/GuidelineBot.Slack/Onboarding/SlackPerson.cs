using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// Who is onboarding in Slack. The engine's key is <c>("slack", "&lt;team_id&gt;:&lt;user_id&gt;")</c> — the workspace
/// the request came from plus the user id (just the user id if Slack sent no team), so the same person gets the same
/// state from the slash command, DMs, buttons and join events, and two workspaces never share state.
/// </summary>
/// <param name="DisplayName">The best name the request carried (may be empty: the engine then keeps the stored one).</param>
public sealed record SlackPerson(string UserId, string? TeamId, string DisplayName = "")
{
    public const string Channel = "slack";

    public OnboardingKey Key => new(Channel, string.IsNullOrEmpty(TeamId) ? UserId : $"{TeamId}:{UserId}");

    /// <summary>How logs name this person: a hash of the key, never the ids (<see cref="LogText"/>).</summary>
    public string LogName => LogText.Pseudonym(Key.UserId);
}
