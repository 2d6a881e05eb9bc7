using System.Globalization;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Core.Conversation;

/// <summary>
/// Every word the bot says, once, as structured content: the body of each <see cref="OutboundMessage"/>. Channels render
/// these blocks and never write user-facing text of their own.
/// </summary>
public static partial class MessageContent
{
    public const string HelpfulLabel = "👍 Helpful";
    public const string NotHelpfulLabel = "👎 Not helpful";
    public const string HelpfulPrompt = "Was this helpful?";
    public const string ShareLabel = "Share in channel";
    public const string RelatedLabel = "Related topics";
    public const string DidYouMeanLabel = "Did you mean";
    public const string ExamplesLabel = "For example:";
    public const string PartialNote = "Only the part of a longer section that matches is shown.";
    public const string WholeSectionLabel = "Show the whole section";
    public const string TopicsTitle = "Topics I cover";
    public const string NoDocuments = "No guideline documents are loaded yet.";

    /// <summary>Said where a channel's size limits cut a long text.</summary>
    public const string Shortened = "…shortened: the full text is in the source.";

    public static IReadOnlyList<ContentBlock> Answer(AnswerMessage message)
    {
        var a = message.Reply;
        var blocks = new List<ContentBlock>
        {
            new HeadingBlock(RichText.Plain(a.Section.Heading)),
            new GuidelineTextBlock(Passages(a.Text)),
            new NoteBlock(Citation(a.Section)),
        };
        // Only the matching part of a long section is quoted: the rest is a press away. (A button row of its own, with
        // no label: channels show labelled rows of questions as one line of text.) Not on an answer shared for everyone
        // or already voted on: those carry no buttons of their own.
        if (a.IsPartial && message.SharedBy is null && message.Feedback is null)
        {
            blocks.Add(new NoteBlock(RichText.Plain(PartialNote)));
            blocks.Add(new ActionsBlock([new OutboundAction(WholeSectionLabel, ActionKind.Ask, Topic(a.Section))]) { OnlyButtons = true });
        }

        // A close call offers the runner-up to ask, once (it is not repeated among the related topics), with its document.
        if (a.Alternative is { } alternative)
        {
            blocks.Add(new ActionsBlock([new OutboundAction(Distinguished(alternative, [a.Section]), ActionKind.Ask, Topic(alternative))],
                RichText.Plain(DidYouMeanLabel)));
        }

        var related = a.Related.Where(r => r != a.Alternative).ToArray();
        if (related.Length > 0)
        {
            blocks.Add(new ActionsBlock(TopicActions(related, a.Section), RichText.Plain(RelatedLabel)));
        }

        if (message.SharedBy is { } sharer)
        {
            blocks.Add(new NoteBlock(RichText.Of(Span.Plain("Shared by "), Span.Mention(sharer, "a colleague"))));
            return blocks;
        }

        if (message.Feedback is { } helpful)
        {
            blocks.Add(new NoteBlock(RichText.Plain(FeedbackThanks(helpful))));
        }
        else
        {
            var value = message.Ref.Encode();
            blocks.Add(new ActionsBlock(
                [new OutboundAction(HelpfulLabel, ActionKind.Helpful, value), new OutboundAction(NotHelpfulLabel, ActionKind.NotHelpful, value)],
                RichText.Plain(HelpfulPrompt)));
        }

        return blocks;
    }

    /// <param name="expertOffer">The question "Ask an expert" would send; null when no experts' channel is configured.</param>
    public static IReadOnlyList<ContentBlock> NoAnswer(NoAnswerReply n, AnswerRef? expertOffer = null)
    {
        var blocks = new List<ContentBlock> { new ParagraphBlock(RichText.Plain(n.Text)) };
        if (n.Suggestions.Count > 0)
        {
            blocks.Add(new ActionsBlock(TopicActions(n.Suggestions)));
        }

        if (expertOffer is not null)
        {
            blocks.Add(AskExpertOffer(expertOffer, NoAnswerExpertPrompt));
        }

        return blocks;
    }

