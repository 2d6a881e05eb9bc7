using System.Text;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Knowledge;
using GuidelineBot.Search;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary>Snapshots of the live knowledge on a fake clock: what a reload swaps in, and what a broken file keeps.</summary>
public sealed class LiveKnowledgeTests : IDisposable
{
    internal const string DroneDocument = "# Drone Policy\n\n## Can I fly a drone over the school?\n\nOnly with written permission from the principal, and never over students at recess.\n";
    private const string DroneQuestion = "can I fly a drone over the school";
    private const string SynonymQuestion = "may I go by quadrocopter";

    private readonly TestPaths.TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly LiveKnowledge _live;
    private readonly AnswerService _answers;

    public LiveKnowledgeTests()
    {
        File.Copy(TestPaths.Seed, Path.Combine(_folder.Path, "staff-social-media-guidelines.txt"));
        _live = Create(_folder.Path, _time);
        _answers = new AnswerService(new LiveGuidelineSearch(_live), Options.Create(new AnswerOptions()), new AnswerCache(Options.Create(new AnswerOptions())));
    }

    public void Dispose()
    {
        _live.Dispose();
        _folder.Dispose();
    }

    /// <param name="services">What the builder may find there (e.g. a suggestion store); none by default.</param>
    internal static LiveKnowledge Create(string folder, TimeProvider time, IServiceProvider? services = null)
    {
        var knowledge = Options.Create(new KnowledgeOptions { Path = folder });
        var builder = new KnowledgeSnapshotBuilder(services ?? new ServiceCollection().BuildServiceProvider(), knowledge,
            Options.Create(new SearchOptions { Reranker = RerankerKind.None }), Options.Create(new OnboardingOptions()), time,
            NullLogger<KnowledgeSnapshotBuilder>.Instance);
        return new LiveKnowledge(builder, knowledge, NullLogger<LiveKnowledge>.Instance);
    }

