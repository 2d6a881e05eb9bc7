using System.Buffers;

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
            // is returned as it came, and fails whatever check follows.
            var exact = new byte[declared];
            var got = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
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
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
