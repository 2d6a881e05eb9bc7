using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Web.Chat;

/// <summary>
/// The web chat's routes: the page, and the posts the page makes: what was typed, what was pressed (with a form's field
/// values), and once when it opens, for what waits for the person (experts' answers).
/// </summary>
internal static class ChatEndpoints
{
    public const string PageRoute = "/";
    public const string MessagesRoute = "/chat/messages";
    public const string ActionsRoute = "/chat/actions";
    public const string OpenedRoute = "/chat/opened";

    /// <summary>The header the page sends its antiforgery request token in.</summary>
    public const string TokenHeader = "RequestVerificationToken";

    /// <summary>Questions are cut at 2000 characters by the core; a post is a small JSON object.</summary>
    public const int MaxTextLength = 2000;
    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>When a failed post may be tried again (the core's apology says "in a minute").</summary>
    private const string FailedRetryAfterSeconds = "60";

    /// <summary>A form posts a few fields (the experts' forms have one or two).</summary>
    private const int MaxInputs = 8;

    /// <remarks>The result names the page's type only in the body (see <c>AdminEndpoints.ShowAsync</c>).</remarks>
    public static IResult Page(HttpContext http, IAntiforgery antiforgery, ChatConversation conversation)
    {
        var user = WebUser.EnsureLocalId(http);
        AntiforgeryTokenSet tokens;
        try
        {
            tokens = antiforgery.GetAndStoreTokens(http);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The key ring that protects the page's token is in the store: unreadable, the page cannot be served now.
            return Results.Text(Apology(http, ex), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        PageHeaders.Set(http.Response,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
        return new RazorComponentResult(typeof(ChatPage), new Dictionary<string, object?>
        {
            [nameof(ChatPage.RequestToken)] = tokens.RequestToken,
            [nameof(ChatPage.UserName)] = WebUser.DisplayName(http),
            [nameof(ChatPage.MaxLength)] = MaxTextLength,
            [nameof(ChatPage.Greeting)] = Greeting(http, conversation),
            [nameof(ChatPage.HistoryKey)] = WebUser.HistoryKey(user),
        });
    }

    /// <summary>The greeting as JSON for the page; empty (the page works without it) when the knowledge cannot be read now.</summary>
    private static string Greeting(HttpContext http, ChatConversation conversation)
    {
        try
        {
            return JsonSerializer.Serialize(conversation.Greeting(), WebJsonContext.Default.ChatResponse);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logger(http).LogError(ex, "Web chat greeting failed: {Message}", ex.Message);
            return "";
        }
    }

    public static async Task<IResult> MessageAsync(HttpContext http, ChatConversation conversation, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadAsync(http, WebJsonContext.Default.ChatMessageRequest, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (WebUser.Of(http) is not { } user)
        {
            return Problem(StatusCodes.Status400BadRequest, "Reload the page to start a conversation.");
        }

        var response = await conversation.MessageAsync(user, request!.Text ?? "", cancellationToken);
        return Results.Json(response, WebJsonContext.Default.ChatResponse);
    }

    public static async Task<IResult> ActionAsync(HttpContext http, ChatConversation conversation, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadAsync(http, WebJsonContext.Default.ChatActionRequest, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (WebUser.Of(http) is not { } user)
        {
            return Problem(StatusCodes.Status400BadRequest, "Reload the page to start a conversation.");
        }

        if (request!.Inputs is { } inputs && (inputs.Count > MaxInputs || inputs.Any(i => i.Key.Length > 64 || i.Value is not { Length: <= MaxTextLength })))
        {
            return Problem(StatusCodes.Status400BadRequest, "That form is not known, or a field is too long.");
        }

        var response = request.Value is { Length: <= MaxTextLength }
            ? await conversation.ActionAsync(user, request.Kind, request.Value, request.Inputs, cancellationToken)
            : null;
        return response is null
            ? Problem(StatusCodes.Status400BadRequest, "That button is not known.")
            : Results.Json(response, WebJsonContext.Default.ChatResponse);
    }

    /// <summary>The page opened: the messages waiting for the person (an expert's answer), each returned once; the body is not read.</summary>
    public static async Task<IResult> OpenedAsync(HttpContext http, ChatConversation conversation, CancellationToken cancellationToken)
    {
        if (WebUser.Of(http) is not { } user)
        {
            return Problem(StatusCodes.Status400BadRequest, "Reload the page to start a conversation.");
        }

        return Results.Json(await conversation.OpenedAsync(user, cancellationToken), WebJsonContext.Default.ChatResponse);
    }

    /// <summary>The purpose of the protector that checks the key ring can be read (it protects nothing kept).</summary>
    private const string KeyRingProbe = "GuidelineBot.KeyRingProbe";

    /// <summary>
    /// Posts must carry the antiforgery token (cookie + header) of this user's page: else 400, before the JSON body is
    /// read (a form-typed body is read by the check itself, which also looks for the token among its fields).
    /// </summary>
    public static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        switch (await http.RequestServices.GetRequiredService<IAntiforgery>().CheckPostAsync(http))
        {
            case PostCheck.Unreadable:
                return Problem(StatusCodes.Status400BadRequest, "The request could not be read: it is too large or holds a character a form cannot carry.");
            case PostCheck.Forged:
                // A token no key can read, or a key ring this server cannot read (kept in the store): then protecting
                // anything throws, and the apology filter answers 503 instead of a reload that could not help.
                http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(KeyRingProbe).Protect([]);
                return Problem(StatusCodes.Status400BadRequest, "The page has expired: reload it and try again.");
        }

        return await next(context);
    }

    /// <summary>
    /// A post the core could not take (e.g. the store is unreachable): 503 with the core's apology, which the page shows,
    /// and a <c>Retry-After</c>; the error goes to the log, never a 500 or a stack trace to the browser.
    /// </summary>
    public static async ValueTask<object?> ApologiseOnFailureAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested && ex is not (OutOfMemoryException or BadHttpRequestException))
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, Apology(http, ex));
        }
    }

    /// <summary>Logs what failed, sets <c>Retry-After</c> and returns the core's apology, which the page and its posts answer with 503.</summary>
    private static string Apology(HttpContext http, Exception ex)
    {
        Logger(http).LogError(ex, "Web chat {Path} failed: {Message}", http.Request.Path, ex.Message);
        http.Response.Headers.RetryAfter = FailedRetryAfterSeconds;
        return MessageText.Render(new NoticeMessage(NoticeKind.Failed));
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatEndpoints).FullName!);

    public static IResult Problem(int status, string message) => Results.Json(new ChatError(message), WebJsonContext.Default.ChatError, statusCode: status);

    private static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Send JSON."));
        }

        var read = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, cancellationToken);
        if (read.Problem == BodyReadProblem.TooLarge)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "That message is too long."));
        }

        if (read.Problem == BodyReadProblem.TooSlow)
        {
            return (null, Problem(StatusCodes.Status408RequestTimeout, "The message arrived too slowly: send it again."));
        }

        if (read.Bytes is not { } body)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The message ended early: send it again."));
        }

        try
        {
            return JsonSerializer.Deserialize(body, type) is { } value ? (value, null) : (null, Problem(StatusCodes.Status400BadRequest, "Send a JSON object."));
        }
        catch (JsonException ex)
        {
            // A field of the wrong type (or cut short) is named: "$.text" → "text".
            return (null, Problem(StatusCodes.Status400BadRequest, ex.Path is { Length: > 2 and <= 66 } path && path.StartsWith("$.", StringComparison.Ordinal)
                ? $"Send a JSON object: its field “{path[2..]}” could not be read (wrong type or malformed)."
                : "Send a JSON object."));
        }
    }
}
