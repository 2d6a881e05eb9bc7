using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// <c>POST /slack/interactions</c>: the <c>payload</c> form field; <c>view_submission</c> (a modal's submit) goes to the
/// <see cref="ViewSubmissionHandler"/>, <c>block_actions</c> to the handler of its action. One click is one action
/// (Slack's <c>actions</c> holds the component that was used): null actions, and any after the first, are skipped and
/// logged, so one request never turns into a reply per entry. A handler that fails (e.g. the store is down) is logged,
/// Slack still gets its 200, and the person who clicked gets the core's apology (ephemeral, the message they clicked left
/// as it was): they can click again, nothing is half-done in a way a retry would repeat.
/// </summary>
internal static class InteractionsEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromServices] IEnumerable<ISlackActionHandler> handlers,
        [FromServices] ViewSubmissionHandler submissions,
        [FromServices] ResponseUrlReplies replies,
        [FromServices] ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(InteractionsEndpoint).FullName!);
        var json = SlackForm.Parse(context.Request, SlackRequestBody.From(context))?.Get("payload");
        if (json is null)
        {
            return SlackBadRequest.Because("The body is not a form with a payload field.");
        }

        InteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractionPayload);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Malformed Slack interaction payload: {Message}", ex.Message);
            return SlackBadRequest.Because("payload is not valid JSON.");
        }

        if (payload is null)
        {
            // The JSON literal null deserializes to no payload, without an exception: the same answer as other non-objects.
            return SlackBadRequest.Because("payload is not valid JSON.");
        }

        if (payload.Type is null)
        {
            return SlackBadRequest.Because("payload has no type.");
        }

        if (payload.Type == "view_submission")
        {
            return await submissions.HandleAsync(payload, context.RequestAborted);
        }

        if (payload.Type != "block_actions")
        {
            return Results.Ok();
        }

        if (string.IsNullOrEmpty(payload.User?.Id) || payload.Actions is null)
        {
            return SlackBadRequest.Because("block_actions needs user.id and actions.");
        }

        var actions = payload.Actions.OfType<SlackAction>().ToList();
        if (actions.Count < payload.Actions.Count)
        {
            logger.LogWarning("Slack interaction with an empty (null) action; skipped");
        }

        if (actions.Count > 1)
        {
            logger.LogWarning("Slack interaction with {Count} actions; only the first is handled", actions.Count);
        }

        if (actions.Count == 0)
        {
            return Results.Ok();
        }

        var action = actions[0];
        var handler = action.ActionId is { } id ? handlers.FirstOrDefault(h => h.CanHandle(id)) : null;
        if (handler is null)
        {
            logger.LogInformation("Slack action {ActionId} has no handler", LogText.Clip(action.ActionId));
            return Results.Ok();
        }

        try
        {
            await handler.HandleAsync(payload, action, context.RequestAborted);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Slack action {ActionId} failed; acknowledged anyway: {Message}", LogText.Clip(action.ActionId), ex.Message);
            await replies.SendToClickerAsync(payload, action, new NoticeMessage(NoticeKind.Failed), context.RequestAborted);
        }

        return Results.Ok();
    }
}
