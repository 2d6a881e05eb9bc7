using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.Http;

/// <summary>Reads an inbound request body up to a limit, so an oversized one is refused (413) without being buffered.</summary>
public static class BoundedBody
{
    /// <returns>The bytes, or null when <paramref name="declaredLength"/> or the data itself exceeds <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return null;
        }

        if (declaredLength is { } declared)
        {
            // The usual case: one array of the declared size (the server ends the body there). A body that ends early
            // (Kestrel throws when the client disconnects before the declared length) is returned as it came, and fails
            // whatever check follows: a client that went away is no server error, and logs no stack trace.
            var exact = new byte[declared];
            var got = 0;
            try
            {
                int read;
                while (got < exact.Length && (read = await body.ReadAsync(exact.AsMemory(got), cancellationToken)) > 0)
                {
                    got += read;
                }
            }
            catch (BadHttpRequestException)
            {
                // Cut short: what came is returned.
            }

            return got == exact.Length ? exact : exact[..got];
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
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            // Cut short (see above): what came is returned.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
