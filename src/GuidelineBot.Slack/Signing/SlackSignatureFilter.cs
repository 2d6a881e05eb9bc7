using System.Text;
using GuidelineBot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Signing;

/// <summary>
/// Runs before every Slack handler: reads the raw body (bounded), checks the signature and only then lets the handler
/// see the request. The verified bytes are handed on as a <see cref="SlackRequestBody"/> feature.
/// </summary>
internal sealed class SlackSignatureFilter(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackSignatureFilter> logger)
    : IEndpointFilter
{
    /// <summary>Slack's payloads are a few KB; anything this large is not from Slack.</summary>
    internal const int MaxBodyBytes = 1024 * 1024;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.SigningSecret ?? "");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var read = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, http.RequestAborted);
        if (read.Problem == BodyReadProblem.TooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (read.Problem == BodyReadProblem.TooSlow)
        {
            logger.LogDebug("Slack request to {Path} was too slow: its body arrived below the minimum data rate", http.Request.Path);
            return Results.StatusCode(StatusCodes.Status408RequestTimeout);
        }

        if (read.Bytes is not { } body)
        {
            // The client stopped sending (it went away, or its proxy gave up): malformed, not forged.
            logger.LogDebug("Slack request to {Path} was cut short: its body ended early", http.Request.Path);
            return SlackBadRequest.Because("The body ended before its Content-Length.");
        }

        var check = SlackSignature.Verify(
            _secret,
            http.Request.Headers[SlackSignature.TimestampHeader],
            http.Request.Headers[SlackSignature.SignatureHeader],
            body,
            time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Rejected Slack request to {Path}: signature {Check}", http.Request.Path, check);
            return Results.Unauthorized();
        }

        http.Features.Set(new SlackRequestBody(body));
        return await next(context);
    }
}

/// <summary>The raw request body, present only after the signature was verified.</summary>
internal sealed record SlackRequestBody(byte[] Bytes)
{
    public static byte[] From(HttpContext context) =>
        context.Features.Get<SlackRequestBody>()?.Bytes
        ?? throw new InvalidOperationException("Slack handler reached without a verified body: the signature filter is missing.");
}
