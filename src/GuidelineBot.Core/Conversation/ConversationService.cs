using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;
using GuidelineBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Core.Conversation;

/// <summary>
/// The conversation, once for every channel: a channel parses its protocol into a <see cref="ConversationContext"/> and a
/// <see cref="ConversationInbound"/>, and renders the <see cref="OutboundMessage"/>s this returns. Here are decided:
/// <list type="bullet">
/// <item><b>Onboarding or question.</b> <c>onboard</c> / <c>start onboarding</c> / <c>resume</c> start or continue the
/// walk-through from anywhere (outside a direct conversation its messages go to the person's direct conversation,
/// <see cref="ConversationResponse.ToDirectChat"/>); in a direct conversation everything typed while the person's onboarding
/// is active (started, not paused, not finished) belongs to it. Everything else is answered from the guidelines.</item>
/// <item><b>Feedback.</b> One vote per answer and person, on every channel: the first vote is recorded, a repeat of the
/// same vote changes nothing, a different vote replaces the earlier one (<see cref="IFeedbackStore.VoteAsync"/>). The
/// answer is the logged question (<see cref="AnswerRef.QuestionId"/>); for buttons without one, the message voted on
/// (<see cref="ConversationContext.MessageId"/>), else the section and question. A counted vote also reaches the question
/// log.</item>
/// <item><b>Question log.</b> Every typed or asked question is recorded in the optional <see cref="IQuestionLog"/>:
/// answered, declined, <see cref="QuestionOutcome.Picked"/> (a section opened from a button) or
/// <see cref="QuestionOutcome.Other"/> (help, topics, small talk, onboarding turns), with a
/// pseudonymous user hash, the section, confidence and latency. Answers carry the record's id, so feedback on them
/// reaches it. A failing log is a warning, never a failed answer.</item>
/// <item><b>Welcome</b> once per conversation, and onboarding auto-start for people who join.</item>
/// <item><b>Ask an expert</b> (<see cref="ExpertService"/>, when an experts' channel is configured): declined questions and
/// 👎 offer it; the confirmation opens a ticket; members of the experts' channel take and answer tickets by button, form
/// or thread reply; the web chat's waiting answers are delivered when it opens.</item>
/// </list>
/// </summary>
public sealed class ConversationService(
    AnswerService answers,
    OnboardingService onboarding,
    IFeedbackStore feedback,
    IOnceStore once,
    TimeProvider time,
    IdGenerator ids,
    ILogger<ConversationService> logger,
    GuidelineMetrics? metrics = null,
    IQuestionLog? questionLog = null,
    ExpertService? experts = null)
{
    public async Task<ConversationResponse> HandleAsync(ConversationContext context, ConversationInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inbound);
        return inbound switch
        {
            TextInbound text => await TextAsync(context, text.Text ?? "", cancellationToken),
            AskInbound ask => await AskAsync(context, ask.Question, cancellationToken, sectionId: ask.SectionId, pressed: true),
            FeedbackInbound vote => await FeedbackAsync(context, vote, cancellationToken),
            ShareInbound share => Share(context, share.Answer, cancellationToken),
            OnboardingActionInbound button => await OnboardingButtonAsync(context, button.Value, cancellationToken),
            WelcomeInbound => await WelcomeAsync(context, cancellationToken),
            MemberJoinedInbound => await MemberJoinedAsync(context, cancellationToken),
            AskExpertInbound ask => One(experts?.Confirm(context, ask.Question) ?? new NoticeMessage(NoticeKind.ExpertsUnavailable, answers.Contact)),
            SendToExpertInbound send => One(experts is null ? new NoticeMessage(NoticeKind.ExpertsUnavailable, answers.Contact)
                : await experts.OpenAsync(context, send.Question, send.Context, cancellationToken)),
            ExpertAnswerFormInbound form => One(experts is null ? new NoticeMessage(NoticeKind.NotAnExpert)
                : await experts.AnswerFormAsync(context, form.TicketId, cancellationToken)),
            ExpertAssignInbound assign => One(experts is null ? new NoticeMessage(NoticeKind.NotAnExpert)
                : await experts.AssignAsync(context, assign, cancellationToken)),
            ExpertAnswerInbound answer => One(experts is null ? new NoticeMessage(NoticeKind.NotAnExpert)
                : await experts.AnswerAsync(context, answer.TicketId, answer.Text, answer.AddToKnowledge, cancellationToken)),
            ExpertReplyInbound reply => experts is not null && await experts.ReplyAsync(context, reply, cancellationToken) is { } replied
                ? One(replied) : ConversationResponse.None,
            ChatOpenedInbound => experts is null ? ConversationResponse.None : new ConversationResponse(await experts.InboxAsync(context, cancellationToken)),
            _ => ConversationResponse.None,
        };
    }

    /// <summary>The longest onboarding word typed ("pause onboarding", "cancel onboarding"); longer text is never one.</summary>
    private const int MaxOnboardingWordLength = 20;

    private async Task<ConversationResponse> TextAsync(ConversationContext context, string text, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var key = context.OnboardingKey;
        if (OnboardingInput.IsTrigger(text))
        {
            var outputs = await onboarding.HandleAsync(key, OnboardingInput.FromText(text), context.DisplayName, cancellationToken);
            await LogAsync(context, text, null, ids.Next(), started, cancellationToken);
            return InDirectChat(context, outputs, new ConversationResponse(Messages(context, outputs, null)));
        }

        // "next", "pause" … outside the direct conversation (a slash command or a mention in a channel): the walk-through is
        // the person's wherever they type, so the words act on it as "resume" does — the next step goes to the direct
        // conversation with a notice here, a pause (or "nothing in progress") is said here — and are never a question.
        if (!context.IsDirect && text.Length <= MaxOnboardingWordLength
            && OnboardingInput.FromText(text) is (OnboardingInput.Next or OnboardingInput.Pause) and var elsewhere)
        {
            var outputs = await onboarding.HandleAsync(key, elsewhere, context.DisplayName, cancellationToken);
            await LogAsync(context, text, null, ids.Next(), started, cancellationToken);
            var response = new ConversationResponse(Messages(context, outputs, null));
            return elsewhere is OnboardingInput.Next ? InDirectChat(context, outputs, response) : response;
        }

        // "next", "pause", "cancel" … typed while paused, or with no walk-through in progress: the walk-through's words, not
        // a question about the guidelines (they were answered "I couldn't find this", offered to the experts and counted
        // among the unanswered). With none in progress the walk-through says so and how to start one.
        if (context.IsDirect && text.Length <= MaxOnboardingWordLength
            && OnboardingInput.FromText(text) is (OnboardingInput.Next or OnboardingInput.Pause) and var word
            && !await onboarding.IsActiveAsync(key, cancellationToken))
        {
            var outputs = await onboarding.HandleAsync(key, word, context.DisplayName, cancellationToken);
            await LogAsync(context, text, null, ids.Next(), started, cancellationToken);
            return new ConversationResponse(Messages(context, outputs, null));
        }

        if (context.IsDirect && !string.IsNullOrWhiteSpace(text) && await onboarding.IsActiveAsync(key, cancellationToken))
        {
            var outputs = await onboarding.HandleAsync(key, new OnboardingInput.FreeText(text), context.DisplayName, cancellationToken);
            var id = ids.Next();
            var asked = outputs.OfType<OnboardingAnsweredQuestion>().FirstOrDefault()?.Reply;
            Count(context, asked);
            await LogAsync(context, text, asked, id, started, cancellationToken);
            return new ConversationResponse(Offer(context, Messages(context, outputs, id)));
        }

        return await AskAsync(context, text, cancellationToken, started);
    }

    /// <param name="sectionId">The section a topic button names: shown as it is while the knowledge has it.</param>
    /// <param name="pressed">
    /// A button asked: what its heading finds (the section is gone after a reload, or the button carried no id) is a
    /// topic the person picked too, not a question they asked, and is logged as picked.
    /// </param>
    private async Task<ConversationResponse> AskAsync(ConversationContext context, string question, CancellationToken cancellationToken,
        long? started = null, string? sectionId = null, bool pressed = false)
    {
        started ??= time.GetTimestamp();
        var reply = (sectionId is null ? null : answers.Show(sectionId, question, cancellationToken)) ?? answers.Ask(question, cancellationToken);
        if (pressed && reply is AnswerReply { Picked: false } found)
        {
            reply = found with { Picked = true };
        }

        var id = ids.Next();
        Count(context, reply);
        await LogAsync(context, question, reply, id, started.Value, cancellationToken);
        return new ConversationResponse(Offer(context, [Message(context, reply, id)]));
    }

    private async Task<ConversationResponse> FeedbackAsync(ConversationContext context, FeedbackInbound vote, CancellationToken cancellationToken)
    {
        var answer = vote.Answer;
        // A vote counts for a section the guidelines have: not for one gone since (or another section now at its place),
        // or a made-up button value.
        if (answer.SectionId is not { } votedSection || !answers.HasSection(votedSection, answer.SectionCheck))
        {
            return new ConversationResponse([new NoticeMessage(NoticeKind.VoteOnAnAnswerGone)]);
        }

        var record = new FeedbackRecord(context.Channel, context.UserId, answer.Question, answer.SectionId, vote.Helpful, time.GetUtcNow());
        var counted = await feedback.VoteAsync(record, VoteKey(context, answer), cancellationToken);
        if (counted)
        {
            metrics?.Feedback(context.Channel, vote.Helpful);
            if (answer.QuestionId is { } questionId && questionLog is not null)
            {
                await GuardAsync(() => questionLog.RecordFeedbackAsync(questionId, vote.Helpful, cancellationToken), "feedback", questionId, cancellationToken);
            }
        }

        // Answers are deterministic for a knowledge version: rebuild the answer voted on to show it with the thank-you.
        var rebuilt = Rebuild(answer, cancellationToken) is { } a ? new AnswerMessage(a, answer.QuestionId) { Feedback = vote.Helpful } : null;
        var thanks = new FeedbackThanksMessage(vote.Helpful, counted, rebuilt) { ExpertOffer = !vote.Helpful && experts is not null && experts.AvailableTo(context.Channel) ? answer : null };
        return new ConversationResponse([thanks]);
    }

    private ConversationResponse Share(ConversationContext context, AnswerRef answer, CancellationToken cancellationToken) =>
        Rebuild(answer, cancellationToken) is { } a
            ? new ConversationResponse([new AnswerMessage(a, answer.QuestionId) { SharedBy = context.UserId }])
            : new ConversationResponse([new NoticeMessage(NoticeKind.ShareOfAnAnswerGone)]);

    private async Task<ConversationResponse> OnboardingButtonAsync(ConversationContext context, string value, CancellationToken cancellationToken)
    {
        var input = OnboardingInput.TryParseButtonValue(value, out var parsed) ? parsed : new OnboardingInput.Resume();
        var outputs = await onboarding.HandleAsync(context.OnboardingKey, input, context.DisplayName, cancellationToken);
        var response = new ConversationResponse(Messages(context, outputs, null));
        // "Start onboarding" pressed in a channel (under a notice said there) walks through in the private chat, as typed.
        return input is OnboardingInput.Start or OnboardingInput.Resume ? InDirectChat(context, outputs, response) : response;
    }

    /// <summary>
    /// Onboarding started or resumed outside a direct conversation continues in the person's private chat, with a notice
    /// here; a notice that there is nothing to walk through (none in progress, all done, no documents) is said here.
    /// </summary>
    private static ConversationResponse InDirectChat(ConversationContext context, IReadOnlyList<OnboardingOutput> outputs, ConversationResponse response) =>
        context.IsDirect || outputs.All(o => o is OnboardingNotice
        {
            Kind: OnboardingNoticeKind.NotStarted or OnboardingNoticeKind.AlreadyCompleted or OnboardingNoticeKind.NothingToOnboard,
        })
            ? response
            : response with { ToDirectChat = true, NoticeHere = new NoticeMessage(NoticeKind.MovedToDirectChat, context.DisplayName) };

    private async Task<ConversationResponse> WelcomeAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        if (!await once.TryClaimAsync(context.Channel + "-welcome", context.ConversationId, time.GetUtcNow(), expiresAfter: null, cancellationToken))
        {
            return ConversationResponse.None;
        }

        return new ConversationResponse([Greeting(context.Command)]);
    }

    /// <summary>The bot introducing itself: what it does, example questions to press, the documents.</summary>
    /// <param name="command">The channel's slash command, when it has one.</param>
    public HelpMessage Greeting(string? command = null) => new(answers.Help("welcome"), IsWelcome: true, command);

    private async Task<ConversationResponse> MemberJoinedAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        var outputs = await onboarding.AutoStartAsync(context.OnboardingKey, context.DisplayName, cancellationToken);
        return outputs.Count == 0 ? ConversationResponse.None : new ConversationResponse(Messages(context, outputs, null)) { ToDirectChat = true };
    }

    /// <summary>
    /// The answer a button is about, again: a section the person picked (its heading is the question) as it was shown,
    /// whole; else the question asked anew, when the same section still answers it. Null otherwise (the knowledge
    /// changed since: also when another section now has the answer's id).
    /// </summary>
    private AnswerReply? Rebuild(AnswerRef answer, CancellationToken cancellationToken) =>
        answer is { SectionId: { } id, SectionCheck: { } check } && !answers.HasSection(id, check) ? null :
        (answer.SectionId is { } sectionId ? answers.Show(sectionId, answer.Question, cancellationToken) : null)
        ?? (answers.Ask(answer.Question, cancellationToken) is AnswerReply a && (answer.SectionId is null || a.Section.Id == answer.SectionId) ? a : null);

    private static IReadOnlyList<OutboundMessage> Messages(ConversationContext context, IReadOnlyList<OnboardingOutput> outputs, string? questionId)
    {
        var messages = new List<OutboundMessage>(outputs.Count + 1);
        foreach (var output in outputs)
        {
            if (output is OnboardingAnsweredQuestion answered)
            {
                messages.Add(Message(context, answered.Reply, questionId));
                if (!answered.OfferContinue)
                {
                    continue;
                }
            }

            messages.Add(new OnboardingMessage(output));
        }

        return messages;
    }

    private static ConversationResponse One(OutboundMessage message) => new([message]);

    /// <summary>With experts available to the asker, a declined question offers "Ask an expert" (the closest section as the best guess).</summary>
    private IReadOnlyList<OutboundMessage> Offer(ConversationContext context, IReadOnlyList<OutboundMessage> messages) =>
        experts is null || !experts.AvailableTo(context.Channel) || !messages.Any(m => m is NoAnswerMessage)
            ? messages
            : messages.Select(m => m is NoAnswerMessage n
                ? n with { ExpertOffer = new AnswerRef(n.QuestionId, n.Reply.Suggestions.FirstOrDefault()?.Id, n.Reply.Question) }
                : m).ToArray();

    private static OutboundMessage Message(ConversationContext context, Reply reply, string? questionId) =>
        OutboundMessage.From(reply, questionId, context.Command);

    private void Count(ConversationContext context, Reply? reply)
    {
        if (reply is not null)
        {
            metrics?.Question(context.Channel, reply);
        }
    }

    private async Task LogAsync(ConversationContext context, string text, Reply? reply, string id, long started, CancellationToken cancellationToken)
    {
        if (questionLog is null)
        {
            return;
        }

        var (outcome, section, confidence) = reply switch
        {
            AnswerReply { Picked: true } a => (QuestionOutcome.Picked, a.Section, a.Score),
            AnswerReply a => (QuestionOutcome.Answered, a.Section, a.Score),
            NoAnswerReply n => (QuestionOutcome.Declined, null, n.Score),
            _ => (QuestionOutcome.Other, null, 0d),
        };
        var record = new QuestionRecord(id, time.GetUtcNow(), context.Channel, QuestionTable.UserHash(context.Channel, context.UserId), text, outcome,
            section?.DocumentId, section?.Id, confidence, time.GetElapsedTime(started).TotalMilliseconds);
        await GuardAsync(() => questionLog.RecordAsync(record, cancellationToken), "question", id, cancellationToken);
    }

    /// <summary>The question log is a report, not the answer: its failures are logged and swallowed.</summary>
    private async Task GuardAsync(Func<Task> write, string what, string id, CancellationToken cancellationToken)
    {
        try
        {
            await write();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Question log: the {What} of {QuestionId} was not recorded: {Message}", what, id, ex.Message);
        }
    }

    /// <summary>
    /// One vote per answer and person: the logged question when the button carries its id, else the message voted on,
    /// else the section and question in this conversation. Hashed: fixed length whatever the question's.
    /// </summary>
    internal static string VoteKey(ConversationContext context, AnswerRef answer)
    {
        var what = answer.QuestionId is { Length: > 0 } id ? "q:" + id
            : context.MessageId is { Length: > 0 } message ? $"m:{context.ConversationId}\n{message}"
            : $"a:{context.ConversationId}\n{answer.SectionId}\n{answer.Question}";
        var key = string.Join('\u001f', context.TenantId ?? "", what, context.UserId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