    public static IReadOnlyList<ContentBlock> Help(HelpMessage message)
    {
        var h = message.Reply;
        var blocks = new List<ContentBlock>
        {
            new HeadingBlock(RichText.Plain(message.IsWelcome ? "Hi, I'm GuidelineBot 👋" : "How I can help")),
            new ParagraphBlock(new RichTextBuilder()
                .Plain("I answer questions about the staff guidelines with the exact guideline text and where it comes from. ")
                .Plain("Ask in your own words, type ").Code("topics").Plain(" to see everything I cover, or ").Code("onboard")
                .Plain(" for a guided walk-through.").Build()),
        };
        if (message.Command is { Length: > 0 } command)
        {
            blocks.Add(new ParagraphBlock(new RichTextBuilder().Plain("Use ").Code(command + " your question")
                .Plain(" anywhere, mention me in a channel, or send me a direct message.").Build()));
        }

        if (h.Examples.Count > 0)
        {
            blocks.Add(new HeadingBlock(RichText.Plain(ExamplesLabel), 2));
            // As text, a list of the questions (MessageText); a heading other documents have too names its document.
            blocks.Add(new ActionsBlock(TopicActions(h.Examples, among: h.Documents.SelectMany(d => d.Sections))));
        }

        blocks.Add(new HeadingBlock(RichText.Plain(TopicsTitle), 2));
        blocks.Add(h.Documents.Count == 0
            ? new ParagraphBlock(RichText.Plain(NoDocuments))
            : new ListBlock(h.Documents.Select(DocumentLine).ToArray()));
        return blocks;
    }

    public static IReadOnlyList<ContentBlock> Topics(TopicsReply t)
    {
        var blocks = new List<ContentBlock> { new HeadingBlock(RichText.Plain(TopicsTitle)) };
        if (t.Documents.Count == 0)
        {
            blocks.Add(new ParagraphBlock(RichText.Plain(NoDocuments)));
        }

        foreach (var d in t.Documents)
        {
            blocks.Add(new HeadingBlock(DocumentLine(d), 2));
            var repeated = Repeated(d.Sections);
            blocks.Add(new ListBlock(d.Sections.Select(s => RichText.Plain(repeated.Contains(s.Heading) ? s.HeadingPath : s.Heading))
                .ToArray()));
        }

        return blocks;
    }

    public static string FeedbackThanks(bool helpful) => helpful
        ? "Thanks for your feedback — glad it helped! 👍"
        : "Thanks for your feedback — we'll use it to improve the guidelines. 👎";

    public static RichText Notice(NoticeKind kind, string name) => kind switch
    {
        NoticeKind.MovedToDirectChat => RichText.Plain(
            (string.IsNullOrWhiteSpace(name) ? "I've" : name + ", I've") + " sent you a private chat — a direct message with me: your onboarding continues there. 👋"),
        NoticeKind.DirectChatUnavailable => new RichTextBuilder()
            .Plain("Sorry — I couldn't reach you in a direct message, so your onboarding couldn't continue there. Nothing is lost: your place is saved. ")
            .Plain("Open your direct message with me (find me under Apps) and type ").Code("resume").Plain(", or try again in a minute.").Build(),
        NoticeKind.OnboardingFailed => RichText.Plain("Sorry, I couldn't start the onboarding just now — please try again in a minute."),
        NoticeKind.NotAnExpert => RichText.Plain("Sorry — only members of the experts' channel can answer or take tickets. Nothing was changed."),
        NoticeKind.TicketNotFound => RichText.Plain("I can't find that ticket any more — it may have been removed."),
        NoticeKind.TicketAssigned => RichText.Plain("Assigned to you" + (string.IsNullOrWhiteSpace(name) ? "." : $" — {name} is waiting for your answer.")),
        NoticeKind.TicketHeldByOther => RichText.Plain((string.IsNullOrWhiteSpace(name) ? "Another expert" : name)
            + " has this ticket now, so it stays with them. To take it over, press Assign to me on the ticket's post again."),
        NoticeKind.TicketTakenOver => RichText.Plain("Assigned to you: you took it over from " + (string.IsNullOrWhiteSpace(name) ? "the expert who had it" : name)
            + ", who is told privately that you have it now."),
        NoticeKind.AnsweredTicketAssigned => RichText.Plain("Assigned to you. " + (string.IsNullOrWhiteSpace(name) ? "The asker" : name)
            + " already has an answer; add another if there is more to say."),
        NoticeKind.ExpertAnswerSent => RichText.Plain("Thanks! Your answer is on its way to " + (string.IsNullOrWhiteSpace(name) ? "the asker." : name + ".")),
        NoticeKind.ExpertAnswerDuplicate => RichText.Plain("That answer was already sent — once is enough."),
        NoticeKind.ExpertAnswerEmpty => RichText.Plain("The answer had no words in it, so nothing was sent. Please write your answer and send it again."),
        NoticeKind.ExpertsUnavailable => RichText.Plain("Sorry — no experts' channel is set up, so I can't pass questions on."
            + (string.IsNullOrWhiteSpace(name) ? "" : $" Please ask {name}.")),
        NoticeKind.VoteOnAnAnswerGone => RichText.Plain(
            "That answer's section isn't in the guidelines (any more), so your vote wasn't counted. Ask again to see the current answer."),
        NoticeKind.AlreadyShared => RichText.Plain("You've just shared this answer here, so it was posted once."),
        NoticeKind.ShareOfAnAnswerGone => RichText.Plain(
            "The guidelines have changed since this answer was given, so it wasn't shared. Ask again to see the current answer."),
        NoticeKind.ExpertDiscussionKept => RichText.Plain("That reply stays in the thread: it starts with @someone, so it reads as talk among the experts. "
            + "To send an answer to the asker, start with the answer itself or with @ me, or press Answer."),
        _ => RichText.Plain("Sorry, something went wrong on my side — please try again in a minute."),
    };

