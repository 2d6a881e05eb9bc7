using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GuidelineBot.Core.Logging;

/// <summary>Values from requests as they may appear in logs: short, and people's ids only as pseudonyms.</summary>
public static class LogText
{
    /// <summary>The most characters of a request field written to a log line (before control characters are written out).</summary>
    public const int MaxFieldLength = 100;

    /// <summary>
    /// At most <see cref="MaxFieldLength"/> characters of <paramref name="value"/> (with "…" when cut), control characters
    /// written as <c>\uXXXX</c>: a value from a request (an id, a type) never puts a line break or a NUL into a log line.
    /// </summary>
    public static string Clip(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var clipped = value.Length <= MaxFieldLength ? value : string.Concat(value.AsSpan(0, MaxFieldLength - 1), "…");
        if (clipped.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') < 0 && clipped.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') < 0)
        {
            return clipped;
        }

        var escaped = new StringBuilder(clipped.Length + 16);
        foreach (var c in clipped)
        {
            _ = char.IsControl(c) ? escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A stable pseudonym for a user or team id: the same person gets the same tag, the id itself is not logged.</summary>
    public static string Pseudonym(string? id) =>
        string.IsNullOrEmpty(id) ? "-" : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0, 6);
}
