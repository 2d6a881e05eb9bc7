namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Reloading without losing what worked: a file that fails to load keeps the version of it that is live now. New,
/// changed and deleted files otherwise take effect as they are on disk.
/// </summary>
public static class LastGoodKnowledge
{
    /// <summary>
    /// <paramref name="loaded"/> (what the folder holds now) plus, for each of its <see cref="KnowledgeBase.Errors"/>
    /// whose file had a document in <paramref name="live"/>, that live document. Documents stay in file order; the
    /// errors stay as loaded (they name the broken file and line).
    /// </summary>
    public static KnowledgeBase Merge(KnowledgeBase? live, KnowledgeBase loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (live is null || loaded.Errors.Count == 0)
        {
            return loaded;
        }

        var broken = loaded.Errors.Select(e => e.File).ToHashSet(StringComparer.Ordinal);
        var present = loaded.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var kept = live.Documents.Where(d => broken.Contains(d.SourceFile) && !present.Contains(d.Id)).ToArray();
        if (kept.Length == 0)
        {
            return loaded;
        }

        var documents = loaded.Documents.Concat(kept).OrderBy(d => d.SourceFile, StringComparer.Ordinal).ToArray();
        return new KnowledgeBase(documents, loaded.Errors) { SynonymsHash = loaded.SynonymsHash };
    }
}
