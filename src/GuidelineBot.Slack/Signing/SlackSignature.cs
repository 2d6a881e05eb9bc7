using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace GuidelineBot.Slack.Signing;

public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    OutsideWindow,
    Mismatch,
}

/// <summary>
/// Slack's request signing, version <c>v0</c>: <c>"v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + rawBody))</c>,
/// compared in constant time, with a five-minute replay window in both directions.
/// </summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var baseString = new byte[prefix.Length + body.Length];
        prefix.CopyTo(baseString, 0);
        body.CopyTo(baseString.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), baseString);
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    public static SignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now) =>
        Verify(Encoding.UTF8.GetBytes(signingSecret), timestamp, signature, body, now);

    /// <summary>
    /// As <see cref="Verify(string, string?, string?, ReadOnlySpan{byte}, DateTimeOffset)"/> with the secret's UTF-8 bytes
    /// (kept by the caller): the base string goes into a pooled buffer and the comparison is on the stack, so a request
    /// allocates nothing here.
    /// </summary>
    public static SignatureCheck Verify(ReadOnlySpan<byte> signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.Malformed;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - sent).Duration() > Window)
        {
            return SignatureCheck.OutsideWindow;
        }

        // "v0:" + timestamp (digits only, checked above) + ":" + body
        var length = 4 + timestamp.Length + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            var baseString = rented.AsSpan(0, length);
            "v0:"u8.CopyTo(baseString);
            Encoding.ASCII.GetBytes(timestamp, baseString[3..]);
            baseString[3 + timestamp.Length] = (byte)':';
            body.CopyTo(baseString[(4 + timestamp.Length)..]);
            HMACSHA256.HashData(signingSecret, baseString, mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        Span<char> expected = stackalloc char[3 + (2 * HMACSHA256.HashSizeInBytes)];
        "v0=".CopyTo(expected);
        Convert.TryToHexStringLower(mac, expected[3..], out _);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes<char>(expected), MemoryMarshal.AsBytes(signature.AsSpan()))
            ? SignatureCheck.Valid
            : SignatureCheck.Mismatch;
    }
}
