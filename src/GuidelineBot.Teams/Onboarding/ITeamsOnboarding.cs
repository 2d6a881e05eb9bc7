using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;

namespace GuidelineBot.Teams.Onboarding;

/// <summary>
/// Seam for guided onboarding (issue 5). <see cref="TurnDispatcher"/> offers every message to it first, and
/// <see cref="ConversationUpdateHandler"/> hands it the people (not the bot) in <c>membersAdded</c>. The implementation is
/// <see cref="TeamsOnboarding"/>; a proactive 1:1 chat is <see cref="PersonalChat"/>.
/// </summary>
internal interface ITeamsOnboarding
{
    /// <summary>True when the message belonged to onboarding (<c>onboard</c>, <c>start onboarding</c>, <c>resume</c>, its buttons).</summary>
    Task<bool> TryHandleMessageAsync(TeamsTurn turn, string text, CancellationToken cancellationToken);

    /// <summary>People (never the bot) were added to a team or chat where the bot is installed.</summary>
    Task MembersAddedAsync(TeamsTurn turn, IReadOnlyList<ChannelAccount> people, CancellationToken cancellationToken);
}
