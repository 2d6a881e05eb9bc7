using System.Globalization;
using System.Text;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Slack.Rendering;

/// <summary>
/// Renders the onboarding engine's outputs as Block Kit, one Slack message per output (an answered question is two: the
/// answer with its feedback buttons, then "Continue onboarding?"). Within Slack's limits: long guideline text split over
/// several sections, at most 50 blocks, button labels ≤ 75 characters, mrkdwn escaping of <c>&amp; &lt; &gt;</c> only.
/// </summary>
public sealed class SlackOnboardingRenderer(SlackReplyRenderer replies)
{
    /// <summary>Action ids of onboarding buttons start with this; the value is the engine's button value.</summary>
    public const string ActionPrefix = "onboarding_";

    /// <summary>The acknowledgement button when the full sentence does not fit Slack's 75 characters.</summary>
    public const string ShortAcknowledgeLabel = "I have read and understand";

    public IReadOnlyList<SlackMessage> Render(IEnumerable<OnboardingOutput> outputs) => outputs.SelectMany(Render).ToList();

    public IReadOnlyList<SlackMessage> Render(OnboardingOutput output)
    {
        if (output is OnboardingAnsweredQuestion answered)
        {
            var answer = replies.Render(answered.Reply, AnswerButtons.Feedback);
            return answered.OfferContinue
                ? [answer, Message(output, [Section(OnboardingAnsweredQuestion.ContinuePrompt)], output.Buttons, OnboardingAnsweredQuestion.ContinuePrompt)]
                : [answer];
        }

        var blocks = output switch
        {
            OnboardingGreeting g => Greeting(g),
            OnboardingSection s => SectionStep(s),
            OnboardingCheckQuestion q => CheckQuestion(q),
            OnboardingCheckFeedback { Correct: true } f => [Section(":white_check_mark: *Correct.*" + (f.Explanation is null ? "" : " " + Mrkdwn.Escape(f.Explanation)))],
            OnboardingCheckFeedback f => WrongAnswer(f),
            OnboardingAcknowledgePrompt a => [Section("Please confirm: " + AcknowledgeStatement(a) + ".")],
            OnboardingAcknowledgementRecorded r => [Section(":white_check_mark: " + Mrkdwn.Escape(MessageText.Render(new OnboardingMessage(r))))],
            OnboardingSummary s => Summary(s),
            _ => [Section(Mrkdwn.Escape(MessageText.Render(new OnboardingMessage(output))))],
        };
        return [Message(output, blocks, output.Buttons)];
    }

    /// <summary>"I have read and understand the *Title*" with the title in bold (escaped).</summary>
    public static string AcknowledgeStatement(OnboardingAcknowledgePrompt a) =>
        $"I have read and understand the *{Mrkdwn.Escape(a.DocumentTitle)}*";

    /// <summary>
    /// The button's plain text within Slack's 75 characters: a check-question choice as "B) …" (the full choices are in the
    /// message text), the acknowledgement as the whole sentence when it fits, else <see cref="ShortAcknowledgeLabel"/>.
    /// </summary>
    public static string ButtonLabel(OnboardingButton button, int index, OnboardingOutput output) => output switch
    {
        OnboardingCheckQuestion => Mrkdwn.Truncate($"{(char)('A' + index)}) {button.Label}", Mrkdwn.MaxButtonText),
        OnboardingAcknowledgePrompt when button.Label.Length > Mrkdwn.MaxButtonText => ShortAcknowledgeLabel,
        _ => Mrkdwn.Truncate(button.Label, Mrkdwn.MaxButtonText),
    };

    private static SlackMessage Message(OnboardingOutput output, List<Block> blocks, IReadOnlyList<OnboardingButton> buttons, string? text = null)
    {
        var tail = new List<Block>();
        if (buttons.Count > 0)
        {
            tail.Add(new ActionsBlock(buttons.Take(25)
                .Select((b, i) => new ButtonElement(new PlainText(ButtonLabel(b, i, output)), ActionPrefix + i.ToString(CultureInfo.InvariantCulture),
                    b.Value, b.Primary ? "primary" : null))
                .ToList(), "onboarding_actions"));
        }

        var fitted = SlackReplyRenderer.Fit([], blocks, tail);
        var fallback = Mrkdwn.Truncate(Mrkdwn.Escape(text ?? MessageText.Render(new OnboardingMessage(output))), Mrkdwn.MaxSectionText);
        return new SlackMessage(fallback.Length > 0 ? fallback : "GuidelineBot", fitted);
    }

