using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Core.Experts;

/// <summary>
/// "Ask an expert", once for every channel: opens tickets for questions the guidelines do not answer, lets members of the
/// experts' channel take and answer them, and queues every post (ticket, update, reminder, delivery) in the store's
/// outbox, which <see cref="ExpertOutboxWorker"/> sends at once and retries when it fails. Nothing here knows a channel:
/// each experts' channel is an <see cref="IExpertChannel"/>, each asker's channel an <see cref="IExpertAnswerDelivery"/>
/// (the web chat's answers wait in the store until <see cref="InboxAsync"/>).
/// </summary>
public sealed class ExpertService(
    ITicketStore tickets,
    ISuggestionStore suggestions,
    IExpertOutbox outbox,
    IEnumerable<IExpertChannel> channels,
    IEnumerable<IExpertAnswerDelivery> deliveries,
    AnswerService answers,
    ExpertOutboxSignal signal,
    TimeProvider time,
    IdGenerator ids,
    ILogger<ExpertService> logger)
{
    private readonly IReadOnlyList<IExpertChannel> _channels = channels.ToArray();

    /// <summary>The askers' channels an answer can be delivered to (web askers fetch theirs from the store).</summary>
    private readonly HashSet<string> _delivered = [.. deliveries.Select(d => d.Channel), Channels.Web];

    /// <summary>
    /// "Ask an expert" is offered to askers in <paramref name="channel"/>: an experts' channel is configured, and the
    /// answer can reach them there (Teams without an App ID, its local mode, cannot be posted to later).
    /// </summary>
    public bool AvailableTo(string channel) => _channels.Count > 0 && _delivered.Contains(channel);

    /// <summary>The confirmation form for <paramref name="question"/>, or a notice when experts are not available to the asker.</summary>
    public OutboundMessage Confirm(ConversationContext context, AnswerRef question) =>
        AvailableTo(context.Channel) ? new AskExpertFormMessage(question) : new NoticeMessage(NoticeKind.ExpertsUnavailable, answers.Contact);

    /// <summary>Opens a ticket for the asker in <paramref name="context"/> (their unanswered one for the same question if any) and queues its posts.</summary>
    public async Task<OutboundMessage> OpenAsync(ConversationContext context, AnswerRef question, string? contextLine, CancellationToken cancellationToken)
    {
        if (!AvailableTo(context.Channel))
        {
            return new NoticeMessage(NoticeKind.ExpertsUnavailable, answers.Contact);
        }

        var text = MessageText.Shorten(question.Question.Trim(), ExpertInputs.MaxAnswerLength);
        var guess = answers.Ask(text, cancellationToken) switch
        {
            AnswerReply a => (a.Section.Id, a.Section.Heading, a.Score),
            NoAnswerReply { Suggestions: [var first, ..] } n => (first.Id, first.Heading, n.Score),
            NoAnswerReply n => ((string?)null, (string?)null, n.Score),
            _ => (null, null, 0d),
        };
        var asker = new ExpertAsker(context.Channel, context.UserId, context.DisplayName, context.TenantId, context.ConversationId, context.IsDirect,
            context.ReplyAddress);
        var draft = new Ticket(ids.Next(), text, contextLine is null ? null : Clean(contextLine, ExpertInputs.MaxContextLength), asker,
            guess.Item1, guess.Item2, Math.Round(guess.Item3, 4), time.GetUtcNow());
        var (ticket, created) = await tickets.OpenAsync(draft, Key(context.Channel, context.TenantId ?? "", context.UserId, Normalise(text)), cancellationToken);
        if (created)
        {
            logger.LogInformation("Opened expert ticket {TicketId} from {Channel}", ticket.Id, context.Channel);
        }

        // Also for a ticket that exists: when queuing failed after the ticket was stored, the retry (or the asker's second
        // try) queues its posts now. The job ids are fixed, so posts already queued or made are left as they are.
        foreach (var channel in _channels)
        {
            var job = "post:" + channel.Channel + ":" + ticket.Id;
            await EnqueueAsync(ExpertJobKind.PostTicket, ticket.Id, null, channel.Channel, job, cancellationToken);
            // Asked again after the post was given up (the channel down for days, the bot not in it): the experts never saw
            // it, and "you already asked" would be the end of it. Posted now, with its attempts counted afresh.
            if (!created && ticket.Answers.Count == 0 && !ticket.Posts.Any(p => p.Channel == channel.Channel)
                && await outbox.ReviveAsync(job, time.GetUtcNow(), cancellationToken))
            {
                logger.LogWarning("Expert ticket {TicketId} was never posted to {Channel} (given up); its asker asked again, so it is posted again",
                    ticket.Id, channel.Channel);
                signal.Notify();
            }
        }

        return new ExpertTicketOpenedMessage(ticket, created);
    }

    /// <summary>The answer form of the ticket, for a member of the experts' channel the person acts in.</summary>
    public async Task<OutboundMessage> AnswerFormAsync(ConversationContext context, string ticketId, CancellationToken cancellationToken)
    {
        if (!await IsExpertAsync(context, cancellationToken))
        {
            return new NoticeMessage(NoticeKind.NotAnExpert);
        }

        return await tickets.GetAsync(ticketId, cancellationToken) is { } ticket
            ? new ExpertAnswerFormMessage(ticket)
            : new NoticeMessage(NoticeKind.TicketNotFound);
    }

    /// <summary>
    /// Assigns the ticket to the member who pressed "Assign to me", from the holder the post showed
    /// (<see cref="ExpertAssignInbound.ShownHolder"/>): the store decides, so of two members pressing at once one gets it
    /// and the other is told, privately, who has it. A press on a post that showed someone else holding it takes the
    /// ticket over. The ticket's posts are updated either way, to show who holds it now.
    /// </summary>
    public async Task<OutboundMessage> AssignAsync(ConversationContext context, ExpertAssignInbound press, CancellationToken cancellationToken)
    {
        if (!await IsExpertAsync(context, cancellationToken))
        {
            return new NoticeMessage(NoticeKind.NotAnExpert);
        }

        if (await tickets.GetAsync(press.TicketId, cancellationToken) is not { } ticket)
        {
            return new NoticeMessage(NoticeKind.TicketNotFound);
        }

        var expert = Expert(context);
        var holder = ticket.AssignedTo;
        if (!expert.IsSamePerson(holder))
        {
            // Changed since the post was shown (a claim a moment before, the post not updated yet): not taken from them unseen.
            if (holder is not null && holder.Key != press.ShownHolder)
            {
                return await HeldByAsync(ticket, holder, cancellationToken);
            }

            if (!await tickets.AssignAsync(ticket.Id, expert, holder, time.GetUtcNow(), cancellationToken))
            {
                // Another claim from the same state won (at the same moment, maybe on another replica), unless it was the
                // expert's own (a double click).
                switch ((await tickets.GetAsync(ticket.Id, cancellationToken))?.AssignedTo)
                {
                    case { } winner when !expert.IsSamePerson(winner):
                        return await HeldByAsync(ticket, winner, cancellationToken);
                    case null:
                        // (The ticket went between reading it and claiming it.)
                        return new NoticeMessage(NoticeKind.TicketNotFound);
                }
            }
            else
            {
                logger.LogInformation("Expert ticket {TicketId} assigned on {Channel}{TakenOver}", ticket.Id, expert.Channel, holder is null ? "" : " (taken over)");
                await EnqueueAsync(ExpertJobKind.UpdatePosts, ticket.Id, null, null, "update:" + ids.Next(), cancellationToken);
                if (holder is not null)
                {
                    // The expert who had it learns it from the bot, not by finding someone else's name on the post.
                    await EnqueueAsync(ExpertJobKind.TellTakenOver, ticket.Id, null, holder.Channel, "takenover:" + ids.Next(), cancellationToken, holder.UserId);
                    return new NoticeMessage(NoticeKind.TicketTakenOver, holder.DisplayName);
                }
            }
        }

        return new NoticeMessage(ticket.Answers.Count > 0 ? NoticeKind.AnsweredTicketAssigned : NoticeKind.TicketAssigned, ticket.Asker.DisplayName);
    }

    /// <summary>The clicker is told who holds the ticket; its posts are brought up to date, so a second press is a deliberate takeover.</summary>
    private async Task<OutboundMessage> HeldByAsync(Ticket ticket, ExpertRef holder, CancellationToken cancellationToken)
    {
        await EnqueueAsync(ExpertJobKind.UpdatePosts, ticket.Id, null, null, "update:" + ids.Next(), cancellationToken);
        return new NoticeMessage(NoticeKind.TicketHeldByOther, holder.DisplayName);
    }

    /// <summary>
    /// An answer from a member of the experts' channel: stored once (a retry or double click adds nothing), delivered to
    /// the asker, shown on the ticket's posts, and a suggestion for the knowledge when <paramref name="addToKnowledge"/>.
    /// </summary>
    public async Task<OutboundMessage> AnswerAsync(ConversationContext context, string ticketId, string text, bool addToKnowledge,
        CancellationToken cancellationToken)
    {
        if (!await IsExpertAsync(context, cancellationToken))
        {
            return new NoticeMessage(NoticeKind.NotAnExpert);
        }

        var answerText = Clean(text, ExpertInputs.MaxAnswerLength);
        if (!ExpertInputs.HasWords(answerText))
        {
            return new NoticeMessage(NoticeKind.ExpertAnswerEmpty);
        }

        if (await tickets.GetAsync(ticketId, cancellationToken) is not { } ticket)
        {
            return new NoticeMessage(NoticeKind.TicketNotFound);
        }

        var expert = Expert(context);
        var normalised = Normalise(answerText);
        var candidate = new TicketAnswer(ids.Next(), ticket.Id, expert, answerText, addToKnowledge, time.GetUtcNow());
        var added = await tickets.AddAnswerAsync(candidate, Key(ticket.Id, expert.Channel, expert.UserId, normalised), cancellationToken);
        var answer = added ? candidate
            : (await tickets.GetAsync(ticket.Id, cancellationToken))?.Answers.FirstOrDefault(a =>
                a.Expert.Channel == expert.Channel && a.Expert.UserId == expert.UserId && Normalise(a.Text) == normalised);
        if (added)
        {
            logger.LogInformation("Expert answer {AnswerId} to ticket {TicketId} from {Channel}", answer!.Id, ticket.Id, expert.Channel);
        }

        // For a duplicate too: when queuing failed after the answer was stored, the retry queues what is missing. The
        // suggestion is kept once per answer and the job ids are fixed, so nothing happens twice.
        if (answer is not null)
        {
            await FollowUpAsync(ticket, answer, cancellationToken);
        }

        return new NoticeMessage(added ? NoticeKind.ExpertAnswerSent : NoticeKind.ExpertAnswerDuplicate, ticket.Asker.DisplayName);
    }

    /// <summary>What a stored answer brings: its suggestion, its delivery (web askers fetch theirs) and the posts' update.</summary>
    private async Task FollowUpAsync(Ticket ticket, TicketAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.AddToKnowledge)
        {
            await suggestions.AddAsync(new KnowledgeSuggestion(ids.Next(), ticket.Id, answer.Id, ticket.Question, answer.Text, answer.Expert, answer.At),
                cancellationToken);
        }

        if (ticket.Asker.Channel != Channels.Web)
        {
            await EnqueueAsync(ExpertJobKind.Deliver, ticket.Id, answer.Id, ticket.Asker.Channel, "deliver:" + answer.Id, cancellationToken);
        }

        await EnqueueAsync(ExpertJobKind.UpdatePosts, ticket.Id, null, null, "update:" + answer.Id, cancellationToken);
    }

    /// <summary>A reply in a thread of the experts' channel: an answer when the thread is a ticket's post, else nothing (null).</summary>
    public async Task<OutboundMessage?> ReplyAsync(ConversationContext context, ExpertReplyInbound reply, CancellationToken cancellationToken)
    {
        if (await tickets.FindByPostAsync(context.Channel, reply.ConversationId, reply.PostMessageId, cancellationToken) is not { } ticket)
        {
            return null;
        }

        if (reply.Kind != ExpertReplyKind.Answer)
        {
            // Talk among the experts stays in the ticket's thread; an expert who addressed someone learns it did not go out.
            return reply.Kind == ExpertReplyKind.AddressedToSomeone && await IsExpertAsync(context, cancellationToken)
                ? new NoticeMessage(NoticeKind.ExpertDiscussionKept)
                : null;
        }

        return await AnswerAsync(context, ticket.Id, reply.Text, addToKnowledge: false, cancellationToken);
    }

    /// <summary>The expert answers waiting for the person (web chat): each is returned once, then counts as delivered.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> InboxAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        var waiting = await tickets.TakeUndeliveredAsync(context.Channel, context.TenantId, context.UserId, time.GetUtcNow(), cancellationToken);
        return waiting.Select(w => (OutboundMessage)new ExpertAnswerMessage(w.Ticket, w.Answer)).ToArray();
    }

    private async Task<bool> IsExpertAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        var channel = _channels.FirstOrDefault(c => c.Channel == context.Channel);
        if (channel is null || string.IsNullOrEmpty(context.UserId))
        {
            return false;
        }

        var member = await channel.IsMemberAsync(context.UserId, cancellationToken);
        if (!member)
        {
            logger.LogInformation("Refused a ticket action on {Channel}: the person is not a member of the experts' channel", context.Channel);
        }

        return member;
    }

    private async Task EnqueueAsync(ExpertJobKind kind, string ticketId, string? answerId, string? channel, string id, CancellationToken cancellationToken,
        string? userId = null)
    {
        await outbox.EnqueueAsync(new ExpertJob(id, kind, ticketId, answerId, channel, time.GetUtcNow()) { UserId = userId }, cancellationToken);
        signal.Notify();
    }

    private static ExpertRef Expert(ConversationContext context) => new(context.Channel, context.UserId, context.DisplayName);

    /// <summary>One line of the person's text, trimmed and cut to <paramref name="max"/> characters (answers keep their line breaks).</summary>
    private static string Clean(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length > max ? trimmed[..max].TrimEnd() : trimmed;
    }

    /// <summary>The same question or answer however it is cased, spaced or punctuated at its end.</summary>
    internal static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '!', '.', ' ');

    /// <summary>A fixed-length key for deduplication: a hash of the parts.</summary>
    internal static string Key(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))));
}
