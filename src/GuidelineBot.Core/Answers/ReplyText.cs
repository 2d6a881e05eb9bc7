using System.Globalization;
using System.Text;

namespace GuidelineBot.Core.Answers;

/// <summary>Plain-text rendering of a reply: for the CLI, and as the notification/accessibility text of rich messages.</summary>
public static class ReplyText
{
    public static string Render(Reply reply)
    {
        var sb = new StringBuilder();
        switch (reply)
        {
            case AnswerReply a:
                sb.AppendLine(a.Section.Heading).AppendLine();
                sb.AppendLine(a.Text).AppendLine();
                sb.Append("Source: ").AppendLine(a.Citation);
                if (a.Alternative is { } alternative)
                {
                    sb.Append("Did you mean: ").Append(alternative.Heading).AppendLine(" (" + alternative.DocumentTitle + ")");
                }

                if (a.Related.Count > 0)
                {
                    sb.Append("Related: ").AppendLine(string.Join(" · ", a.Related.Select(r => r.Heading)));
                }

                break;
            case NoAnswerReply n:
                sb.AppendLine(n.Text);
                foreach (var s in n.Suggestions)
                {
                    sb.Append("  • ").AppendLine(s.Heading);
                }

                break;
            case HelpReply h:
                sb.AppendLine(HelpReply.Intro.Replace("*", "", StringComparison.Ordinal)).AppendLine();
                if (h.ExampleQuestions.Count > 0)
                {
                    sb.AppendLine("For example:");
                    foreach (var q in h.ExampleQuestions)
                    {
                        sb.Append("  • ").AppendLine(q);
                    }

                    sb.AppendLine();
                }

                AppendTopics(sb, h.Documents);
                break;
            case TopicsReply t:
                AppendTopics(sb, t.Documents);
                break;
            case SmallTalkReply s:
                sb.AppendLine(s.Text.Replace("*", "", StringComparison.Ordinal));
                break;
        }

        return sb.ToString().TrimEnd();
    }

    public static void AppendTopics(StringBuilder sb, IReadOnlyList<Knowledge.GuidelineDocument> documents)
    {
        if (documents.Count == 0)
        {
            sb.AppendLine("No guideline documents are loaded yet.");
            return;
        }

        foreach (var d in documents)
        {
            sb.Append(d.Title).Append(" (").Append(d.Sections.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(" topics)");
            foreach (var s in d.Sections)
            {
                sb.Append("  • ").AppendLine(s.Heading);
            }
        }
    }
}
