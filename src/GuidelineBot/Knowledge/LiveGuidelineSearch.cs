using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Knowledge;

/// <summary>
/// <see cref="IGuidelineSearch"/> over the live knowledge: each call goes to the snapshot that is current then, and
/// <see cref="Snapshot"/> pins one for a whole request (as <see cref="AnswerService"/> does).
/// </summary>
internal sealed class LiveGuidelineSearch(LiveKnowledge live) : IGuidelineSearch
{
    public KnowledgeBase Knowledge => live.Snapshot.Knowledge;

    public IGuidelineSearch Snapshot => live.Snapshot.Search;

    public bool IsComplete => live.Snapshot.Search.IsComplete;

    public SearchResult Search(string question, int maxResults, CancellationToken cancellationToken = default) =>
        live.Snapshot.Search.Search(question, maxResults, cancellationToken);
}
