namespace GuidelineBot.Teams.Turns;

/// <summary><c>installationUpdate</c> with <c>action: add</c>: the app was installed here (welcome, once per conversation).</summary>
internal sealed class InstallationUpdateHandler(WelcomeSender welcome)
{
    public Task HandleAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        string.Equals(turn.Activity.Action, "add", StringComparison.OrdinalIgnoreCase)
            ? welcome.SendOnceAsync(turn, cancellationToken)
            : Task.CompletedTask;
}
