using System.Globalization;
using GuidelineBot.Core.Experts;

namespace GuidelineBot.Core.Conversation;

/// <summary>The wording of "Ask an expert": the offer, the forms, the ticket post and the delivered answer.</summary>
public static partial class MessageContent
{
    public const string AskExpertLabel = "🙋 Ask an expert";
    public const string AskExpertTitle = "Ask an expert";
    public const string SendToExpertsLabel = "Send to the experts";
    public const string AnswerLabel = "Answer";
    public const string AssignToMeLabel = "Assign to me";
    public const string AnswerFormTitle = "Answer the question";
    public const string SubmitAnswerLabel = "Submit";
    public const string ExpertAnsweredTitle = "💬 An expert answered your question";
    public const string NoAnswerExpertPrompt = "Or ask a person:";
    public const string NotHelpfulExpertPrompt = "Want a person to answer instead?";

    public static IReadOnlyList<ContentBlock> FeedbackThanks(FeedbackThanksMessage message)
    {
        var thanks = FeedbackThanks(message.Helpful);
        if (message.Apart && message.Answer?.Reply.Section.Heading is { } heading)
        {
            // "Thanks for your feedback on “Can I friend parents?” — glad it helped! 👍"
            thanks = thanks.Replace("feedback", "feedback on " + Quoted(heading), StringComparison.Ordinal);
        }

        var blocks = new List<ContentBlock> { new ParagraphBlock(RichText.Plain(thanks)) };
        if (!message.Helpful && message.ExpertOffer is { } offer)
        {
            blocks.Add(AskExpertOffer(offer, NotHelpfulExpertPrompt));
        }

        return blocks;
    }

    public static IReadOnlyList<ContentBlock> AskExpertForm(AskExpertFormMessage form) =>
    [
        new HeadingBlock(RichText.Plain(form.Title)),
        new ParagraphBlock(RichText.Plain("I'll send your question to the people who look after the guidelines, and bring you their answer here:")),
        new ParagraphBlock(RichText.Of(Span.Strong(Quoted(form.Question.Question)))),
        new InputBlock(ExpertInputs.Context, RichText.Plain("Anything the experts should know? (optional)"),
            Placeholder: "e.g. it's about a class trip next week", Optional: true, MaxLength: ExpertInputs.MaxContextLength),
        new ActionsBlock([form.Submit]),
    ];

    public static IReadOnlyList<ContentBlock> ExpertAnswerForm(ExpertAnswerFormMessage form)
    {
        var t = form.Ticket;
        var blocks = new List<ContentBlock>
        {
            new HeadingBlock(RichText.Plain(form.Title)),
            new ParagraphBlock(RichText.Of(Span.Plain($"Ticket #{t.ShortId}: "), Span.Strong(Quoted(t.Question)))),
        };
        if (t.Context is { Length: > 0 } context)
        {
            blocks.Add(new NoteBlock(RichText.Plain("Context: " + context)));
        }

        blocks.Add(new InputBlock(ExpertInputs.Answer, RichText.Plain("Your answer"), Placeholder: $"Your answer goes to {AskerName(t.Asker)}, with your name",
            Multiline: true, MaxLength: ExpertInputs.MaxAnswerLength));
        blocks.Add(new ToggleBlock(ExpertInputs.AddToKnowledge, RichText.Plain("Add to knowledge (an admin reviews it before the bot uses it)")));
        blocks.Add(new ActionsBlock([form.Submit]));
        return blocks;
    }

    public static IReadOnlyList<ContentBlock> TicketOpened(ExpertTicketOpenedMessage message)
    {
        var t = message.Ticket;
        var text = message.Created
            ? $"✅ Sent to the experts (ticket #{t.ShortId}). I'll bring you their answer here as soon as one of them replies."
            : $"You already asked the experts this (ticket #{t.ShortId}, {Time(t.AskedAt)}). I'll bring you their answer here as soon as one of them replies.";
        return [new ParagraphBlock(RichText.Plain(text))];
    }

