using GuidelineBot.Teams.Onboarding;

namespace GuidelineBot.Teams.Turns;

/// <summary><c>conversationUpdate</c>: the bot among <c>membersAdded</c> = installed (welcome); other members = new people (onboarding seam).</summary>
internal sealed class ConversationUpdateHandler(WelcomeSender welcome, ITeamsOnboarding onboarding)
{
    public async Task HandleAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var added = turn.Activity.MembersAdded ?? [];
        var botId = turn.Activity.Recipient?.Id;
        if (added.Any(m => IsBot(m.Id, botId)))
        {
            await welcome.SendOnceAsync(turn, cancellationToken);
        }

        var people = added.Where(m => !string.IsNullOrEmpty(m.Id) && !IsBot(m.Id, botId)).ToList();
        if (people.Count > 0)
        {
            await onboarding.MembersAddedAsync(turn, people, cancellationToken);
        }
    }

    private static bool IsBot(string? memberId, string? botId) =>
        !string.IsNullOrEmpty(botId) && string.Equals(memberId, botId, StringComparison.OrdinalIgnoreCase);
}