    /// <summary>
    /// "📄 Source: Document › Section (file:lines; owner: …; last reviewed …)"; with a URL the breadcrumb links to the
    /// document and the owner and review date follow it.
    /// </summary>
    public static RichText Citation(GuidelineSection section) =>
        section.SourceUrl is not null && Span.Link(section.Breadcrumb, section.SourceUrl) is { Url: not null } link
            ? section.Provenance is { Length: > 0 } provenance
                ? RichText.Of(Span.Plain("📄 Source: "), link, Span.Plain($" ({provenance})"))
                : RichText.Of(Span.Plain("📄 Source: "), link)
            : RichText.Plain("📄 Source: " + section.Citation);

    public static IReadOnlyList<ContentBlock> Onboarding(OnboardingOutput output)
    {
        List<ContentBlock> blocks = output switch
        {
            OnboardingGreeting g => Greeting(g),
            OnboardingSection s => Section(s),
            OnboardingCheckQuestion q => CheckQuestion(q),
            OnboardingCheckFeedback f => CheckFeedback(f),
            OnboardingAcknowledgePrompt a => AcknowledgePrompt(a),
            OnboardingAcknowledgementRecorded r => [new HeadingBlock(RichText.Plain("✅ Acknowledgement recorded")), Paragraph(RichText.Plain("Recorded: you acknowledged the " + r.Acknowledgement.DocumentTitle +
                string.Create(CultureInfo.InvariantCulture,
                    $" (version {Short(r.Acknowledgement.ContentHash)}) on {r.Acknowledgement.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC.")))],
            OnboardingSummary s => Summary(s),
            OnboardingPaused p => [Paragraph(new RichTextBuilder().Plain($"Paused at {p.Where}. Type ").Code("resume")
                .Plain(" when you're ready; you can still ask me questions meanwhile.").Build())],
            OnboardingQuestionPrompt => [Paragraph(RichText.Plain("Sure — type your question and I'll answer it from the guidelines. Then we'll continue where you were."))],
            OnboardingAnsweredQuestion => [Paragraph(RichText.Of(Span.Strong(OnboardingAnsweredQuestion.ContinuePrompt)))],
            OnboardingNotice n => [Paragraph(n.Text)],
            _ => [],
        };
        if (output.Buttons.Count > 0)
        {
            blocks.Add(new ActionsBlock(output.Buttons.Select((b, i) => OnboardingAction(output, b, i)).ToArray()));
        }

        return blocks;
    }

