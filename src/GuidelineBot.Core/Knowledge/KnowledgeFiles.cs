namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The files under a knowledge folder, for the loader and the reload check alike: every file not hidden (no part of its
/// path starts with a dot), in sub-folders too. A symlinked folder is followed when it leads out of the folder or into a
/// hidden part of it (a ConfigMap's <c>sub -&gt; ..data/sub</c>); it is skipped, with a reason, when it leads to a folder
/// that contains it (a loop, which would load every document again and again under longer and longer ids) or to a
/// visible folder of the knowledge folder (whose documents load under their own path).
/// </summary>
public static class KnowledgeFiles
{
    /// <summary>Symlinks followed while resolving one path before it counts as a loop (Linux's own limit is 40).</summary>
    private const int MaxLinkHops = 40;

    private static readonly EnumerationOptions OneLevel = new() { IgnoreInaccessible = true };

    /// <summary>The files (full paths, ordinal order) and the symlinked folders skipped, with why.</summary>
    /// <param name="root">The knowledge folder; it must exist.</param>
    public static KnowledgeFileList List(string root)
    {
        var files = new List<string>();
        var skipped = new List<SkippedFolder>();
        var top = Path.GetFullPath(root);
        var realTop = RealPath(top);
        Walk(top, realTop, [realTop], throughLink: false);
        files.Sort(StringComparer.Ordinal);
        skipped.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return new KnowledgeFileList(files, skipped);

        // throughLink: the folder was reached through a symlinked folder, so any folder under it may be one seen before.
        void Walk(string folder, string realFolder, HashSet<string> ancestors, bool throughLink)
        {
            string[] subs;
            try
            {
                files.AddRange(Directory.GetFiles(folder, "*", OneLevel));
                subs = Directory.GetDirectories(folder, "*", OneLevel);
            }
            catch (DirectoryNotFoundException) when (folder != top)
            {
                return; // removed while the folder was being read: the next reload sees it gone
            }

            foreach (var sub in subs)
            {
                var info = new DirectoryInfo(sub);
                var isLink = info.LinkTarget is not null;
                var real = isLink ? RealPath(sub) : Path.Combine(realFolder, info.Name);
                if ((isLink || throughLink) && Skip(real) is { } reason)
                {
                    skipped.Add(new SkippedFolder(sub, reason));
                    continue;
                }

                ancestors.Add(real);
                Walk(sub, real, ancestors, isLink || throughLink);
                ancestors.Remove(real);
            }

            string? Skip(string real)
            {
                if (ancestors.Contains(real))
                {
                    return "leads (through a symlink) back to a folder that contains it, so it is not followed";
                }

                var relative = Path.GetRelativePath(realTop, real);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                var inside = !Path.IsPathRooted(relative) && parts[0] != "..";
                return inside && !parts.Any(p => p.StartsWith('.'))
                    ? $"leads (through a symlink) to {relative.Replace(Path.DirectorySeparatorChar, '/')} in the same folder, whose documents load under their own path, so it is not followed"
                    : null;
            }
        }
    }

    /// <summary>
    /// <paramref name="path"/> with every symlink along it resolved (what <c>realpath</c> gives), so that two routes to
    /// one folder compare equal. A chain of more than <see cref="MaxLinkHops"/> links, or a broken one, gives the path
    /// as far as it resolved.
    /// </summary>
    internal static string RealPath(string path)
    {
        var hops = 0;
        return Resolve(Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path));

        // ".." is taken after the links before it are resolved, as the kernel does: a/.. is where a's target's parent is.
        string Resolve(string absolute)
        {
            var root = Path.GetPathRoot(absolute) ?? "/";
            var result = root;
            foreach (var part in absolute[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    result = Path.GetDirectoryName(result) ?? root;
                    continue;
                }

                var next = Path.Combine(result, part);
                var target = new DirectoryInfo(next).LinkTarget;
                result = target is null || ++hops > MaxLinkHops ? next : Resolve(Path.Combine(result, target));
            }

            return result;
        }
    }
}

/// <summary>What <see cref="KnowledgeFiles.List"/> found.</summary>
/// <param name="Files">Full paths of the files that are not hidden, in ordinal order.</param>
/// <param name="Skipped">Symlinked folders not followed, in ordinal order.</param>
public sealed record KnowledgeFileList(IReadOnlyList<string> Files, IReadOnlyList<SkippedFolder> Skipped);

/// <summary>A symlinked folder <see cref="KnowledgeFiles.List"/> did not follow: its full path, and why (a sentence without a subject).</summary>
public sealed record SkippedFolder(string Path, string Reason);
