namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The files under a knowledge folder, for the loader and the reload check alike: every file not hidden (no part of its
/// path starts with a dot), in sub-folders too. A symlinked folder is followed when it leads out of the folder or into a
/// hidden part of it (a ConfigMap's <c>sub -&gt; ..data/sub</c>); it is skipped, with a reason, when it leads to the knowledge
/// folder or a folder above it (a loop, which would load every document again and again under longer and longer ids),
/// to a visible folder of the knowledge folder (whose documents load under their own path), or to a folder already read.
/// </summary>
public static class KnowledgeFiles
{
    /// <summary>Symlinks followed while resolving one path before it counts as a loop (Linux's own limit is 40).</summary>
    private const int MaxLinkHops = 40;

    // A folder that cannot be read is reported (SkippedFolder), not passed over in silence.
    private static readonly EnumerationOptions OneLevel = new() { IgnoreInaccessible = false };

    /// <summary>The files (full paths, ordinal order) and the folders skipped, with why.</summary>
    /// <param name="root">The knowledge folder; it must exist.</param>
    public static KnowledgeFileList List(string root)
    {
        var files = new List<string>();
        var skipped = new List<SkippedFolder>();
        var top = Path.GetFullPath(root);
        var realTop = RealPath(top);
        // Every folder is read once at most, whatever the routes to it: the walk stays linear in the folders there are.
        var visited = new HashSet<string>(StringComparer.Ordinal) { realTop };
        Walk(top, realTop, throughLink: false);
        files.Sort(StringComparer.Ordinal);
        skipped.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return new KnowledgeFileList(files, skipped);

        // throughLink: the folder was reached through a symlinked folder, so any folder under it may be one seen before.
        void Walk(string folder, string realFolder, bool throughLink)
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
            catch (UnauthorizedAccessException) when (folder != top)
            {
                skipped.Add(new SkippedFolder(folder, "cannot be read (permission denied), so its documents are not loaded"));
                return;
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

                visited.Add(real);
                Walk(sub, real, isLink || throughLink);
            }
        }

        string? Skip(string real)
        {
            if (real == realTop || realTop.StartsWith(real + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return real == realTop
                    ? "leads (through a symlink) back to the knowledge folder itself, so it is not followed"
                    : "leads (through a symlink) back to a folder that contains the knowledge folder, so it is not followed";
            }

            var relative = Path.GetRelativePath(realTop, real);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            var inside = !Path.IsPathRooted(relative) && parts[0] != "..";
            if (inside && !parts.Any(p => p.StartsWith('.')))
            {
                return $"leads (through a symlink) to {relative.Replace(Path.DirectorySeparatorChar, '/')} in the same folder, whose documents load under their own path, so it is not followed";
            }

            return visited.Contains(real) ? "leads (through a symlink) to a folder already read by another route, so it is not followed" : null;
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
/// <param name="Skipped">Symlinked folders not followed, and folders that cannot be read, in ordinal order.</param>
public sealed record KnowledgeFileList(IReadOnlyList<string> Files, IReadOnlyList<SkippedFolder> Skipped);

/// <summary>A folder <see cref="KnowledgeFiles.List"/> did not read: its full path, and why (a sentence without a subject).</summary>
public sealed record SkippedFolder(string Path, string Reason);
