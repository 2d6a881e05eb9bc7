using System.Globalization;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Teams.Protocol;
using static GuidelineBot.Teams.Cards.AdaptiveCardRenderer;

namespace GuidelineBot.Teams.Cards;

/// <summary>
/// The onboarding engine's outputs as Adaptive Cards (1.5). Every button is an Action.Submit whose <c>data</c> carries the
/// engine's button value (<see cref="CardActions.OnboardingData"/>); the plain text of each message is
/// <see cref="MessageText.Render(OutboundMessage)"/> (also the card's <c>fallbackText</c>).
/// </summary>
internal static class OnboardingCardRenderer
{
    /// <summary>The card for one output. A free question's answer is rendered by the caller (it is a normal answer card);
    /// for <see cref="OnboardingAnsweredQuestion"/> this is the "Continue onboarding?" card that follows it.</summary>
    public static Attachment Render(OnboardingOutput output)
    {
        var body = output switch
        {
            OnboardingGreeting g => Greeting(g),
            OnboardingSection s => Section(s),
            OnboardingCheckQuestion q => CheckQuestion(q),
            OnboardingCheckFeedback f => CheckFeedback(f),
            OnboardingAcknowledgePrompt a => AcknowledgePrompt(a),
            OnboardingAcknowledgementRecorded r => [TextBlock("✅ Acknowledgement recorded", weight: "Bolder"), TextBlock(MessageText.Render(new OnboardingMessage(r)))],
            OnboardingSummary s => Summary(s),
            OnboardingAnsweredQuestion => [TextBlock(OnboardingAnsweredQuestion.ContinuePrompt, weight: "Bolder")],
            _ => [TextBlock(MessageText.Render(new OnboardingMessage(output)))],
        };
        if (output.Buttons.Count > 0 && output is not OnboardingCheckQuestion)
        {
            body.Add(Buttons(output.Buttons.Select(b => (b.Label, b))));
        }

        return Card(body, FallbackText(output));
    }

    /// <summary>The plain text that travels with the card (notifications, accessibility, clients without cards).</summary>
    public static string FallbackText(OnboardingOutput output) => output is OnboardingAnsweredQuestion
        ? OnboardingAnsweredQuestion.ContinuePrompt
        : MessageText.Render(new OnboardingMessage(output));

    private static JsonArray Greeting(OnboardingGreeting g)
    {
        var title = string.IsNullOrWhiteSpace(g.DisplayName) ? "Welcome! 👋" : $"Welcome, {g.DisplayName}! 👋";
        var what = g.DocumentCount > 1
            ? string.Create(CultureInfo.InvariantCulture, $"Document {g.DocumentNumber} of {g.DocumentCount}: the **{g.DocumentTitle}**")
            : $"Let's walk through the **{g.DocumentTitle}**";
        var checks = g.CheckQuestionCount > 0
            ? string.Create(CultureInfo.InvariantCulture, $" and {g.CheckQuestionCount} quick check questions")
            : "";
        return
        [
            TextBlock(title, size: "Large", weight: "Bolder"),
            TextBlock(string.Create(CultureInfo.InvariantCulture, $"{what} — {g.TopicCount} topics{checks}, about {g.Minutes} minutes.")),
            TextBlock("One topic at a time: press **Next** when you're ready, ask a question any time, or **Pause** and type *resume* later."),
        ];
    }

    private static JsonArray Section(OnboardingSection s)
    {
        var progress = TextBlock(string.Create(CultureInfo.InvariantCulture, $"Topic {s.Number} of {s.Total} · {s.Section.DocumentTitle}"), size: "Small");
        progress["isSubtle"] = true;
        return
        [
            progress,
            TextBlock(s.Section.Heading, size: "Large", weight: "Bolder"),
            TextBlock(s.Section.Text),
            Citation(s.Section),
        ];
    }

    /// <summary>The choices in full as text (button titles get cut short in Teams), one lettered button each.</summary>
    private static JsonArray CheckQuestion(OnboardingCheckQuestion q)
    {
        var progress = TextBlock(string.Create(CultureInfo.InvariantCulture, $"Check question {q.Number} of {q.Total} · {q.DocumentTitle}"), size: "Small");
        progress["isSubtle"] = true;
        var body = new JsonArray { progress, TextBlock(q.Prompt, weight: "Bolder") };
        for (var i = 0; i < q.Choices.Count; i++)
        {
            body.Add(TextBlock($"**{Letter(i)}.** {q.Choices[i]}"));
        }

        body.Add(Buttons(q.Buttons.Select((b, i) => (Letter(i), b))));
        return body;
    }

    private static JsonArray CheckFeedback(OnboardingCheckFeedback f)
    {
        if (f.Correct)
        {
            var right = new JsonArray { TextBlock("✅ Correct.", weight: "Bolder") };
            if (f.Explanation is not null)
            {
                right.Add(TextBlock(f.Explanation));
            }

            return right;
        }

        var body = new JsonArray
        {
            TextBlock("Not quite. Here is what the guidelines say:", weight: "Bolder"),
            TextBlock(f.Section.Heading, weight: "Bolder", separator: true),
            TextBlock(f.GuidelineText),
            Citation(f.Section),
        };
        if (f.Explanation is not null)
        {
            body.Add(TextBlock(f.Explanation, separator: true));
        }

        return body;
    }

    /// <summary>"I have read and understand the <i>Title</i>" (Adaptive Card Markdown: <c>*…*</c> is italic).</summary>
    private static JsonArray AcknowledgePrompt(OnboardingAcknowledgePrompt a) =>
    [
        TextBlock("Acknowledgement", size: "Large", weight: "Bolder"),
        TextBlock("Please confirm that you have read these guidelines. Your name, the time and the document version are recorded."),
        TextBlock($"I have read and understand the *{a.DocumentTitle}*", weight: "Bolder"),
    ];

    private static JsonArray Summary(OnboardingSummary s)
    {
        var body = new JsonArray
        {
            TextBlock("You're all set 🎉", size: "Large", weight: "Bolder"),
            TextBlock(MessageText.Render(new OnboardingMessage(s))),
        };
        if (s.ExampleQuestions.Count > 0)
        {
            body.Add(TextBlock("Try asking", weight: "Bolder", separator: true));
            body.Add(AskButtons(s.ExampleQuestions.Take(3)));
        }

        return body;
    }

    private static JsonObject Buttons(IEnumerable<(string Title, OnboardingButton Button)> buttons) =>
        ActionSet(buttons.Select(b =>
        {
            var action = Submit(b.Title, CardActions.OnboardingData(b.Button.Value));
            if (b.Button.Primary)
            {
                action["style"] = "positive";
            }

            return action;
        }).ToArray());

    private static string Letter(int index) => ((char)('A' + index)).ToString();
}
