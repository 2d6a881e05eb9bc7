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
/// not at all (written under a temporary name, then renamed), and is checked (checksums, document count) before use:
/// one that fails is indexed again and replaced. Replicas may share the folder on a local disk. A folder's write time is
/// its last use, which pruning goes by.
/// </summary>
internal static class LuceneIndexCache
{
    /// <summary>Key folders kept besides the current one (other knowledge versions, for replicas not yet reloaded).</summary>
    private const int KeepOtherKeys = 3;

    /// <summary>A temporary folder this old is left from a process that stopped while saving (a save takes milliseconds).</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>Changes whenever what <see cref="LuceneSectionIndex"/> writes changes in a way the assemblies do not show.</summary>
    private const string Format = "sections+passages/1";

    /// <summary>The result of <see cref="OpenOrBuild"/>: the index, and how this start got it.</summary>
    /// <param name="FromCache">Opened from a saved copy.</param>
    /// <param name="Problem">Why a saved copy was not used or not saved (null: nothing to report).</param>
    internal sealed record Opened(LuceneDirectory Directory, DirectoryReader Reader, bool FromCache, string? Problem);

    /// <summary>
    /// The key of an index: its content (the texts of every field, in order, and how many documents each section has)
    /// and this build of the code that analyses and indexes it (ours, Lucene's, J2N's and the runtime's), so that a
    /// changed analyser never reads an old index.
    /// </summary>
    private static string Key(IEnumerable<IReadOnlyList<string>> documents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Format));
        foreach (var type in new[] { typeof(LuceneIndexCache), typeof(IndexWriter), typeof(Lucene.Net.Analysis.En.PorterStemFilter), typeof(J2N.Character), typeof(object) })
        {
            hash.AppendData(type.Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        foreach (var texts in documents)
        {
            hash.AppendData(BitConverter.GetBytes(texts.Count));
            foreach (var text in texts)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(text));
                hash.AppendData([0]);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Opens the saved index of <paramref name="texts"/> (see <see cref="Key"/>) if it holds <paramref name="documents"/>
    /// documents and passes its checksums, or builds it with <paramref name="build"/> (and saves a copy for the next
    /// start). Without a cache folder, or when it cannot be read or written, the index is built in memory; without one,
    /// the texts are not even hashed. <paramref name="time"/> dates the copy's use.
    /// </summary>
    public static Opened OpenOrBuild(string? cachePath, IEnumerable<IReadOnlyList<string>> texts, int documents, Func<RAMDirectory> build,
        TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(cachePath))
        {
            return Built(build(), null);
        }

        var key = Key(texts);
        var folder = Path.Combine(cachePath, key);
        var (cached, openProblem) = TryOpen(folder, documents);
        if (cached is not null)
        {
            MarkUsed(folder, time);
            return cached;
        }

        var built = build();
        var saveProblem = TrySave(built, cachePath, key, time); // saved after a damaged copy too; that problem is reported first
        return Built(built, openProblem ?? saveProblem);
    }

    private static Opened Built(RAMDirectory built, string? problem) => new(built, DirectoryReader.Open(built), false, problem);

    private static (Opened? Opened, string? Problem) TryOpen(string folder, int documents)
    {
        if (!System.IO.Directory.Exists(folder))
        {
            return (null, null);
        }

        LuceneDirectory? directory = null;
        DirectoryReader? reader = null;
        try
        {
            directory = FSDirectory.Open(folder);
            reader = DirectoryReader.Open(directory);
            foreach (var leaf in reader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
            }

            if (reader.MaxDoc != documents)
            {
                throw new CorruptIndexException($"{reader.MaxDoc} documents, expected {documents}");
            }

            return (new Opened(directory, reader, true, null), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reader?.Dispose();
            directory?.Dispose();
            if (ex is UnauthorizedAccessException)
            {
                // Not ours to read: the copy stays, for a start that may.
                return (null, $"the saved index in {folder} could not be read ({ex.Message}); indexed in memory");
            }

            // Damaged or half-deleted (Lucene reports a failed checksum or a truncated file as an IOException, among
            // others): indexed again, and the copy replaced. A copy lost to a passing error costs one indexing.
            TryDelete(folder);
            return (null, $"the saved index in {folder} was damaged or unreadable ({ex.Message}); indexed again");
        }
    }

    /// <returns>Why the copy was not saved, or null.</returns>
    private static string? TrySave(RAMDirectory built, string cachePath, string key, TimeProvider time)
    {
        var folder = Path.Combine(cachePath, key);
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
            MarkUsed(folder, time);
            Prune(cachePath, key, time);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not writable (a read-only volume), or another process saved the same key first: this start keeps its
            // index in memory. A cache never fails a start.
            TryDelete(temporary);
            return System.IO.Directory.Exists(folder) ? null : $"the index could not be saved to {cachePath} ({ex.Message})";
        }
    }

    /// <summary>Dates the copy's last use (its write time), so that pruning keeps the copies in use.</summary>
    private static void MarkUsed(string folder, TimeProvider time)
    {
        try
        {
            System.IO.Directory.SetLastWriteTimeUtc(folder, time.GetUtcNow().UtcDateTime);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only volume: the copy is still used, and pruned by its save time.
        }
    }

    /// <summary>
    /// Deletes all but the <see cref="KeepOtherKeys"/> most recently used other key folders, and temporary folders
    /// abandoned by a process that stopped while saving (older than <see cref="AbandonedAfter"/>). Only folders named
    /// like these: never another writer's fresh temporary folder or anything else that lives under the path.
    /// </summary>
    private static void Prune(string cachePath, string currentKey, TimeProvider time)
    {
        var folders = new DirectoryInfo(cachePath).GetDirectories();
        var stale = folders
            .Where(d => IsKey(d.Name) && d.Name != currentKey)
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(KeepOtherKeys);
        var abandonedBefore = time.GetUtcNow().UtcDateTime - AbandonedAfter;
        var abandoned = folders.Where(d => IsTemporary(d.Name) && d.LastWriteTimeUtc < abandonedBefore);
        foreach (var folder in stale.Concat(abandoned))
        {
            TryDelete(folder.FullName);
        }
    }

    private static bool IsKey(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    /// <summary>A name <see cref="TrySave"/> writes under: the key, ".tmp-" and a GUID's 32 hex digits.</summary>
    private static bool IsTemporary(string name) =>
        name.Length == 64 + 5 + 32 && IsKey(name[..64]) && name.AsSpan(64, 5).SequenceEqual(".tmp-") && name[69..].All(char.IsAsciiHexDigitLower);

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
