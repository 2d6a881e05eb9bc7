using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Http;

/// <summary>
/// Reads an inbound request body up to a limit, so an oversized one is refused (413) without being buffered, and tells
/// a body the client cut short (it went away, or its proxy gave up) from a whole one, so it is refused as malformed
/// (400) rather than failing a later check or escaping as a server error. Which of the two the server reports when a
/// client stops mid-body depends on timing: the body ends early, or the request is aborted (the token passed in).
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
            catch (BadHttpRequestException e) when (IsCutShort(e))
            {
                return BodyRead.CutShort;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return BodyRead.CutShort; // the connection went away while the body was being read
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
        catch (BadHttpRequestException e) when (IsCutShort(e))
        {
            return BodyRead.CutShort;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return BodyRead.CutShort;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new BodyRead(buffer.ToArray());
    }

    /// <summary>
    /// Kestrel ends a body that stops early (the connection closed before the declared length, or a broken chunk) with a
    /// 400 <see cref="BadHttpRequestException"/>; its other statuses (408 too slow, 413 over its own limit) stay its own.
    /// </summary>
    private static bool IsCutShort(BadHttpRequestException e) => e.StatusCode == StatusCodes.Status400BadRequest;
}
