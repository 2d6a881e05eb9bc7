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

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
