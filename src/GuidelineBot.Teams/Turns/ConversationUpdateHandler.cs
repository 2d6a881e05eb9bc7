using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Turns;

/// <summary>
/// <c>conversationUpdate</c>: the bot among <c>membersAdded</c> = installed (welcome); other people added to a team's
/// channel = new staff (onboarding auto-start; other bots added are no staff). Group chats and 1:1 installs do not auto-start.
/// </summary>
internal sealed class ConversationUpdateHandler(TeamsConversation conversation)
{
    public async Task HandleAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var added = turn.Activity.MembersAdded ?? [];
        var botId = turn.Activity.Recipient?.Id;
        if (added.Any(m => IsBot(m.Id, botId)))
        {
            await conversation.WelcomeAsync(turn, cancellationToken);
        }

        var people = added.Where(m => !string.IsNullOrEmpty(m.Id) && !IsBot(m.Id, botId) && !IsOtherBot(m.Id)).ToList();
        if (people.Count > 0 && IsTeam(turn.Activity))
        {
            await conversation.MembersAddedAsync(turn, people, cancellationToken);
        }
    }

    private static bool IsBot(string? memberId, string? botId) =>
        !string.IsNullOrEmpty(botId) && string.Equals(memberId, botId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Another bot added beside people: Teams gives bots ids that start with <c>28:</c> (people's start with <c>29:</c>).</summary>
    private static bool IsOtherBot(string? memberId) => memberId?.StartsWith("28:", StringComparison.Ordinal) == true;

    /// <summary>A team's channel (Teams adds <c>channelData.team</c>).</summary>
    private static bool IsTeam(Activity activity) =>
        activity.Conversation?.ConversationType == "channel" || ActivityChannelData.Id(activity, ActivityChannelData.Team) is not null;
}
