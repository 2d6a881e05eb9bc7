using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Web.Chat;

/// <summary>The core's outbound messages as the page's JSON: every content block, nothing reworded.</summary>
internal static class ChatRenderer
{
    /// <summary>
    /// The most guideline text one message carries (as Teams' cards, about): the page keeps the conversation in the
    /// browser tab's storage, a few megabytes, which one answer from a knowledge file of one very long paragraph would
    /// fill. Text past it is cut at a word, with <see cref="MessageContent.Shortened"/> under it.
    /// </summary>
    internal const int MaxGuidelineChars = 20_000;

    /// <summary>A passage cut to less than this is left out rather than shown as a stub.</summary>
    private const int MinCutPassage = 200;

    /// <summary>
    /// The button kinds the web chat shows (no "Share in channel": a web chat has no channel to share into; none of the
    /// experts' own buttons: experts answer in their Slack or Teams channel).
    /// </summary>
    private static readonly Dictionary<string, ActionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["ask"] = ActionKind.Ask,
        ["helpful"] = ActionKind.Helpful,
        ["notHelpful"] = ActionKind.NotHelpful,
        ["onboarding"] = ActionKind.Onboarding,
        ["askExpert"] = ActionKind.AskExpert,
        ["sendToExpert"] = ActionKind.SendToExpert,
    };

    public static ChatResponse Render(ConversationResponse response) =>
        new(response.Messages.Select(Message).ToArray());

    /// <summary>A pressed button back to its kind; false for kinds the page never shows.</summary>
    public static bool TryParseKind(string? kind, out ActionKind parsed) => Kinds.TryGetValue(kind ?? "", out parsed);

    /// <summary>A message's blocks; a list the buttons repeat is left out, as the page's buttons carry their whole label.</summary>
    private static ChatMessage Message(OutboundMessage message) =>
        new(KindOf(message), message.Content.Where(b => b is not ListBlock { RepeatsActions: true }).SelectMany(Blocks).ToArray());

    /// <summary>A block as the page shows it; guideline text over <see cref="MaxGuidelineChars"/> cut, with a note.</summary>
    private static IEnumerable<ChatBlock> Blocks(ContentBlock block)
    {
        if (block is not GuidelineTextBlock text || text.Passages.Sum(p => (long)p.Length) <= MaxGuidelineChars)
        {
            return [Block(block)];
        }

        var kept = new List<string>();
        var room = MaxGuidelineChars;
        foreach (var passage in text.Passages)
        {
            if (passage.Length > room)
            {
                if (room >= MinCutPassage)
                {
                    kept.Add(MessageText.Shorten(passage, room));
                }

                break;
            }

            kept.Add(passage);
            room -= passage.Length;
        }

        return
        [
            new ChatBlock("guidelineText") { Passages = kept },
            new ChatBlock("note") { Text = [new ChatSpan(MessageContent.Shortened)] },
        ];
    }

    private static string KindOf(OutboundMessage message) => message switch
    {
        AnswerMessage => "answer",
        NoAnswerMessage => "noAnswer",
        HelpMessage => "help",
        TopicsMessage => "topics",
        SmallTalkMessage => "smallTalk",
        FeedbackThanksMessage => "feedbackThanks",
        OnboardingMessage => "onboarding",
        FormMessage => "form",
        ExpertTicketOpenedMessage => "ticketOpened",
        ExpertAnswerMessage => "expertAnswer",
        _ => "notice",
    };

    private static ChatBlock Block(ContentBlock block) => block switch
    {
        HeadingBlock h => new ChatBlock("heading") { Text = Spans(h.Text), Level = h.Level },
        ParagraphBlock p => new ChatBlock("paragraph") { Text = Spans(p.Text) },
        NoteBlock n => new ChatBlock("note") { Text = Spans(n.Text) },
        ListBlock l => new ChatBlock("list") { Items = l.Items.Select(Spans).ToArray(), Ordered = l.Ordered },
        GuidelineTextBlock g => new ChatBlock("guidelineText") { Passages = g.Passages },
        ActionsBlock a => new ChatBlock("actions")
        {
            Text = a.Label is null ? null : Spans(a.Label),
            Buttons = a.Actions.Where(x => Kinds.ContainsValue(x.Kind)).Select(Button).ToArray(),
        },
        InputBlock i => new ChatBlock("input")
        {
            Id = i.Id,
            Text = Spans(i.Label),
            Placeholder = i.Placeholder,
            Multiline = i.Multiline,
            Optional = i.Optional,
            MaxLength = i.MaxLength,
        },
        ToggleBlock t => new ChatBlock("toggle") { Id = t.Id, Text = Spans(t.Label) },
        _ => new ChatBlock("paragraph") { Text = [] },
    };

    private static ChatButton Button(OutboundAction action) =>
        new(action.Label, Kinds.First(k => k.Value == action.Kind).Key, action.Value, action.Primary);

    private static ChatSpan[] Spans(RichText text) =>
        text.Spans.Select(s => new ChatSpan(s.Text, s.Style.HasFlag(SpanStyle.Strong), s.Style.HasFlag(SpanStyle.Emphasis), s.Style.HasFlag(SpanStyle.Code),
            Span.Link(s.Text, s.Url).Url)).ToArray();
}
