using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Teams.Cards;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Onboarding;

/// <summary>The engine's outputs as outgoing activities: a card each, plus its plain <c>text</c> (as every GuidelineBot message).</summary>
internal static class OnboardingMessages
{
    /// <param name="template">An outgoing activity addressed to the right conversation (from the bot, to the person).</param>
    public static IEnumerable<Activity> For(IEnumerable<OnboardingOutput> outputs, Activity template)
    {
        foreach (var output in outputs)
        {
            if (output is OnboardingAnsweredQuestion answered)
            {
                // The answer is a normal answer card (with 👍/👎, which update that card alone); "Continue onboarding?" follows.
                var card = AdaptiveCardRenderer.Render(answered.Reply);
                yield return template with
                {
                    Text = ReplyText.Render(answered.Reply),
                    TextFormat = "plain",
                    Attachments = card is null ? null : [card],
                };
                if (!answered.OfferContinue)
                {
                    continue;
                }
            }

            yield return template with
            {
                Text = OnboardingCardRenderer.FallbackText(output),
                TextFormat = "plain",
                Attachments = [OnboardingCardRenderer.Render(output)],
            };
        }
    }
}
