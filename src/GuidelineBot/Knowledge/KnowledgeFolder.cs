using System.Text;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Knowledge;

/// <summary>A cheap look at the knowledge folder: what would make a reload necessary, without reading any file.</summary>
internal static class KnowledgeFolder
{
    private static readonly EnumerationOptions Hidden = new() { AttributesToSkip = 0, IgnoreInaccessible = true };

    /// <summary>
    /// Every file's path, size and last write time (the files <see cref="KnowledgeFiles.List"/> gives), the final target
    /// of a symlinked file, and where each symlinked folder of the top level points: a mounted volume that swaps a symlink
    /// (Kubernetes ConfigMaps) changes these even when sizes and times look the same.
    /// </summary>
    public static string Fingerprint(string path)
    {
        var root = Path.GetFullPath(path);
        try
        {
            if (!Directory.Exists(root))
            {
                return "missing";
            }

            var sb = new StringBuilder();
            // Symlinked folders, hidden ones too (a ConfigMap's "..data" points at the current timestamped folder).
            foreach (var folder in Directory.EnumerateDirectories(root, "*", Hidden).Order(StringComparer.Ordinal))
            {
                sb.Append(folder).Append(" -> ").Append(new DirectoryInfo(folder).LinkTarget).Append('\n');
            }

            foreach (var file in KnowledgeFiles.List(root).Files)
            {
                var info = new FileInfo(file);
                var real = KnowledgeLoader.RealFile(info);
                sb.Append(file).Append('\t').Append(ReferenceEquals(real, info) ? null : real.FullName).Append('\t')
                    .Append(real.Exists ? real.Length : -1).Append('\t').Append(real.Exists ? real.LastWriteTimeUtc.Ticks : 0).Append('\n');
            }

            return sb.ToString();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Changing under our feet: different from any listing, so the next check reloads.
            return "unreadable: " + ex.Message;
        }
    }
}
