using Lucene.Net.Util;

namespace GuidelineBot.Search;

/// <summary>The one Lucene version constant of the project.</summary>
internal static class LuceneSetup
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