    public static IReadOnlyList<ContentBlock> Ticket(ExpertTicketMessage message)
    {
        var t = message.Ticket;
        var title = message.Reminder
            ? $"⏰ Still unanswered after {Age(message.Now - t.AskedAt)} — ticket #{t.ShortId}"
            : $"❓ Question for the experts — ticket #{t.ShortId}";
        var asker = t.Asker.Channel == message.ForChannel && !string.IsNullOrEmpty(t.Asker.UserId)
            ? Span.Mention(t.Asker.UserId, AskerName(t.Asker))
            : Span.Strong(AskerName(t.Asker));
        var blocks = new List<ContentBlock>
        {
            new HeadingBlock(RichText.Plain(title)),
            new ParagraphBlock(RichText.Of(Span.Strong(Quoted(t.Question)))),
        };
        if (t.Context is { Length: > 0 } context)
        {
            blocks.Add(new ParagraphBlock(RichText.Of(Span.Emphasis("Context: "), Span.Plain(context))));
        }

        var guess = t.GuessHeading is { Length: > 0 } heading
            ? RichText.Of(Span.Plain("Bot's best guess: "), Span.Strong(heading), Span.Plain($" ({Confidence(t.GuessConfidence)})"))
            : RichText.Plain("Bot's best guess: none — nothing in the guidelines came close.");
        blocks.Add(new ListBlock(
        [
            RichText.Of(Span.Plain("Asked by "), asker, Span.Plain($" in {ChannelName(t.Asker.Channel)}, {Time(t.AskedAt)}")),
            guess,
        ]));
        var status = new List<RichText>();
        if (t.AssignedTo is { } assignee)
        {
            status.Add(RichText.Of(Span.Plain("👤 Assigned to "), Expert(assignee, message.ForChannel), Span.Plain(t.AssignedAt is { } at ? ", " + Time(at) : "")));
        }

        foreach (var answer in t.Answers)
        {
            status.Add(RichText.Of(Span.Plain("✅ Answered by "), Expert(answer.Expert, message.ForChannel), Span.Plain(", " + Time(answer.At) + ": "),
                Span.Plain(answer.Text)));
        }

        if (status.Count == 0)
        {
            status.Add(RichText.Plain(message.Reminder ? "Nobody has taken it yet." : "Open — nobody has taken it yet."));
        }

        blocks.Add(new ListBlock(status));
        blocks.Add(new NoteBlock(RichText.Plain(message.ForChannel == Channels.Teams
            ? "Answer with the button, or reply in this thread mentioning me: the asker gets your answer with your name."
            : "Answer with the button, or reply in this thread: the asker gets your answer with your name. A reply that starts with @someone, or is only a +1 or an emoji, stays among you.")));
        blocks.Add(new ActionsBlock(
        [
            new OutboundAction(t.Answers.Count == 0 ? AnswerLabel : "Add an answer", ActionKind.ExpertAnswer, t.Id, Primary: t.Answers.Count == 0),
            new OutboundAction(AssignToMeLabel, ActionKind.ExpertAssign, ExpertAssignInbound.ValueFor(t)),
        ]));
        return blocks;
    }

    public static IReadOnlyList<ContentBlock> TicketTakenOver(ExpertTicketTakenOverMessage message)
    {
        var t = message.Ticket;
        var who = t.AssignedTo is { } holder ? Expert(holder, message.ForChannel) : Span.Strong("Another expert");
        return
        [
            // (Whoever holds it when this is sent: of two takeovers in a row, the last.)
            new ParagraphBlock(RichText.Of(Span.Plain($"👤 Ticket #{t.ShortId}, which you had, was taken over: "), who, Span.Plain(" has it now. "), Span.Strong(Quoted(t.Question)))),
            new NoteBlock(RichText.Plain("It's theirs now, so you needn't answer it. You still can: the ticket's post keeps its Answer button.")),
        ];
    }

    public static IReadOnlyList<ContentBlock> ExpertAnswer(ExpertAnswerMessage message)
    {
        var a = message.Answer;
        return
        [
            new HeadingBlock(RichText.Plain(ExpertAnsweredTitle)),
            new ParagraphBlock(RichText.Of(Span.Plain("You asked: "), Span.Emphasis(Quoted(message.Ticket.Question)))),
            new ParagraphBlock(RichText.Plain(a.Text)),
            new NoteBlock(RichText.Plain($"— {ExpertName(a.Expert)}, expert, {Time(a.At)} · ticket #{message.Ticket.ShortId}. " +
                "This answer comes from a person, not from the written guidelines.")),
        ];
    }

    private static ActionsBlock AskExpertOffer(AnswerRef question, string prompt) =>
        new([new OutboundAction(AskExpertLabel, ActionKind.AskExpert, question.Encode())], RichText.Plain(prompt));

    private static Span Expert(ExpertRef expert, string forChannel) =>
        expert.Channel == forChannel ? Span.Mention(expert.UserId, ExpertName(expert)) : Span.Strong(ExpertName(expert));

    private static string ExpertName(ExpertRef expert) => string.IsNullOrWhiteSpace(expert.DisplayName) ? "an expert" : expert.DisplayName;

    private static string AskerName(ExpertAsker asker) => string.IsNullOrWhiteSpace(asker.DisplayName) ? "a colleague" : asker.DisplayName;

    private static string ChannelName(string channel) => channel switch
    {
        Channels.Slack => "Slack",
        Channels.Teams => "Teams",
        Channels.Web => "the web chat",
        _ => channel,
    };

    private static string Quoted(string text) => "“" + text + "”";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Age(TimeSpan age) => age.TotalHours >= 48 ? Count((int)age.TotalDays, "day")
        : age.TotalHours >= 1 ? Count((int)age.TotalHours, "hour")
        : Count(Math.Max(1, (int)age.TotalMinutes), "minute"); // (a reminder set under an hour said "after 1 hour" of 17 minutes)

    /// <summary>
    /// The guess's confidence as two decimals; one that rounds to nothing is "below 0.01". Its section may have been the
    /// answer (a 👎 asks the experts too), so the line does not say the bot declined.
    /// </summary>
    private static string Confidence(double confidence) => confidence < 0.005
        ? "confidence below 0.01"
        : string.Create(CultureInfo.InvariantCulture, $"confidence {confidence:0.00}");
}
