using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GuidelineBot.Search;

/// <summary>
/// The section index on disk (<see cref="SearchOptions.IndexCachePath"/>), one folder per content key, so that a later
/// start over the same knowledge opens the index instead of analysing and indexing every section again (the larger
/// part of a start's indexing time is Lucene's indexing chain, whatever the corpus size). A folder appears whole or
/// not at all (written under a temporary name, then renamed); one that cannot be read is indexed again. Replicas may
/// share the folder.
/// </summary>
internal static class LuceneIndexCache
{
    /// <summary>Key folders kept besides the current one (other knowledge versions, for replicas not yet reloaded).</summary>
    private const int KeepOtherKeys = 3;

    /// <summary>
    /// The key of an index: its content (the texts of every field, in order) and this build of the code that analyses
    /// and indexes it (our assembly and Lucene's), so that a changed analyser never reads an old index.
    /// </summary>
    public static string Key(IEnumerable<string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var type in new[] { typeof(LuceneIndexCache), typeof(IndexWriter), typeof(Lucene.Net.Analysis.En.PorterStemFilter) })
        {
            hash.AppendData(type.Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        foreach (var text in texts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Opens the cached index of <paramref name="key"/>, or builds it with <paramref name="build"/> (and saves a copy
    /// for the next start). Without a cache folder, or when it cannot be read or written, the index is built in memory.
    /// </summary>
    public static (LuceneDirectory Directory, DirectoryReader Reader, bool FromCache) OpenOrBuild(string? cachePath, string key, Func<RAMDirectory> build)
    {
        var folder = string.IsNullOrWhiteSpace(cachePath) ? null : Path.Combine(cachePath, key);
        if (folder is not null && TryOpen(folder) is { } cached)
        {
            return (cached.Directory, cached.Reader, true);
        }

        var built = build();
        if (folder is not null)
        {
            TrySave(built, cachePath!, folder);
        }

        return (built, DirectoryReader.Open(built), false);
    }

    private static (LuceneDirectory Directory, DirectoryReader Reader)? TryOpen(string folder)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return null;
        }

        LuceneDirectory? directory = null;
        try
        {
            directory = FSDirectory.Open(folder);
            return (directory, DirectoryReader.Open(directory));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Damaged or half-deleted (Lucene reports a damaged file in several ways): index again, and replace it.
            directory?.Dispose();
            TryDelete(folder);
            return null;
        }
    }

    private static void TrySave(RAMDirectory built, string cachePath, string folder)
    {
        var temporary = $"{folder}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var target = FSDirectory.Open(temporary))
            {
                var files = built.ListAll();
                foreach (var file in files)
                {
                    built.Copy(target, file, file, IOContext.DEFAULT);
                }

                target.Sync(files);
            }

            System.IO.Directory.Move(temporary, folder);
            Prune(cachePath, folder);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not writable (a read-only volume), or another process saved the same key first: this start keeps its
            // index in memory. A cache never fails a start.
            TryDelete(temporary);
        }
    }

    /// <summary>Deletes all but the newest <see cref="KeepOtherKeys"/> other key folders (never another writer's temporary one).</summary>
    private static void Prune(string cachePath, string current)
    {
        var stale = new DirectoryInfo(cachePath).GetDirectories()
            .Where(d => !d.Name.Contains(".tmp-", StringComparison.Ordinal)
                && !string.Equals(d.FullName, Path.GetFullPath(current), StringComparison.Ordinal))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(KeepOtherKeys);
        foreach (var folder in stale)
        {
            TryDelete(folder.FullName);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Someone else's to clean up.
        }
    }
}