    private static List<ContentBlock> Greeting(OnboardingGreeting g)
    {
        var what = new RichTextBuilder()
            .Plain(g.DocumentCount > 1 ? string.Create(CultureInfo.InvariantCulture, $"Document {g.DocumentNumber} of {g.DocumentCount}: the ") : "Let's walk through the ")
            .Strong(g.DocumentTitle)
            .Plain(": " + Count(g.TopicCount, "topic"));
        if (g.CheckQuestionCount > 0)
        {
            what.Plain(" and " + Count(g.CheckQuestionCount, "quick check question"));
        }

        what.Plain(", about " + Count(g.Minutes, "minute") + ".");
        return
        [
            new HeadingBlock(RichText.Plain(string.IsNullOrWhiteSpace(g.DisplayName) ? "Welcome! 👋" : $"Welcome, {g.DisplayName}! 👋")),
            Paragraph(what.Build()),
            new NoteBlock(new RichTextBuilder().Plain("One topic at a time: press ").Strong("Next").Plain(" when you're ready, ask me a question any time, or ")
                .Strong("Pause").Plain(" and type ").Code("resume").Plain(" later.").Build()),
        ];
    }

    private static List<ContentBlock> Section(OnboardingSection s) =>
    [
        new HeadingBlock(RichText.Plain(string.Create(CultureInfo.InvariantCulture, $"{s.Number}/{s.Total} · {s.Section.Heading}"))),
        new NoteBlock(RichText.Plain(string.Create(CultureInfo.InvariantCulture, $"Topic {s.Number} of {s.Total} · {s.Section.DocumentTitle}"))),
        new GuidelineTextBlock(Passages(s.Section.Quoted)),
        new NoteBlock(Citation(s.Section)),
    ];

    private static List<ContentBlock> CheckQuestion(OnboardingCheckQuestion q) =>
    [
        Paragraph(RichText.Of(Span.Strong(string.Create(CultureInfo.InvariantCulture, $"Check question {q.Number}/{q.Total}:")), Span.Plain(" " + q.Prompt))),
        new ListBlock(q.Choices.Select((c, i) => RichText.Of(Span.Strong(Letter(i) + ")"), Span.Plain(" " + c))).ToArray(), Ordered: true) { RepeatsActions = true },
    ];

    private static List<ContentBlock> CheckFeedback(OnboardingCheckFeedback f)
    {
        if (f.Correct)
        {
            var right = new RichTextBuilder().Strong("✅ Correct.");
            if (f.Explanation is not null)
            {
                right.Plain(" " + f.Explanation);
            }

            return [Paragraph(right.Build())];
        }

        var blocks = new List<ContentBlock>
        {
            Paragraph(RichText.Of(Span.Strong("❌ Not quite."), Span.Plain(" Here is what the guidelines say:"))),
            new HeadingBlock(RichText.Plain(f.Section.Heading), 2),
            new GuidelineTextBlock(Passages(f.Section.Quoted)),
            new NoteBlock(Citation(f.Section)),
        };
        if (f.Explanation is not null)
        {
            blocks.Add(Paragraph(RichText.Plain(f.Explanation)));
        }

        return blocks;
    }

    private static List<ContentBlock> AcknowledgePrompt(OnboardingAcknowledgePrompt a) =>
    [
        new HeadingBlock(RichText.Plain("Acknowledgement")),
        Paragraph(RichText.Of(Span.Plain("Please confirm: I have read and understand the "), Span.Strong(a.DocumentTitle), Span.Plain("."))),
        new NoteBlock(RichText.Plain("Your name, the time and the document version are recorded.")),
    ];

    private static List<ContentBlock> Summary(OnboardingSummary s)
    {
        var done = new RichTextBuilder().Plain("You have read and acknowledged ");
        for (var i = 0; i < s.DocumentTitles.Count; i++)
        {
            done.Plain(i == 0 ? "the " : ", the ").Strong(s.DocumentTitles[i]);
        }

        var later = new RichTextBuilder().Plain("Whenever a question comes up later, just ask me in your own words");
        if (s.Examples.Count > 0)
        {
            later.Plain(" (e.g. ").Emphasis(s.Examples[0].Heading).Plain(")");
        }

        later.Plain(", type ").Code("help").Plain(" or ").Code("topics").Plain(", and for anything the guidelines don't cover ask " + s.Contact + ".");
        var blocks = new List<ContentBlock>
        {
            new HeadingBlock(RichText.Plain("You're all set 🎉")),
            Paragraph(done.Plain(".").Build()),
            Paragraph(later.Build()),
        };
        if (s.Examples.Count > 0)
        {
            blocks.Add(new ActionsBlock(TopicActions(s.Examples.Take(3).ToArray(), among: s.Documents.SelectMany(d => d.Sections)),
                RichText.Plain(ExamplesLabel)));
        }

        return blocks;
    }

