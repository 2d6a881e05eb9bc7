using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Conversation;

/// <summary>
/// Events (already in the background): what people write to the bot or in its sight goes to the conversation core, and
/// what it answers is posted with <c>chat.postMessage</c> — in the thread given, or, for messages that belong in the
/// person's DM (onboarding asked for in a channel, an auto-start), into the DM (<c>conversations.open</c>) with a notice
/// where they asked.
/// </summary>
internal sealed class SlackConversation(ConversationService conversation, SlackDirectMessages poster, SlackApiClient api, ILogger<SlackConversation> logger)
{
    /// <summary>Typed text from a mention or a DM; true when it was answered (not when the answer failed and the person got the apology).</summary>
    /// <remarks>Events carry no name: a start of onboarding looks it up (<c>users.info</c>) so greeting and records have one.</remarks>
    public async Task<bool> AnswerAsync(ConversationContext context, string text, string? threadTs, string logId, CancellationToken cancellationToken)
    {
        if (context.DisplayName.Length == 0 && OnboardingInput.FromText(text) is OnboardingInput.Start &&
            await api.GetUserAsync(context.UserId, logId, cancellationToken) is { Name.Length: > 0 } info)
        {
            context = context with { DisplayName = info.Name };
        }

        ConversationResponse response;
        try
        {
            response = await conversation.HandleAsync(context, new TextInbound(text), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // The store behind the conversation failed (a direct message reads the person's onboarding): Slack has had its
            // acknowledgement and will not send the message again, so the person gets the core's apology, not silence.
            logger.LogError(ex, "Slack {LogId}: the conversation failed ({Message}); apologising", logId, ex.Message);
            await poster.PostAsync(context.UserId, context.ConversationId, [SlackRenderer.Render(new NoticeMessage(NoticeKind.Failed))], logId,
                cancellationToken, threadTs);
            return false;
        }

        if (!response.ToDirectChat)
        {
            return await poster.PostAsync(context.UserId, context.ConversationId, SlackRenderer.Render(response.Messages), logId, cancellationToken, threadTs);
        }

        var moved = await poster.PostAsync(context.UserId, null, SlackRenderer.Render(response.Messages), logId, cancellationToken);
        // Not silence when the DM could not be opened (or took nothing): said where they asked, and how to go on.
        var here = moved ? response.NoticeHere : new NoticeMessage(NoticeKind.DirectChatUnavailable);
        return here is not null &&
               await poster.PostAsync(context.UserId, context.ConversationId, [SlackRenderer.Render(here)], logId, cancellationToken, threadTs) && moved;
    }

    /// <summary>
    /// A person just joined: when <c>Onboarding:AutoStart</c> is on and they never had an onboarding, the core starts it
    /// and its first messages go to their DM. The store decides "never had one", so repeated or retried join events, on
    /// any replica, start a person once.
    /// </summary>
    public async Task AutoStartAsync(ConversationContext context, string logId, CancellationToken cancellationToken)
    {
        var person = LogText.Pseudonym(context.OnboardingKey.UserId);
        var response = await conversation.HandleAsync(context, new MemberJoinedInbound(), cancellationToken);
        if (response.Messages.Count == 0)
        {
            logger.LogInformation("Onboarding not auto-started for {Key} ({LogId}): auto-start is off or they already have one", person, logId);
            return;
        }

        logger.LogInformation("Onboarding auto-started for {Key} ({LogId})", person, logId);
        await poster.PostAsync(context.UserId, null, SlackRenderer.Render(response.Messages), logId, cancellationToken);
    }
}
