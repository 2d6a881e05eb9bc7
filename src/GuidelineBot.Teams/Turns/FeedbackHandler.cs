using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Storage;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Teams.Cards;

namespace GuidelineBot.Teams.Turns;

/// <summary>👍/👎 on an answer card: recorded in the store, then the card is updated to say thank you.</summary>
internal sealed class FeedbackHandler(IFeedbackStore feedback, IOnceStore once, AnswerService answers, TimeProvider time, GuidelineMetrics metrics)
{
    public const string Scope = "teams-feedback";

    public async Task HandleAsync(TeamsTurn turn, FeedbackSubmit submit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cardId = turn.Activity.ReplyToId;
        // A double click arrives twice before the card is updated: count one vote per person and card.
        var first = cardId is null || await once.TryClaimAsync(Scope, $"{turn.ConversationId}|{cardId}|{turn.UserId}", now, TimeSpan.FromDays(90), cancellationToken);
        if (first)
        {
            await feedback.AddAsync(new FeedbackRecord("teams", turn.UserId, submit.Question, submit.SectionId, submit.Helpful, now), cancellationToken);
            metrics.Feedback("teams", submit.Helpful);
        }

        // Rebuild the answered card (answers are deterministic) with a thank-you in place of the buttons.
        var card = answers.Ask(submit.Question, cancellationToken) is AnswerReply a && a.Section.Id == submit.SectionId
            ? AdaptiveCardRenderer.Answer(a, feedbackGiven: submit.Helpful)
            : AdaptiveCardRenderer.FeedbackThanks(submit.Helpful);
        if (cardId is null)
        {
            await turn.ReplyAsync(turn.Message(card, "Thanks for your feedback!"), cancellationToken);
        }
        else
        {
            // The update carries the card alone: the Agents Playground refuses updates that would split into two messages.
            await turn.UpdateAsync(cardId, turn.Message(card, text: null), cancellationToken);
        }
    }
}
