using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Rendering;
using GuidelineBot.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Commands;

/// <summary>
/// <c>POST /slack/commands</c>: <c>/guidelines &lt;text&gt;</c> goes to the conversation core; its answer comes back inside
/// the HTTP response as an ephemeral Block Kit message with Share / 👍 / 👎. What belongs in the person's DM (onboarding:
/// <c>/guidelines onboard</c>, <c>resume</c>) is queued for it once the DM is open (<c>conversations.open</c>, within
/// <see cref="OpenBudget"/>), and the command says so; a DM that could not be opened is said plainly instead.
/// </summary>
internal static class SlashCommandEndpoint
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>
    /// How long the command waits for <c>conversations.open</c> (with its retries) before it counts the DM as not opened:
    /// Slack wants the command's answer within 3 s.
    /// </summary>
    internal static readonly TimeSpan OpenBudget = TimeSpan.FromSeconds(1.5);

    /// <summary>Said when the step failed (e.g. the store is down).</summary>
    public static string FailedText => MessageText.Render(new NoticeMessage(NoticeKind.Failed));

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromServices] ConversationService conversation,
        [FromServices] WorkQueue<SlackWork> queue,
        [FromServices] SlashCommandReplies replies,
        [FromServices] SlackApiClient api,
        [FromServices] IOptions<SlackOptions> options,
        [FromServices] TimeProvider time,
        [FromServices] ILoggerFactory loggers)
    {
        var form = SlackForm.Parse(context.Request, SlackRequestBody.From(context));
        if (form is null)
        {
            return SlackBadRequest.Because(SlackForm.NotAForm);
        }

        if (form.Get("ssl_check") == "1")
        {
            return Results.Ok();
        }

        if (form.Get("command") is not { } name || form.Get("user_id") is not { } userId)
        {
            return SlackBadRequest.Because("A slash command needs command and user_id.");
        }

        var command = new SlashCommand(name, SlackText.ToQuestion(form.Get("text")), userId,
            form.Get("team_id"), form.Get("channel_id"), form.Get("response_url"), form.Get("trigger_id"), form.Get("user_name"));
        var ct = context.RequestAborted;
        // The answer is private to the person (ephemeral): onboarding always continues in their DM.
        var chat = SlackContext.For(options.Value, userId, command.TeamId, command.ChannelId, isDirect: false, command.UserName ?? "");
        ConversationResponse response;
        try
        {
            response = await conversation.HandleAsync(chat, new TextInbound(command.Text), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // E.g. the store is down: Slack gets its acknowledgement with an apology, the log gets the error.
            loggers.CreateLogger(typeof(SlashCommandEndpoint).FullName!)
                .LogError(ex, "Slack command {Command} failed: {Message}", command.Command, ex.Message);
            return Json(replies, new NoticeMessage(NoticeKind.Failed));
        }

        if (!response.ToDirectChat)
        {
            return response.Messages.Count == 0 ? Results.Ok() : Json(replies, response.Messages[0], share: true);
        }

        var logId = $"{command.Command} {command.Text} by {LogText.Pseudonym(userId)}";
        // Opened here, not in the background, so the answer says where the onboarding went. The step is already stored:
        // a DM that cannot be opened loses nothing, "resume" shows it.
        if (await OpenDirectMessageAsync(api, userId, logId, time, ct) is not { } dm)
        {
            loggers.CreateLogger(typeof(SlashCommandEndpoint).FullName!).LogWarning("Messages for {LogId} not sent: the DM could not be opened", logId);
            return Json(replies, new NoticeMessage(NoticeKind.DirectChatUnavailable));
        }

        var queued = await queue.TryEnqueueAsync(new DirectMessageWork(userId, dm, SlackRenderer.Render(response.Messages), logId), ct);
        if (!queued)
        {
            loggers.CreateLogger(typeof(SlashCommandEndpoint).FullName!).LogError("Messages for {LogId} not sent: the work queue is full", logId);
        }

        return Json(replies, queued && response.NoticeHere is { } notice ? notice : new NoticeMessage(NoticeKind.OnboardingFailed));
    }

    /// <summary>The person's DM with the app, or null when <c>conversations.open</c> failed or did not answer within <see cref="OpenBudget"/>.</summary>
    private static async Task<string?> OpenDirectMessageAsync(SlackApiClient api, string userId, string logId, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(OpenBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await api.OpenDirectMessageAsync(userId, logId, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static IResult Json(SlashCommandReplies replies, OutboundMessage message, bool share = false) =>
        Results.Bytes(replies.Json(message, share), ContentType);
}
