using System.Text.Json;
using GuidelineBot.Core.Background;
using GuidelineBot.Core.Logging;
using GuidelineBot.Http;
using GuidelineBot.Teams.Auth;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Teams.Endpoint;

/// <summary>
/// <c>POST /api/messages</c>: Teams off → 404; in local mode a request not addressed to loopback → 400 and one that is not
/// JSON → 415; outside local mode no Bearer token → 401 before the body is read; body over
/// 256 KB → 413; bad JSON, no <c>type</c> or conversation id, an id over 1,024 characters, an empty item in a list, or a service URL that is not a
/// plain http(s) base address → 400; authenticate (→ 401, or 503 + Retry-After while the signing keys cannot be fetched;
/// nothing sent anywhere); activities sent by a bot (the bot's own messages coming back) are ignored; otherwise queue the
/// turn and answer 200 at once.
/// </summary>
internal static class MessagesEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>Activities are a few KB; cards submitted back stay far below this.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const string NoType = "The activity has no type.";

    /// <summary>The UTF-8 byte order mark, which may come before a JSON body.</summary>
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>As long as <see cref="BotSigningKeys"/> refuses at once after a failed first fetch: a retry sooner gets the same 503.</summary>
    private static readonly string KeysRetryAfterSeconds =
        ((int)BotSigningKeys.FailedFetchHold.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IResult> HandleAsync(HttpContext context, TeamsAccess access, BotRequestAuthenticator authenticator,
        WorkQueue<Activity> queue, ILoggerFactory loggers)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (access.Mode == TeamsMode.Off)
        {
            return Results.NotFound();
        }

        if (access.Mode == TeamsMode.Local && !ServerAddresses.IsLoopbackHost(request.Host.Host))
        {
            // Unauthenticated local mode is for the Playground and the Emulator on this machine, which address it as such.
            return Results.Text("In local mode /api/messages answers only requests addressed to this machine (localhost or 127.0.0.1).",
                "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        if (access.Mode == TeamsMode.Local && !request.HasJsonContentType())
        {
            // A page of another site in this machine's browser may post text/plain or a form here without asking first;
            // application/json it may not (CORS preflight, which this endpoint never grants). The Playground and the Emulator send JSON.
            return Results.Text("In local mode /api/messages takes only Content-Type: application/json.",
                "text/plain", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var authorization = request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null;
        if (access.Mode == TeamsMode.Authenticated && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Results.Unauthorized();
        }

        var read = await BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken);
        if (read.Problem == BodyReadProblem.TooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (read.Problem == BodyReadProblem.TooSlow)
        {
            return Results.StatusCode(StatusCodes.Status408RequestTimeout);
        }

        if (read.Bytes is not { } body)
        {
            return Results.BadRequest("The body ended early.");
        }

        Activity? activity;
        try
        {
            // A UTF-8 byte order mark before the JSON is allowed (RFC 8259 §8.1); System.Text.Json refuses it on bytes.
            var json = body.AsSpan();
            activity = JsonSerializer.Deserialize(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json, TeamsJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return Results.BadRequest("The body is not a JSON activity.");
        }

        if (activity is null)
        {
            // The JSON literal null deserializes to no activity, without an exception: the same answer as other non-objects.
            return Results.BadRequest("The body is not a JSON activity.");
        }

        if (Malformed(activity) is { } problem)
        {
            return Results.BadRequest(problem);
        }

        if (!AddressPolicy.TryParseServiceUrl(activity.ServiceUrl, out _))
        {
            return Results.BadRequest("The activity's serviceUrl must be an absolute http(s) URL without user info, query or fragment.");
        }

        switch (await authenticator.AuthenticateAsync(authorization, activity, cancellationToken))
        {
            case AuthResult.Rejected:
                return Results.Unauthorized();
            case AuthResult.KeysUnavailable:
                context.Response.Headers.RetryAfter = KeysRetryAfterSeconds;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var log = loggers.CreateLogger(typeof(MessagesEndpoint));
        if (activity.Type == Activity.Types.Invoke)
        {
            if (string.Equals(activity.Name, HealthCheckInvoke, StringComparison.Ordinal))
            {
                // Azure Bot Service's health check: answered as the Bot Framework SDK answers it.
                return Results.Content(HealthCheckResponse, "application/json");
            }

            // The bot's cards submit as messages; an invoke (Action.Execute, task/fetch, …) of anyone else's card is not
            // handled, which the Bot Framework says with 501 (as its SDK does), not with an empty 200 Teams would take as done.
            log.LogDebug("Not handled: an invoke activity ({Name}) in conversation {ConversationId}", LogText.Clip(activity.Name), LogText.Clip(activity.Conversation!.Id));
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        if (IsFromABot(activity))
        {
            log.LogDebug("Ignored a {Type} activity sent by a bot (never answer a bot, ourselves included)", LogText.Clip(activity.Type));
            return Results.Ok();
        }

        if (!await queue.TryEnqueueAsync(activity, cancellationToken))
        {
            log.LogWarning("Turn queue full or stopping: answering 503 so the Bot Connector retries later");
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    /// <summary>
    /// Longest id taken (the conversation's, the activity's and the one it replies to go into the connector's URLs): Bot
    /// Framework ids are at most a few hundred characters, and a longer one would only come back as 414 from the connector.
    /// </summary>
    internal const int MaxIdLength = 1024;

    private const string HealthCheckInvoke = "healthCheck";

    private const string HealthCheckResponse = """{"healthResults":{"success":true,"messages":["Health check succeeded"]}}""";


    /// <summary>
    /// What makes <paramref name="activity"/> unusable, or null: every activity has a type and a conversation (the Bot
    /// Framework schema requires both), a message its sender, and its lists hold no empty items.
    /// </summary>
    private static string? Malformed(Activity activity) =>
        string.IsNullOrWhiteSpace(activity.Type) ? NoType
        : string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "The activity has no conversation id."
        : activity.Type == Activity.Types.Message && string.IsNullOrWhiteSpace(activity.From?.Id) ? "The message activity has no from.id (who sent it)."
        : new[] { activity.Conversation.Id, activity.Id, activity.ReplyToId }.Any(id => id?.Length > MaxIdLength)
            ? $"The activity's conversation id, id or replyToId is longer than {MaxIdLength} characters."
        : HasNull(activity.MembersAdded) || HasNull(activity.MembersRemoved) || HasNull(activity.Entities) || HasNull(activity.Attachments)
            ? "The activity has a list with an empty item (membersAdded, membersRemoved, entities or attachments)."
        : null;

    private static bool HasNull<T>(IReadOnlyList<T>? items)
        where T : class =>
        items?.Any(item => item is null) == true;

    /// <summary>Sent by a bot: the bot itself (<c>from.id == recipient.id</c>) or any account with <c>role: "bot"</c>.</summary>
    private static bool IsFromABot(Activity activity) =>
        string.Equals(activity.From?.Role, "bot", StringComparison.OrdinalIgnoreCase)
        || (!string.IsNullOrEmpty(activity.From?.Id) && string.Equals(activity.From.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase));
}
