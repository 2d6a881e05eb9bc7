using System.Text;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Answers;

public sealed class AnswerCacheTests
{
    private static GuidelineDocument Document(string text) =>
        KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(text), "photo-policy.txt", "knowledge/photo-policy.txt");

    private const string PhotoPolicy = """
        Photo Policy

        Q: Can I post photos of students?

        - Not on personal accounts.
        """;

    private static readonly KnowledgeBase Photos = new([Document(PhotoPolicy)], []);

    /// <summary>A search that answers every question with its one section and counts how often it was asked.</summary>
    private sealed class CountingSearch(KnowledgeBase knowledge) : IGuidelineSearch
    {
        public int Calls { get; private set; }

        public KnowledgeBase Knowledge { get; set; } = knowledge;

        public bool IsComplete { get; set; } = true;

        public SearchResult Search(string question, int maxResults, CancellationToken cancellationToken = default)
        {
            Calls++;
            var section = Knowledge.Sections.Last();
            return new SearchResult(question, [new SearchHit(section, 1, 0.9, section.Passages)]);
        }
    }

    private static (AnswerService Answers, CountingSearch Search, AnswerCache Cache) Create(int size)
    {
        var options = Options.Create(new AnswerOptions { CacheSize = size });
        var search = new CountingSearch(Photos);
        var cache = new AnswerCache(options);
        return (new AnswerService(search, options, cache), search, cache);
    }

    [Fact]
    public void A_repeated_question_is_answered_without_a_second_search()
    {
        var (answers, search, cache) = Create(16);

        var first = Assert.IsType<AnswerReply>(answers.Ask("can I post photos of students?"));
        var second = Assert.IsType<AnswerReply>(answers.Ask("can I post photos of students?"));

        Assert.Equal(1, search.Calls);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Answers_of_an_engine_still_being_built_are_not_cached_and_once_it_is_they_are()
    {
        var (answers, search, cache) = Create(16);
        search.IsComplete = false;

        answers.Ask("can I post photos of students?");
        answers.Ask("can I post photos of students?");
        Assert.Equal(2, search.Calls);
        Assert.Equal(0, cache.Count);

        search.IsComplete = true;
        answers.Ask("can I post photos of students?");
        answers.Ask("can I post photos of students?");
        Assert.Equal(3, search.Calls);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Case_and_spacing_differences_hit_the_same_entry_but_the_reply_keeps_the_callers_question()
    {
        var (answers, search, _) = Create(16);

        answers.Ask("can I post photos of students?");
        var reply = Assert.IsType<AnswerReply>(answers.Ask("  Can I   post PHOTOS of students?\n"));

        Assert.Equal(1, search.Calls);
        Assert.Equal("Can I post PHOTOS of students?", reply.Question);
    }

    [Fact]
    public void Different_questions_are_separate_entries()
    {
        var (answers, search, cache) = Create(16);

        answers.Ask("can I post photos of students?");
        answers.Ask("can I post photos of my class?");

        Assert.Equal(2, search.Calls);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_cache_stays_within_its_size_and_evicts_questions_not_asked_again()
    {
        var (answers, search, cache) = Create(8);

        for (var i = 0; i < 100; i++)
        {
            answers.Ask($"question number {i}");
        }

        Assert.InRange(cache.Count, 1, 8);
        // Asked again, at most the 8 it kept are answered from it; which 8 depends on its sketch, whose string hashes
        // differ per process (the question asked first may be one of them: W-TinyLFU keeps a question when the newcomer
        // has not been asked more often).
        var calls = search.Calls;
        for (var i = 0; i < 100; i++)
        {
            answers.Ask($"question number {i}");
        }

        Assert.InRange(search.Calls - calls, 100 - 8, 100);
    }

    [Fact]
    public void More_different_questions_in_rotation_than_it_holds_keeps_answering_nearly_its_share_from_the_cache()
    {
        // 1,000 questions asked round and round through a cache of 400: after the first round, at best 400 of every
        // 1,000 are answered from the cache (12,400 searches in all). Keeping the questions asked most often comes
        // within 15 % of that (12,433-12,947 searches in 14 runs, 13,176 once in CI: the sketch hashes strings, whose
        // hashes differ per process); a least-recently-used policy keeps evicting questions just before they come round
        // again (BitFaster's ConcurrentLru: 13,920 searches, past the 13,540 allowed here).
        const int Capacity = 400, Questions = 1000, Rounds = 20;
        var (answers, search, cache) = Create(Capacity);

        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < Questions; i++)
            {
                answers.Ask($"question number {i}");
            }
        }

        Assert.InRange(cache.Count, Capacity * 9 / 10, Capacity);
        Assert.InRange(search.Calls, Questions + ((Rounds - 1) * (Questions - Capacity)), Questions + ((Rounds - 1) * (Questions - (Capacity * 85 / 100))));
    }

    [Fact]
    public void A_changed_knowledge_base_is_a_miss_and_its_reply_replaces_the_old_one()
    {
        var (answers, search, cache) = Create(16);
        answers.Ask("can I post photos of students?");

        search.Knowledge = new KnowledgeBase([Document("""
            Photo Policy

            Q: Can I post photos of students?

            - Only with written consent.
            """)], []);
        var reply = Assert.IsType<AnswerReply>(answers.Ask("can I post photos of students?"));

        Assert.Equal(2, search.Calls);
        Assert.Contains("written consent", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, cache.Count);
        Assert.Same(reply, answers.Ask("can I post photos of students?"));
        Assert.Equal(2, search.Calls);
    }

    [Fact]
    public void Size_zero_turns_caching_off()
    {
        var (answers, search, cache) = Create(0);

        answers.Ask("can I post photos of students?");
        answers.Ask("can I post photos of students?");

        Assert.Equal(2, search.Calls);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_knowledge_version_follows_the_content_and_survives_with()
    {
        var same = new KnowledgeBase([Document(PhotoPolicy)], []);
        var changed = Photos with { Documents = [Document("Photo Policy\n\nQ: Other?\n\n- Text.\n")] };

        Assert.Matches("^[0-9a-f]{64}$", Photos.Version);
        Assert.NotEqual(Photos.Version, changed.Version);
        Assert.NotEqual(Photos.Version, new KnowledgeBase([], []).Version);
        Assert.Equal(Photos.Version, same.Version);
    }

    [Fact]
    public async Task Concurrent_askers_get_consistent_replies()
    {
        var (answers, _, cache) = Create(64);

        var replies = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            Task.Run(() => answers.Ask($"question {i % 40}"))));

        Assert.All(replies, (r, i) => Assert.Equal($"question {i % 40}", r.Question));
        Assert.InRange(cache.Count, 1, 64);
    }
}
