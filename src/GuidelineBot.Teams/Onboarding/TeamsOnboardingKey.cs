using GuidelineBot.Core.Onboarding;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Onboarding;

/// <summary>
/// Whose onboarding: <c>("teams", aadObjectId)</c>, else <c>("teams", id)</c>. The Entra object id is the person's one
/// identity across chats, teams and bot registrations, and Teams sends it both on messages (<c>from.aadObjectId</c>) and
/// in <c>membersAdded</c>, so the member-added auto-start and a later typed <c>resume</c> reach the same state (the
/// <c>29:…</c> id is only the fallback for clients that send no object id, e.g. the Emulator). Feedback uses the same id.
/// </summary>
internal static class TeamsOnboardingKey
{
    public const string Channel = "teams";

    public static OnboardingKey For(ChannelAccount? person) =>
        new(Channel, person?.AadObjectId is { Length: > 0 } aad ? aad : person?.Id is { Length: > 0 } id ? id : "unknown");
}
