using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Logging;
using GuidelineBot.Teams.Onboarding;
using GuidelineBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace GuidelineBot.Teams.Turns;

/// <summary>
/// Hands a turn to the conversation core and sends what it answers: as replies here, as an update of the card voted on,
/// or into the person's 1:1 chat with the bot (<see cref="PersonalChat"/>) when it belongs there — onboarding asked for in
/// a channel (or in place, if Teams won't let the bot open the chat) and onboarding auto-started for someone added.
/// </summary>
internal sealed class TeamsConversation(ConversationService conversation, PersonalChat chats, ILogger<TeamsConversation> log)
{
    public async Task RespondAsync(TeamsTurn turn, ConversationInbound inbound, CancellationToken cancellationToken)
    {
        if (inbound is TextInbound or AskInbound)
        {
            await TypingAsync(turn, cancellationToken);
        }

        var response = await conversation.HandleAsync(turn.Context, inbound, cancellationToken);
        if (inbound is ExpertReplyInbound reply && response.Messages.Count == 0)
        {
            // A mention in a thread that is not a ticket's: a question like any other.
            response = await conversation.HandleAsync(turn.Context, new TextInbound(reply.Text), cancellationToken);
        }

        if (response.Messages is [FeedbackThanksMessage thanks])
        {
            await (turn.Context.IsDirect ? ThankAsync(turn, thanks, cancellationToken) : ThankPrivatelyAsync(turn, thanks, cancellationToken));
            return;
        }

        if (inbound is SendToExpertInbound && response.Messages is [ExpertTicketOpenedMessage opened] && turn.Activity.ReplyToId is { } formId)
        {
            // The form becomes the confirmation, so it cannot be sent twice.
            await turn.UpdateAsync(formId, turn.Message(opened), cancellationToken);
            return;
        }

        if (response.ToDirectChat && turn.Activity.From is { Id.Length: > 0 } person && await OpenChatAsync(turn, person, cancellationToken) is { } chat)
        {
            await chats.SendAsync(response.Messages.Select(m => turn.Message(m, chat)), cancellationToken);
            if (response.NoticeHere is { } notice)
            {
                await turn.ReplyAsync(turn.Message(notice), cancellationToken);
            }

            return;
        }

        foreach (var message in response.Messages)
        {
            await turn.ReplyAsync(turn.Message(message), cancellationToken);
        }
    }

    /// <summary>The welcome card, once per conversation (the core claims it in the store: restarts and replicas agree).</summary>
    public async Task WelcomeAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        foreach (var message in (await conversation.HandleAsync(turn.Context, new WelcomeInbound(), cancellationToken)).Messages)
        {
            await turn.SendAsync(turn.Message(message), cancellationToken);
        }
    }

    /// <summary>People added to a team: each gets onboarding in a 1:1 chat when the core auto-starts it (once per person).</summary>
    public async Task MembersAddedAsync(TeamsTurn turn, IReadOnlyList<ChannelAccount> people, CancellationToken cancellationToken)
    {
        foreach (var person in people)
        {
            var context = turn.For(person);
            var response = await conversation.HandleAsync(context, new MemberJoinedInbound(), cancellationToken);
            if (response.Messages.Count == 0)
            {
                log.LogDebug("No onboarding auto-start for {Key}: switched off, or started before", context.OnboardingKey);
                continue;
            }

            try
            {
                var chat = await chats.OpenAsync(turn, person, cancellationToken);
                await chats.SendAsync(response.Messages.Select(m => turn.Message(m, chat)), cancellationToken);
                log.LogInformation("Started onboarding for {Person} in a 1:1 chat", LogText.Pseudonym(context.UserId));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The state is stored (so a retried event will not start it again): the person can still type "resume".
                log.LogError(ex, "Onboarding for {Person} was started but its 1:1 chat could not be opened or written to", LogText.Pseudonym(context.UserId));
            }
        }
    }

    /// <summary>
    /// The card voted on shows the answer again with the thank-you in place of its buttons (or the thank-you alone), and
    /// under a 👎 the "Ask an expert" offer when there is one.
    /// </summary>
    private static async Task ThankAsync(TeamsTurn turn, FeedbackThanksMessage thanks, CancellationToken cancellationToken)
    {
        var message = thanks.Answer is { } answer
            ? turn.Message(answer, extra: thanks.ExpertOffer is null ? null : thanks.Content.OfType<ActionsBlock>())
            : turn.Message(thanks);
        if (turn.Activity.ReplyToId is not { } cardId)
        {
            await turn.ReplyAsync(message, cancellationToken);
            return;
        }

        await turn.UpdateAsync(cardId, message, cancellationToken); // a card alone: the Agents Playground refuses an update that would split into two messages
    }

    /// <summary>
    /// A vote in a channel or group chat: the card is everyone's, so it stays as it is (with its buttons for the others),
    /// and the voter is thanked in their private chat with the bot, naming the answer (a 👎 offers Ask an expert there),
    /// or here when that chat cannot be opened.
    /// </summary>
    private async Task ThankPrivatelyAsync(TeamsTurn turn, FeedbackThanksMessage thanks, CancellationToken cancellationToken)
    {
        if (turn.Activity.From is { Id.Length: > 0 } person && await OpenChatAsync(turn, person, cancellationToken) is { } chat)
        {
            await chats.SendAsync([turn.Message(thanks with { Apart = true }, chat)], cancellationToken);
            return;
        }

        await turn.ReplyAsync(turn.Message(thanks), cancellationToken);
    }

    private async Task<Activity?> OpenChatAsync(TeamsTurn turn, ChannelAccount person, CancellationToken cancellationToken)
    {
        try
        {
            return await chats.OpenAsync(turn, person, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutRejectedException or OperationCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Could not open a 1:1 chat with {Person}; answering in conversation {ConversationId}",
                LogText.Pseudonym(turn.UserId), LogText.Clip(turn.ConversationId));
            return null;
        }
    }

    /// <summary>"Typing…" is a courtesy: a connector that refuses it (a 403, a 404, retries used up) costs the person no answer.</summary>
    private async Task TypingAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await turn.TypingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("Teams typing indicator in conversation {ConversationId} not sent ({Reason}); answering anyway", LogText.Clip(turn.ConversationId), ex.Message);
        }
    }
}