    private static List<Block> Greeting(OnboardingGreeting g)
    {
        var sb = new StringBuilder();
        sb.Append(string.IsNullOrWhiteSpace(g.DisplayName) ? "*Welcome!*" : $"*Welcome, {Mrkdwn.Escape(g.DisplayName)}!*");
        sb.Append(g.DocumentCount > 1
            ? string.Create(CultureInfo.InvariantCulture, $" Document {g.DocumentNumber} of {g.DocumentCount}: the ")
            : " Let's walk through the ");
        sb.Append('*').Append(Mrkdwn.Escape(g.DocumentTitle)).Append('*');
        sb.Append(CultureInfo.InvariantCulture, $": {g.TopicCount} topics");
        if (g.CheckQuestionCount > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" and {g.CheckQuestionCount} quick check questions");
        }

        sb.Append(CultureInfo.InvariantCulture, $", about {g.Minutes} minutes.");
        return
        [
            Section(Mrkdwn.Truncate(sb.ToString(), Mrkdwn.MaxSectionText)),
            new ContextBlock([new MrkdwnText("One topic at a time: press *Next* when you're ready, ask me a question any time, or *Pause* and type `resume` later.")]),
        ];
    }

    private static List<Block> SectionStep(OnboardingSection s)
    {
        var heading = string.Create(CultureInfo.InvariantCulture, $"{s.Number}/{s.Total} · {s.Section.Heading}");
        var blocks = new List<Block> { new HeaderBlock(new PlainText(Mrkdwn.Truncate(heading, Mrkdwn.MaxHeaderText))) };
        blocks.AddRange(SlackReplyRenderer.TextSections(s.Section.Text));
        blocks.Add(new ContextBlock([new MrkdwnText(SlackReplyRenderer.Citation(s.Section))]));
        return blocks;
    }

    private static List<Block> CheckQuestion(OnboardingCheckQuestion q)
    {
        var sb = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"*Check question {q.Number}/{q.Total}:* ")
            .Append(Mrkdwn.Escape(q.Prompt));
        for (var i = 0; i < q.Choices.Count; i++)
        {
            sb.Append("\n*").Append((char)('A' + i)).Append(")* ").Append(Mrkdwn.Escape(q.Choices[i]));
        }

        return SlackReplyRenderer.TextSections(sb.ToString(), escape: false);
    }

    private static List<Block> WrongAnswer(OnboardingCheckFeedback f)
    {
        var blocks = new List<Block> { Section(":x: *Not quite.* Here is what the guidelines say:") };
        blocks.AddRange(SlackReplyRenderer.TextSections(f.GuidelineText));
        blocks.Add(new ContextBlock([new MrkdwnText(SlackReplyRenderer.Citation(f.Section))]));
        if (f.Explanation is not null)
        {
            blocks.Add(Section(Mrkdwn.Truncate(Mrkdwn.Escape(f.Explanation), Mrkdwn.MaxSectionText)));
        }

        return blocks;
    }

    private static List<Block> Summary(OnboardingSummary s)
    {
        var sb = new StringBuilder(":tada: *You're all set.* You have read and acknowledged ")
            .Append(string.Join(", ", s.DocumentTitles.Select(t => "*" + Mrkdwn.Escape(t) + "*"))).Append('.');
        sb.Append("\nWhenever a question comes up later, just ask me in your own words");
        if (s.ExampleQuestions.Count > 0)
        {
            sb.Append(" (e.g. _").Append(Mrkdwn.Escape(s.ExampleQuestions[0])).Append("_)");
        }

        sb.Append(", type `help` or `topics`, and for anything the guidelines don't cover ask ").Append(Mrkdwn.Escape(s.Contact)).Append('.');
        return [Section(Mrkdwn.Truncate(sb.ToString(), Mrkdwn.MaxSectionText))];
    }

    private static SectionBlock Section(string mrkdwn) => new(new MrkdwnText(Mrkdwn.Truncate(mrkdwn, Mrkdwn.MaxSectionText)));
}
