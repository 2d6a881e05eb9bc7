using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Knowledge;
using GuidelineBot.UnitTests.Experts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary>The approved expert answers in the live knowledge: when the store's version says to reload, and what a reload keeps.</summary>
public sealed class LiveExpertAnswersTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly TestPaths.TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly MemoryExpertStore _store = new();
    private readonly LiveKnowledge _live;

    public LiveExpertAnswersTests()
    {
        File.Copy(TestPaths.Seed, Path.Combine(_folder.Path, "staff-social-media-guidelines.txt"));
        _live = LiveKnowledgeTests.Create(_folder.Path, _time, new ServiceCollection().AddSingleton<ISuggestionStore>(_store).BuildServiceProvider());
    }

    public void Dispose()
    {
        _live.Dispose();
        _folder.Dispose();
    }

    private async Task ApproveAsync(string id, DateTimeOffset at)
    {
        await _store.AddAsync(new KnowledgeSuggestion(id, "tk", "an-" + id, "Can I fly a drone over the school?", "Only with written permission.",
            new ExpertRef("slack", "U1", "Ana Expert"), T0), CancellationToken.None);
        Assert.True(await _store.DecideAsync(id, SuggestionStatus.Pending, "Can I fly a drone over the school?", "Only with written permission.", SuggestionStatus.Approved,
            "admin", at, CancellationToken.None));
    }

    [Fact]
    public async Task An_approval_is_a_change_and_the_reload_adds_the_expert_answers_document()
    {
        _ = _live.Snapshot;
        Assert.False(await _live.ExpertAnswersChangedAsync(CancellationToken.None));

        await ApproveAsync("sg-1", T0);
        Assert.True(await _live.ExpertAnswersChangedAsync(CancellationToken.None));
        var status = await _live.ReloadAsync(CancellationToken.None);

        Assert.Contains(status.Documents, d => d.Id == ExpertAnswersDocument.DocumentId && d.Title == "Expert answers" && d.Sections == 1);
        Assert.False(await _live.ExpertAnswersChangedAsync(CancellationToken.None));
        Assert.Equal($"{ExpertAnswersDocument.DocumentId}#sg-1", _live.Snapshot.Knowledge.FindSection($"{ExpertAnswersDocument.DocumentId}#sg-1")?.Id);
    }

    [Fact]
    public async Task A_new_store_version_with_the_same_answers_keeps_the_index_and_is_remembered_so_it_reloads_once()
    {
        await ApproveAsync("sg-1", T0);
        var search = _live.Snapshot.Search;

        // Re-approved the same day: the store's version moves, the document (dated by day) does not.
        Assert.True(await _store.DecideAsync("sg-1", SuggestionStatus.Approved, "Can I fly a drone over the school?", "Only with written permission.", SuggestionStatus.Approved,
            "admin", T0.AddMinutes(5), CancellationToken.None));
        Assert.True(await _live.ExpertAnswersChangedAsync(CancellationToken.None));
        await _live.ReloadAsync(CancellationToken.None);

        Assert.Same(search, _live.Snapshot.Search);
        Assert.False(await _live.ExpertAnswersChangedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_store_that_fails_is_no_change_also_while_the_server_stops()
    {
        _ = _live.Snapshot;
        _store.VersionFailure = new TimeoutException("The operation has timed out (test: a database that does not answer).");
        Assert.False(await _live.ExpertAnswersChangedAsync(CancellationToken.None));

        // Stopping: the driver's own timeout, not a cancellation, ends the read; it must not escape and fail the watcher
        // (the host logged it as a crashed background service on an ordinary stop).
        Assert.False(await _live.ExpertAnswersChangedAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Without_a_store_there_is_no_expert_answers_document_and_never_a_change()
    {
        using var live = LiveKnowledgeTests.Create(_folder.Path, _time);

        Assert.DoesNotContain(live.Snapshot.Knowledge.Documents, d => d.Id == ExpertAnswersDocument.DocumentId);
        Assert.False(await live.ExpertAnswersChangedAsync(CancellationToken.None));
        Assert.Null(live.Snapshot.ExpertAnswersVersion);
    }
}
