using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;

namespace GuidelineBot.Teams.Onboarding;

/// <summary>
/// Seam for guided onboarding (issue 5). <see cref="TurnDispatcher"/> offers every message to it first, and
/// <see cref="ConversationUpdateHandler"/> hands it the people (not the bot) in <c>membersAdded</c>. Replace the registration
/// (<c>services.Replace(ServiceDescriptor.Scoped&lt;ITeamsOnboarding, …&gt;())</c>) to switch onboarding on; a proactive 1:1 chat
/// is <see cref="Connector.ConnectorClient.CreateConversationAsync"/>.
/// </summary>
internal interface ITeamsOnboarding
{
    /// <summary>True when the message belonged to onboarding (<c>onboard</c>, <c>start onboarding</c>, <c>resume</c>, its buttons).</summary>
    Task<bool> TryHandleMessageAsync(TeamsTurn turn, string text, CancellationToken cancellationToken);

    /// <summary>People (never the bot) were added to a team or chat where the bot is installed.</summary>
    Task MembersAddedAsync(TeamsTurn turn, IReadOnlyList<ChannelAccount> people, CancellationToken cancellationToken);
}

/// <summary>Until onboarding exists: the trigger words get an honest "not yet", new members nothing.</summary>
internal sealed class NoTeamsOnboarding : ITeamsOnboarding
{
    public static bool IsTrigger(string text) =>
        text.Trim().ToLowerInvariant() is "onboard" or "start onboarding" or "resume";

    public async Task<bool> TryHandleMessageAsync(TeamsTurn turn, string text, CancellationToken cancellationToken)
    {
        if (!IsTrigger(text))
        {
            return false;
        }

        await turn.ReplyAsync(turn.Message("Guided onboarding isn't switched on yet. Ask me any question about the guidelines, or type help."), cancellationToken);
        return true;
    }

    public Task MembersAddedAsync(TeamsTurn turn, IReadOnlyList<ChannelAccount> people, CancellationToken cancellationToken) => Task.CompletedTask;
}
