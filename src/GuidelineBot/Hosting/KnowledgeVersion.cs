using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Hosting;

/// <summary>The knowledge content hash: one SHA-256 over every document's id and SHA-256, so replicas can be compared.</summary>
internal static class KnowledgeVersion
{
    public static string Of(KnowledgeBase knowledge)
    {
        var lines = new StringBuilder();
        foreach (var document in knowledge.Documents.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            lines.Append(document.Id).Append('\t').Append(document.ContentHash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }
}