    private Task<KnowledgeStatus> ReloadLaterAsync()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        return _live.ReloadAsync(CancellationToken.None);
    }

    private bool AnswersFromDrones() =>
        _answers.Ask(DroneQuestion) is AnswerReply { Section.DocumentTitle: "Drone Policy" };

    [Fact]
    public void The_first_snapshot_is_the_folder_as_loaded_at_the_clock_time()
    {
        var status = _live.Current;

        Assert.Equal(KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path }).Version, status.Version);
        Assert.Equal(_time.GetUtcNow(), status.LoadedAt);
        var document = Assert.Single(status.Documents);
        Assert.Equal("staff-social-media-guidelines", document.Id);
        Assert.EndsWith("/staff-social-media-guidelines.txt", document.File, StringComparison.Ordinal);
        Assert.True(document.Sections > 5);
        Assert.Empty(status.Warnings);
    }

    [Fact]
    public async Task A_new_document_answers_after_a_reload_and_is_gone_after_it_is_deleted()
    {
        var before = _live.Current;
        Assert.False(AnswersFromDrones());

        var path = _folder.Write("drones.md", DroneDocument);
        var added = await ReloadLaterAsync();

        Assert.NotEqual(before.Version, added.Version);
        Assert.Equal(_time.GetUtcNow(), added.LoadedAt);
        Assert.Contains(added.Documents, d => d.Id == "drones" && d.Title == "Drone Policy" && d.Sections == 1);
        Assert.True(AnswersFromDrones());

        File.Delete(path);
        var deleted = await ReloadLaterAsync();

        Assert.Equal(before.Version, deleted.Version);
        Assert.DoesNotContain(deleted.Documents, d => d.Id == "drones");
        Assert.False(AnswersFromDrones());
    }

    [Fact]
    public async Task A_broken_document_keeps_its_last_good_version_and_the_status_names_file_and_line()
    {
        var path = _folder.Write("drones.md", DroneDocument);
        var good = await ReloadLaterAsync();

        // Line 3 is UTF-8 ("é") with a broken byte after it.
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("# Drone Policy\n\nCaf\u00e9 "), 0xFF, 0xFE, (byte)'\n']);
        var broken = await ReloadLaterAsync();

        Assert.Equal(good.Version, broken.Version);
        Assert.Contains(broken.Documents, d => d.Id == "drones");
        var warning = Assert.Single(broken.Warnings);
        Assert.EndsWith("/drones.md", warning.File, StringComparison.Ordinal);
        Assert.Equal(3, warning.Line);
        Assert.True(AnswersFromDrones());

        File.WriteAllText(path, DroneDocument.Replace("principal", "head teacher", StringComparison.Ordinal));
        var fixedAgain = await ReloadLaterAsync();
        Assert.Empty(fixedAgain.Warnings);
        Assert.NotEqual(good.Version, fixedAgain.Version);
        Assert.Contains("head teacher", ((AnswerReply)_answers.Ask(DroneQuestion)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_document_that_never_loaded_is_only_a_warning()
    {
        var before = _live.Current;
        _folder.Write("draft.md", "---\ntitle: Draft\n");

        var status = await ReloadLaterAsync();

        Assert.Equal(before.Version, status.Version);
        Assert.Equal(["staff-social-media-guidelines"], status.Documents.Select(d => d.Id));
        Assert.Equal(1, Assert.Single(status.Warnings).Line);
    }

    [Fact]
    public async Task A_reload_that_finds_nothing_new_keeps_the_snapshot_and_its_load_time()
    {
        var before = _live.Snapshot;

        var status = await ReloadLaterAsync();

        Assert.Same(before, _live.Snapshot);
        Assert.Equal(before.Status.LoadedAt, status.LoadedAt);
    }

    [Fact]
    public async Task Synonyms_change_the_version_and_a_broken_synonym_file_keeps_the_last_good_one()
    {
        _folder.Write("drones.md", DroneDocument);
        await ReloadLaterAsync();
        Assert.DoesNotContain(_live.Snapshot.Search.Search(SynonymQuestion, 3).Hits, h => h.Section.DocumentId == "drones");

        _folder.Write("synonyms.txt", "# everyday words\nquadrocopter => drone\n");
        var withSynonyms = await ReloadLaterAsync();
        Assert.Equal("drones", _live.Snapshot.Search.Search(SynonymQuestion, 3).Best?.Section.DocumentId);

        _folder.Write("synonyms.txt", "# everyday words\nquadrocopter => drone\nkids => pupils => students\n");
        var broken = await ReloadLaterAsync();

        Assert.Equal(withSynonyms.Version, broken.Version);
        var warning = Assert.Single(broken.Warnings);
        Assert.EndsWith("/synonyms.txt", warning.File, StringComparison.Ordinal);
        Assert.Equal(3, warning.Line);
        Assert.Equal("drones", _live.Snapshot.Search.Search(SynonymQuestion, 3).Best?.Section.DocumentId);

        // Emptied (a save cut short, or by mistake): refused like a broken one, the synonyms before stay.
        _folder.Write("synonyms.txt", " \n");
        var emptied = await ReloadLaterAsync();

        Assert.Equal(withSynonyms.Version, emptied.Version);
        Assert.Contains("empty", Assert.Single(emptied.Warnings).Message, StringComparison.Ordinal);
        Assert.Equal("drones", _live.Snapshot.Search.Search(SynonymQuestion, 3).Best?.Section.DocumentId);
    }

    [Fact]
    public async Task Onboarding_questions_reload_and_a_broken_questions_file_keeps_the_last_good_one()
    {
        IOnboardingCatalogSource catalogs = _live;
        Assert.Empty(catalogs.Current.Documents.SelectMany(d => d.Questions));
        _folder.Write("drones.md", DroneDocument);
        _folder.Write("onboarding.yml", Question("Is a drone flight over recess allowed?"));

        await ReloadLaterAsync();
        Assert.Equal("Is a drone flight over recess allowed?", catalogs.Current.Documents.SelectMany(d => d.Questions).Single().Prompt);

        _folder.Write("onboarding.yml", Question("Changed prompt?") + "  - section: [unclosed\n");
        var broken = await ReloadLaterAsync();

        Assert.Equal("Is a drone flight over recess allowed?", catalogs.Current.Documents.SelectMany(d => d.Questions).Single().Prompt);
        var warning = Assert.Single(broken.Warnings);
        Assert.EndsWith("/onboarding.yml", warning.File, StringComparison.Ordinal);
        Assert.True(warning.Line >= 7, $"line {warning.Line}");

        _folder.Write("onboarding.yml", Question("Changed prompt?"));
        await ReloadLaterAsync();
        Assert.Equal("Changed prompt?", catalogs.Current.Documents.SelectMany(d => d.Questions).Single().Prompt);
    }

    internal static string Question(string prompt) =>
        $"drones:\n  - section: \"Can I fly a drone over the school?\"\n    prompt: \"{prompt}\"\n    choices:\n      - \"Yes\"\n      - \"Only with written permission\"\n    correct: 2\n";

    [Fact]
    public async Task A_request_keeps_the_snapshot_it_started_with()
    {
        var pinned = _live.Snapshot.Search;
        _folder.Write("drones.md", DroneDocument);
        await ReloadLaterAsync();

        Assert.DoesNotContain(pinned.Knowledge.Documents, d => d.Id == "drones");
        Assert.DoesNotContain(pinned.Search(DroneQuestion, 3).Hits, h => h.Section.DocumentId == "drones");
        Assert.Contains(new LiveGuidelineSearch(_live).Snapshot.Knowledge.Documents, d => d.Id == "drones");
    }

    [Fact]
    public async Task A_missing_folder_keeps_everything_loaded_with_a_warning()
    {
        using var other = new TestPaths.TempFolder();
        var folder = Path.Combine(other.Path, "knowledge");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "drones.md"), DroneDocument);
        using var live = Create(folder, _time);
        var before = live.Current;

        Directory.Delete(folder, recursive: true);
        var status = await live.ReloadAsync(CancellationToken.None);

        Assert.Equal(before.Version, status.Version);
        Assert.Single(status.Warnings);
        Assert.Equal("drones", Assert.Single(live.Snapshot.Knowledge.Documents).Id);
    }

    [Fact]
    public async Task The_watcher_ends_quietly_when_its_host_is_disposed_without_a_stop()
    {
        // What a host does to its started services when a later one fails to start: no StopAsync, only Dispose. A
        // watcher that ended by throwing would be reported as a crashed background service (an error and a critical line).
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, PollSeconds = 2 });
        var clock = new CountingClock();
        var watcher = new KnowledgeWatcher(_live, options, clock, NullLogger<KnowledgeWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => clock.Timers > 0, "the watcher waits for its next check", TimeSpan.FromSeconds(10));

        watcher.Dispose();

        await Task.WhenAny(watcher.ExecuteTask!).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TaskStatus.RanToCompletion, watcher.ExecuteTask!.Status);
    }

    [Fact]
    public async Task The_watcher_reloads_when_the_injected_clock_reaches_the_next_check()
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, PollSeconds = 2 });
        using var watcher = new KnowledgeWatcher(_live, options, _time, NullLogger<KnowledgeWatcher>.Instance);
        var before = _live.Current.Version;
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            _folder.Write("drones.md", DroneDocument);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (_live.Current.Version == before && DateTime.UtcNow < deadline)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50);
            }

            Assert.Contains(_live.Current.Documents, d => d.Id == "drones");
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }
}
