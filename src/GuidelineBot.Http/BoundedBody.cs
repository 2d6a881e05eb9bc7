using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Http;

/// <summary>
/// Reads an inbound request body up to a limit, so an oversized one is refused (413) without being buffered, and tells
/// a body the client cut short (it went away, or its proxy gave up) from a whole one, so it is refused as malformed
/// (400) rather than failing a later check or escaping as a server error. Which of the two the server reports when a
/// client stops mid-body depends on timing: the body ends early, or the request is aborted (the token passed in). A body
/// that stalls (slower than Kestrel's minimum data rate) is <see cref="BodyReadProblem.TooSlow"/>, not an exception that
/// the server would log as the app's error.
/// </summary>
public static class BoundedBody
{
    public static async Task<BodyRead> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return BodyRead.TooLarge;
        }

        if (declaredLength is { } declared)
        {
            // The usual case: one array of the declared size (the server ends the body there).
            var exact = new byte[declared];
            try
            {
                var got = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
                return got == exact.Length ? new BodyRead(exact) : BodyRead.CutShort;
            }
            catch (Exception e) when (ProblemOf(e, cancellationToken) is { } problem)
            {
                return new BodyRead(null, problem);
            }
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return BodyRead.TooLarge;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception e) when (ProblemOf(e, cancellationToken) is { } problem)
        {
            return new BodyRead(null, problem);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new BodyRead(buffer.ToArray());
    }

    /// <summary>
    /// What a failed read says about the body, or null when it is not the client's doing. The client stopped sending:
    /// Kestrel ends such a body with a 400 <see cref="BadHttpRequestException"/> (the connection closed before the
    /// declared length, or a broken chunk) or, depending on timing, aborts the request: a cancellation of the request's
    /// token or by the aborted connection, or an I/O error of the connection (a reset). The client sent too slowly:
    /// Kestrel's 408. Its 413 over its own limit stays its own, and any other cancellation is not ours to swallow.
    /// </summary>
    private static BodyReadProblem? ProblemOf(Exception e, CancellationToken requestAborted) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } => BodyReadProblem.CutShort,
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => BodyReadProblem.TooSlow,
        BadHttpRequestException => null, // an IOException too: not the reset below
        OperationCanceledException canceled when requestAborted.IsCancellationRequested
            || canceled is ConnectionAbortedException || canceled.InnerException is ConnectionAbortedException => BodyReadProblem.CutShort,
        IOException => BodyReadProblem.CutShort,
        _ => null,
    };
}
