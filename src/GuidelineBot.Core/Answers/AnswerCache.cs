using BitFaster.Caching.Lfu;
using BitFaster.Caching.Scheduler;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Core.Answers;

/// <summary>
/// Replies already given, so a repeated question costs no search and no encoding: a bounded, thread-safe cache
/// (<c>Answers:CacheSize</c> entries; 0 turns it off) keyed by the normalised question, each reply kept with the
/// knowledge base's <see cref="KnowledgeBase.Version"/> it was found in. Changed knowledge therefore never answers from
/// the old documents: a reply of another version is a miss, and the new reply replaces it.
/// </summary>
/// <remarks>
/// The cache keeps the questions asked most often (W-TinyLFU: a new question displaces a kept one only when it has been
/// asked more often lately), not the most recent ones. When more different questions come round than it holds, a
/// least-recently-used cache keeps evicting questions just before they are asked again; this one answers nearly the
/// whole share it holds. Its upkeep runs on the asking threads: no timer, no background work. The key is a string, so
/// the cache's generic code is the shared instantiation that ReadyToRun holds (a struct key had 44 more of the
/// package's methods JIT-compiled in a start, one answer and a stop).
/// </remarks>
public sealed class AnswerCache
{
    private readonly ConcurrentLfu<string, Entry>? _replies;

    public AnswerCache(IOptions<AnswerOptions> options)
    {
        var size = options.Value.CacheSize;
        Capacity = size;
        _replies = size > 0
            ? new ConcurrentLfu<string, Entry>(Environment.ProcessorCount, Math.Max(size, MinCapacity), new ForegroundScheduler(), StringComparer.Ordinal)
            : null;
    }

    /// <summary>The smallest capacity the underlying cache supports (window, probation and protected parts of one).</summary>
    private const int MinCapacity = 3;

    public int Capacity { get; }

    public int Count => _replies?.Count ?? 0;

    /// <summary>
    /// The cached reply for <paramref name="question"/> (already cleaned) under <paramref name="knowledge"/>, else
    /// <paramref name="answer"/>'s, which is then kept. A hit keeps the question exactly as this caller asked it.
    /// </summary>
    public Reply GetOrAdd(string question, KnowledgeBase knowledge, Func<string, Reply> answer)
    {
        if (_replies is null)
        {
            return answer(question);
        }

        var key = Normalize(question);
        Reply reply;
        if (_replies.TryGet(key, out var kept) && string.Equals(kept.KnowledgeVersion, knowledge.Version, StringComparison.Ordinal))
        {
            reply = kept.Reply;
        }
        else
        {
            reply = answer(question);
            _replies.AddOrUpdate(key, new Entry(knowledge.Version, reply));
        }

        return string.Equals(reply.Question, question, StringComparison.Ordinal) ? reply : reply with { Question = question };
    }

    /// <summary>Questions that differ only in letter case share an entry (the cleaned text is whitespace-normalised already).</summary>
    internal static string Normalize(string question) => question.ToLowerInvariant();

    /// <summary>What a question asked through <see cref="AnswerService.Ask"/> is cached under (cleaned as it cleans it, then <see cref="Normalize"/>d).</summary>
    public static string KeyOf(string? question) => Normalize(AnswerService.Clean(question));

    /// <summary>A reply and the knowledge version it was found in (a reply of another version is a miss, and replaced).</summary>
    private sealed record Entry(string KnowledgeVersion, Reply Reply);
}
