using System.Globalization;
using System.Text;
using GuidelineBot.Core.Answers;

namespace GuidelineBot.Core.Onboarding;

/// <summary>Plain-text rendering of onboarding outputs (CLI, notification text, accessibility fallback).</summary>
public static class OnboardingText
{
    public static string Render(OnboardingOutput output)
    {
        var sb = new StringBuilder();
        switch (output)
        {
            case OnboardingGreeting g:
                sb.Append(string.IsNullOrWhiteSpace(g.DisplayName) ? "Welcome!" : $"Welcome, {g.DisplayName}!");
                sb.Append(g.DocumentCount > 1 ? $" Document {g.DocumentNumber} of {g.DocumentCount}: " : " Let's walk through the ");
                sb.Append(CultureInfo.InvariantCulture, $"{g.DocumentTitle} — {g.TopicCount} topics");
                if (g.CheckQuestionCount > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" and {g.CheckQuestionCount} quick check questions");
                }

                sb.Append(CultureInfo.InvariantCulture, $", about {g.Minutes} minutes. ");
                sb.Append("One topic at a time: press Next when you're ready, ask a question any time, or pause and type resume later.");
                break;
            case OnboardingSection s:
                sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Number}/{s.Total} · {s.Section.Heading}").AppendLine();
                sb.AppendLine(s.Section.Text).AppendLine();
                sb.Append("Source: ").Append(s.Section.Citation);
                break;
            case OnboardingCheckQuestion q:
                sb.AppendLine(CultureInfo.InvariantCulture, $"Check question {q.Number}/{q.Total}: {q.Prompt}");
                for (var i = 0; i < q.Choices.Count; i++)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  {(char)('A' + i)}) {q.Choices[i]}");
                }

                break;
            case OnboardingCheckFeedback f when f.Correct:
                sb.Append("✅ Correct.");
                if (f.Explanation is not null)
                {
                    sb.Append(' ').Append(f.Explanation);
                }

                break;
            case OnboardingCheckFeedback f:
                sb.AppendLine("Not quite. Here is what the guidelines say:").AppendLine();
                sb.AppendLine(f.GuidelineText).AppendLine();
                sb.Append("Source: ").Append(f.Section.Citation);
                if (f.Explanation is not null)
                {
                    sb.AppendLine().AppendLine().Append(f.Explanation);
                }

                break;
            case OnboardingAcknowledgePrompt a:
                sb.Append("Please confirm: ").Append(a.Text.Replace("*", "", StringComparison.Ordinal)).Append('.');
                break;
            case OnboardingAcknowledgementRecorded r:
                sb.Append(CultureInfo.InvariantCulture,
                    $"Recorded: you acknowledged the {r.Acknowledgement.DocumentTitle} (version {Short(r.Acknowledgement.ContentHash)}) on {r.Acknowledgement.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC.");
                break;
            case OnboardingSummary s:
                sb.Append("You're all set: you have read and acknowledged ").Append(string.Join(", ", s.DocumentTitles)).AppendLine(".");
                sb.Append("Whenever a question comes up later, just ask me in your own words");
                if (s.ExampleQuestions.Count > 0)
                {
                    sb.Append(" (e.g. \"").Append(s.ExampleQuestions[0]).Append("\")");
                }

                sb.Append(", type help or topics, and for anything the guidelines don't cover ask ").Append(s.Contact).Append('.');
                break;
            case OnboardingPaused p:
                sb.Append("Paused ").Append(p.Where).Append(". Type resume when you're ready; you can still ask me questions meanwhile.");
                break;
            case OnboardingQuestionPrompt:
                sb.Append("Sure — type your question and I'll answer it from the guidelines. Then we'll continue where you were.");
                break;
            case OnboardingAnsweredQuestion a:
                sb.Append(ReplyText.Render(a.Reply));
                if (a.OfferContinue)
                {
                    sb.AppendLine().AppendLine().Append(OnboardingAnsweredQuestion.ContinuePrompt);
                }

                break;
            case OnboardingNotice n:
                sb.Append(n.Text);
                break;
        }

        return sb.ToString().TrimEnd();
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
