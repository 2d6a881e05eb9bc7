using System.Security.Cryptography;
using System.Text;

namespace GuidelineBot.Slack;

/// <summary>
/// User and team ids never go into logs above Debug as they are: a short hash stands for them, the same for the same id,
/// so one person's log lines can still be followed without naming them.
/// </summary>
public static class SlackLog
{
    /// <summary><c>~</c> and the first 10 hex digits of the SHA-256 of <paramref name="id"/> (<c>~none</c> when missing).</summary>
    public static string Pseudonym(string? id) =>
        string.IsNullOrEmpty(id) ? "~none" : "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..10];
}