    private static OutboundAction OnboardingAction(OnboardingOutput output, OnboardingButton button, int index) => output switch
    {
        OnboardingCheckQuestion => new(Letter(index) + ") " + button.Label, ActionKind.Onboarding, button.Value, button.Primary, ShortLabel: Letter(index)),
        _ => new(button.Label, ActionKind.Onboarding, button.Value, button.Primary),
    };

    /// <summary>
    /// Buttons that show sections (<see cref="Topic"/>), labelled with their headings; a heading that two of them share
    /// ("About these guidelines" of two documents), or that the section shown above them has, is told apart
    /// (<see cref="Distinguished"/>), so no two buttons look alike and none looks like the answer they stand under. With
    /// <paramref name="among"/> (the whole knowledge), a heading two of those sections share is told apart too.
    /// </summary>
    private static OutboundAction[] TopicActions(IReadOnlyCollection<GuidelineSection> sections, GuidelineSection? shown = null,
        IEnumerable<GuidelineSection>? among = null)
    {
        var all = (among ?? sections).Append(shown).OfType<GuidelineSection>().ToArray();
        var shared = Repeated(all);
        return sections.Select(s => new OutboundAction(
                shared.Contains(s.Heading) ? Distinguished(s, all.Where(o => o != s && string.Equals(o.Heading, s.Heading, StringComparison.OrdinalIgnoreCase))) : s.Heading,
                ActionKind.Ask, Topic(s)))
            .ToArray();
    }

    /// <summary>The headings two or more of <paramref name="sections"/> have.</summary>
    private static HashSet<string> Repeated(IEnumerable<GuidelineSection> sections) =>
        sections.GroupBy(s => s.Heading, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A section's heading with what tells it from <paramref name="others"/> of the same heading: the heading it stands
    /// under when they are all in its document ("Chaperones (High schools)"), else its document ("Who do I ask? (Staff
    /// Parking Rules)").
    /// </summary>
    private static string Distinguished(GuidelineSection section, IEnumerable<GuidelineSection> others) =>
        section.ParentHeading is { } parent && others.All(o => o.DocumentId == section.DocumentId && !string.Equals(o.ParentHeading, parent, StringComparison.OrdinalIgnoreCase))
            ? $"{section.Heading} ({parent})"
            : $"{section.Heading} ({section.DocumentTitle})";

    /// <summary>
    /// The value of a button that shows <paramref name="section"/>: its id and heading as an <see cref="AnswerRef"/>, so
    /// pressing it shows that very section (not whatever its heading finds, which may be another document's).
    /// </summary>
    /// <remarks>An id too long for a button value (a path of thousands of characters) leaves the bare heading, asked as a question.</remarks>
    private static string Topic(GuidelineSection section) =>
        section.Id.Length > MaxTopicIdChars ? section.Heading : new AnswerRef(null, section.Id, section.Heading).Encode();

    /// <summary>The longest section id a button carries: half of Slack's 2,000-character value, the heading gets the rest.</summary>
    private const int MaxTopicIdChars = AnswerRef.MaxEncodedLength / 2;

    private static RichText DocumentLine(GuidelineDocument d) =>
        RichText.Of(Span.Strong(d.Title), Span.Plain(" (" + Count(d.Sections.Count, "topic") + ")"));

    /// <summary>A number and its noun, singular for one: "1 topic", "12 topics" (the nouns the bot counts take an s).</summary>
    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>Quoted text's paragraphs (a list's consecutive items stay together, one per line: <see cref="Passage.JoinQuoted"/>).</summary>
    private static string[] Passages(string text) => text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

    private static ParagraphBlock Paragraph(RichText text) => new(text);

    private static string Letter(int index) => ((char)('A' + index)).ToString();

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
