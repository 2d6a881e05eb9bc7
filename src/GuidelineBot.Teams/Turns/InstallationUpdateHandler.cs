namespace GuidelineBot.Teams.Turns;

/// <summary><c>installationUpdate</c> with <c>action: add</c>: the app was installed here (welcome, once per conversation).</summary>
internal sealed class InstallationUpdateHandler(TeamsConversation conversation)
{
    public Task HandleAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        string.Equals(turn.Activity.Action, "add", StringComparison.OrdinalIgnoreCase)
            ? conversation.WelcomeAsync(turn, cancellationToken)
            : Task.CompletedTask;
}
