using System.Text.Json;
using GuidelineBot.Core.Background;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Events;

/// <summary><c>POST /slack/events</c>: answers <c>url_verification</c>, acknowledges callbacks at once and queues them.</summary>
internal static class EventsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, [FromServices] WorkQueue<SlackWork> queue, [FromServices] ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(EventsEndpoint).FullName!);
        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(SlackRequestBody.From(context), SlackJsonContext.Default.SlackEventEnvelope);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Malformed Slack event body: {Message}", ex.Message);
            return SlackBadRequest.Because("The body is not a Slack event envelope (a JSON object).");
        }

        if (envelope is null)
        {
            // The JSON literal null deserializes to no envelope, without an exception: the same answer as [] or "text".
            return SlackBadRequest.Because("The body is not a Slack event envelope (a JSON object).");
        }

        switch (envelope.Type)
        {
            case null:
                return SlackBadRequest.Because("The event envelope has no type.");
            case "url_verification":
                return envelope.Challenge is { } challenge
                    ? Results.Json(new UrlVerificationResponse(challenge), SlackJsonContext.Default.UrlVerificationResponse)
                    : SlackBadRequest.Because("url_verification has no challenge.");
            case "event_callback":
                if (string.IsNullOrEmpty(envelope.EventId) || envelope.Event is null)
                {
                    return SlackBadRequest.Because("event_callback needs an event_id and an event.");
                }

                var retry = context.Request.Headers["X-Slack-Retry-Num"].ToString();
                if (retry.Length > 0)
                {
                    logger.LogInformation("Slack retry {Retry} ({Reason}) of event {EventId}",
                        retry, context.Request.Headers["X-Slack-Retry-Reason"].ToString(), envelope.EventId);
                }

                if (!await queue.TryEnqueueAsync(new EventWork(envelope, envelope.EventId), context.RequestAborted))
                {
                    logger.LogError("Slack event {EventId} not accepted: the work queue is full; Slack will retry", envelope.EventId);
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                return Results.Ok();
            default:
                // app_rate_limited and other notices: acknowledge.
                logger.LogInformation("Slack sent {Type}", envelope.Type);
                return Results.Ok();
        }
    }
}
