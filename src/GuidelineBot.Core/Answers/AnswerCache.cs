using BitFaster.Caching.Lfu;
using BitFaster.Caching.Scheduler;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Core.Answers;

/// <summary>
/// Replies already given, so a repeated question costs no search and no encoding: a bounded, thread-safe cache
/// (<c>Answers:CacheSize</c> entries; 0 turns it off) keyed by the normalised question and the knowledge base's
/// <see cref="KnowledgeBase.Version"/>. Changed knowledge therefore never answers from the old documents; the old
/// entries age out.
/// </summary>
/// <remarks>
/// The cache keeps the questions asked most often (W-TinyLFU: a new question displaces a kept one only when it has been
/// asked more often lately), not the most recent ones. When more different questions come round than it holds, an LRU
/// evicts each question just before it is asked again and answers none of them; this one goes on answering the share it
/// keeps. Its upkeep runs on the asking threads: no timer, no background work.
/// </remarks>
public sealed class AnswerCache
{
    private readonly ConcurrentLfu<Key, Reply>? _replies;

    public AnswerCache(IOptions<AnswerOptions> options)
    {
        var size = options.Value.CacheSize;
        Capacity = size;
        _replies = size > 0
            ? new ConcurrentLfu<Key, Reply>(Environment.ProcessorCount, Math.Max(size, MinCapacity), new ForegroundScheduler(), EqualityComparer<Key>.Default)
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

        var reply = _replies.GetOrAdd(new Key(Normalize(question), knowledge.Version), (_, q) => answer(q), question);
        return string.Equals(reply.Question, question, StringComparison.Ordinal) ? reply : reply with { Question = question };
    }

    /// <summary>Questions that differ only in letter case share an entry (the cleaned text is whitespace-normalised already).</summary>
    internal static string Normalize(string question) => question.ToLowerInvariant();

    /// <summary>What a question asked through <see cref="AnswerService.Ask"/> is cached under (cleaned as it cleans it, then <see cref="Normalize"/>d).</summary>
    public static string KeyOf(string? question) => Normalize(AnswerService.Clean(question));

    private readonly record struct Key(string Question, string KnowledgeVersion);
}
