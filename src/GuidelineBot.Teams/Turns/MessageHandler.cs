using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Teams.Onboarding;

namespace GuidelineBot.Teams.Turns;

/// <summary>A question (typed, or a topic button): typing indicator, then the core's reply as a card.</summary>
internal sealed class MessageHandler(AnswerService answers, ITeamsOnboarding onboarding, GuidelineMetrics metrics)
{
    public async Task HandleAsync(TeamsTurn turn, string text, CancellationToken cancellationToken)
    {
        if (await onboarding.TryHandleMessageAsync(turn, text, cancellationToken))
        {
            return;
        }

        await turn.TypingAsync(cancellationToken);
        var reply = answers.Ask(text, cancellationToken);
        metrics.Question("teams", reply);
        await turn.ReplyAsync(turn.Message(reply), cancellationToken);
    }
}
