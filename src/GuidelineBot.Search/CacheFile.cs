namespace GuidelineBot.Search;

/// <summary>Files this project caches on disk (the extracted model, the English word list).</summary>
internal static class CacheFile
{
    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file beside it, flushed to disk and then moved over it: atomic
    /// on one file system (another process writing at the same time writes the same bytes), never half written. The
    /// temporary file is deleted whatever happens; an exception from <paramref name="write"/> leaves the path alone.
    /// </summary>
    public static void Write(string path, Action<FileStream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
