using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// A submitted modal, in the background: the core takes the submit like the button it stands for ("Send to the
/// experts" opens the ticket, "Submit" an expert's answer), with the person's name and where they opened the form; what
/// it answers (ticket opened, answer sent, a refusal) goes to them alone, where they were. A failure tells them to try again.
/// </summary>
internal sealed class FormSubmitHandler(
    ConversationService conversation,
    SlackApiClient api,
    SlackPrivateReplies replies,
    IOptions<SlackOptions> options,
    ILogger<FormSubmitHandler> logger)
{
    public async Task HandleAsync(ViewSubmissionWork work, CancellationToken cancellationToken)
    {
        var metadata = work.Metadata;
        if (ConversationInbound.FromAction(work.Kind, metadata.Value, work.Inputs) is not { } inbound)
        {
            logger.LogWarning("Slack view_submission {LogId} has an unreadable value; ignored", work.LogId);
            return;
        }

        IReadOnlyList<OutboundMessage> messages;
        try
        {
            var name = await api.GetNameAsync(work.UserId, work.Handle, work.LogId, cancellationToken);
            var context = SlackContext.For(options.Value, work.UserId, work.TeamId, metadata, name);
            messages = (await conversation.HandleAsync(context, inbound, cancellationToken)).Messages;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Slack view_submission {LogId} failed: {Message}", work.LogId, ex.Message);
            messages = [new NoticeMessage(NoticeKind.Failed)];
        }

        await replies.TellAsync(work.UserId, metadata.Channel, metadata.ResponseUrl, SlackRenderer.Render(messages), work.LogId, cancellationToken);
    }
}
