using System.Text.Json;
using GuidelineBot.Teams.Auth;
using GuidelineBot.Teams.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Teams.Endpoint;

/// <summary>
/// <c>POST /api/messages</c>: parse (bad JSON or no <c>type</c> → 400), authenticate (→ 401, nothing sent anywhere),
/// queue the turn and answer 200 at once; replies go out through the Bot Connector.
/// </summary>
internal static class MessagesEndpoint
{
    public const string Route = "/api/messages";

    public static async Task<IResult> HandleAsync(
        HttpRequest request, BotRequestAuthenticator authenticator, TurnQueue queue, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(request.Body, TeamsJsonContext.Default.Activity, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.BadRequest("The body is not a JSON activity.");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.BadRequest("The activity has no type.");
        }

        if (!await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity, cancellationToken))
        {
            return Results.Unauthorized();
        }

        if (!queue.TryEnqueue(activity))
        {
            loggers.CreateLogger(typeof(MessagesEndpoint)).LogWarning("Turn queue full: answering 503 so the Bot Connector retries later");
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }
}
