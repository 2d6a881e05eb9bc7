using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Storage;
using GuidelineBot.Teams.Cards;

namespace GuidelineBot.Teams.Turns;

/// <summary>The welcome card, once per conversation: the claim lives in the store, so restarts and replicas agree.</summary>
internal sealed class WelcomeSender(IOnceStore once, AnswerService answers, TimeProvider time)
{
    public const string Scope = "teams-welcome";

    public async Task SendOnceAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        if (!await once.TryClaimAsync(Scope, turn.ConversationId, time.GetUtcNow(), expiresAfter: null, cancellationToken))
        {
            return;
        }

        var help = answers.Help("welcome");
        await turn.SendAsync(turn.Message(AdaptiveCardRenderer.Welcome(help), ReplyText.Render(help)), cancellationToken);
    }
}
