using BitFaster.Caching.Lru;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Core.Answers;

/// <summary>
/// Replies already given, so a repeated question costs no search and no encoding: a bounded, thread-safe LRU
/// (<c>Answers:CacheSize</c> entries; 0 turns it off) keyed by the normalised question and the knowledge base's
/// <see cref="KnowledgeBase.Version"/>. Changed knowledge therefore never answers from the old documents; the old
/// entries age out.
/// </summary>
public sealed class AnswerCache
{
    private readonly ConcurrentLru<Key, Reply>? _replies;

    public AnswerCache(IOptions<AnswerOptions> options)
    {
        var size = options.Value.CacheSize;
        Capacity = size;
        _replies = size > 0 ? new ConcurrentLru<Key, Reply>(Math.Max(size, MinCapacity)) : null;
    }

    /// <summary>The smallest capacity the underlying LRU supports (hot, warm and cold queues of one).</summary>
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
