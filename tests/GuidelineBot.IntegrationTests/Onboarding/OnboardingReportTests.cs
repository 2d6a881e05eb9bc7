using System.Text;
using GuidelineBot.Cli;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.IntegrationTests.Storage;
using GuidelineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Onboarding;

/// <summary><c>report onboarding [--csv FILE]</c> over a real store filled by real onboarding flows, on every provider.</summary>
public abstract class OnboardingReportTests<TStore> : ProviderTestBase<TStore> where TStore : ITestStore, new()
{
    private static readonly DateTimeOffset Day1 = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Day1);

    private async Task CompleteAsync(OnboardingService engine, OnboardingKey key, string name)
    {
        var outputs = await engine.HandleAsync(key, new OnboardingInput.Start(), name, CancellationToken.None);
        while (true)
        {
            var button = outputs.Last() switch
            {
                OnboardingSection s => s.Buttons[0],
                OnboardingCheckQuestion q => q.Buttons[OnboardingTestKnowledge.Catalog.Documents[0].Questions[q.Number - 1].Correct - 1],
                OnboardingAcknowledgePrompt a => a.Buttons[0],
                _ => null,
            };
            if (button is null)
            {
                return;
            }

            Assert.True(OnboardingInput.TryParseButtonValue(button.Value, out var input));
            _time.Advance(TimeSpan.FromSeconds(30));
            outputs = await engine.HandleAsync(key, input, name, CancellationToken.None);
        }
    }

    private async Task<OnboardingService> SeedAsync()
    {
        var engine = OnboardingTestKnowledge.Engine(Database, _time);
        await CompleteAsync(engine, new OnboardingKey("teams", "29:dana"), "Dana Example");

        // Sam stops at topic 4 on day 1 at 09:00 and never comes back.
        _time.SetUtcNow(Day1.AddHours(1));
        var sam = new OnboardingKey("slack", "T1:U7");
        await engine.HandleAsync(sam, new OnboardingInput.Start(), "Sam Stuck", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await engine.HandleAsync(sam, new OnboardingInput.Next(), "Sam Stuck", CancellationToken.None);
        }

        _time.SetUtcNow(Day1.AddDays(5));
        await engine.HandleAsync(new OnboardingKey("teams", "29:kim"), new OnboardingInput.Start(), "=Kim, \"K\"", CancellationToken.None);
        var ria = new OnboardingKey("slack", "T1:U9");
        await engine.HandleAsync(ria, new OnboardingInput.Start(), "Ria", CancellationToken.None);
        await engine.HandleAsync(ria, new OnboardingInput.Pause(), "Ria", CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        return engine;
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(KnowledgeBase knowledge, params string[] args)
    {
        var services = new ServiceCollection()
            .AddSingleton(Database)
            .AddSingleton<IOnboardingStore>(new SqlOnboardingStore(Database))
            .AddSingleton(knowledge)
            .AddSingleton(OnboardingCatalog.Create(knowledge, new OnboardingOptions(), [], []))
            .AddSingleton<TimeProvider>(_time)
            .BuildServiceProvider();
        var output = new StringWriter();
        var errors = new StringWriter();
        var command = ReportCommand.Create(output, errors, () => services);
        var exit = await command.Parse(args).InvokeAsync();
        return (exit, output.ToString(), errors.ToString());
    }

    [SkippableFact]
    public async Task Report_lists_who_started_finished_acknowledged_and_who_is_stuck()
    {
        await SeedAsync();
        var document = OnboardingTestKnowledge.SeedDocument;

        var (exit, text, errors) = await RunAsync(OnboardingTestKnowledge.Knowledge, "onboarding");

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Contains("Started: 4 · Completed: 1 · Stuck (no step for 3 days): 1", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.Contains("Dana Example (teams:29:dana)  completed  started 2026-09-01 08:00 UTC, finished 2026-09-01 08:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Sam Stuck (slack:T1:U7)  stuck  started 2026-09-01 09:00 UTC", StringComparison.Ordinal) &&
                                    l.Contains($"reading topic 4/{document.Sections.Count} of {document.Title} since 2026-09-01 09:00 UTC", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Ria (slack:T1:U9)  paused", StringComparison.Ordinal) && l.Contains("(paused) since 2026-09-06 08:00 UTC", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(teams:29:kim)  in progress", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Dana Example (teams:29:dana)  {document.Title}  2026-09-01", StringComparison.Ordinal) &&
                                    l.Contains($"version {document.ShortHash} (current)", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_changed_document_shows_earlier_acknowledgements_as_an_older_version_in_text_and_csv()
    {
        await SeedAsync();
        var original = OnboardingTestKnowledge.SeedDocument;
        var edited = File.ReadAllBytes(Path.Combine(RepoPaths.Knowledge, "staff-social-media-guidelines.txt"))
            .Concat(Encoding.UTF8.GetBytes("\n\nQ: Can I use AI tools to write posts?\n\n- Review anything you publish.\n")).ToArray();
        var changed = KnowledgeLoader.Parse(edited, "staff-social-media-guidelines.txt", "knowledge/staff-social-media-guidelines.txt");
        Assert.NotEqual(original.ContentHash, changed.ContentHash);
        var csvPath = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", Guid.NewGuid().ToString("N"), "report.csv");

        try
        {
            var (exit, text, _) = await RunAsync(new KnowledgeBase([changed], []), "onboarding", "--csv", csvPath);

            Assert.Equal(0, exit);
            Assert.Contains($"version {original.ShortHash} (older version)", text, StringComparison.Ordinal);
            var rows = (await File.ReadAllLinesAsync(csvPath)).ToList();
            Assert.Equal(string.Join(',', ReportCommand.CsvHeader), rows[0].TrimStart('\uFEFF'));
            Assert.Equal(5, rows.Count); // header + Dana (one acknowledgement) + Sam + Kim + Ria
            var dana = Assert.Single(rows, r => r.StartsWith("teams,29:dana,", StringComparison.Ordinal));
            Assert.EndsWith($",{original.ContentHash},older version", dana, StringComparison.Ordinal);
            Assert.Contains(",completed,finished,,2026-09-01T08:00:00Z,", dana, StringComparison.Ordinal);
            var sam = Assert.Single(rows, r => r.StartsWith("slack,T1:U7,", StringComparison.Ordinal));
            Assert.Contains(",stuck,", sam, StringComparison.Ordinal);
            Assert.Contains(",2026-09-01T09:00:00Z,2026-09-01T09:00:00Z,,,,,,", sam, StringComparison.Ordinal); // since, started; no acknowledgement
            // A display name with a comma, quotes and a leading '=' is quoted and defused.
            Assert.Single(rows, r => r.StartsWith("teams,29:kim,\"'=Kim, \"\"K\"\"\",in progress,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(csvPath)!, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Empty_store_reports_nobody_yet()
    {
        // (A store that is there but empty: where there is none, the report is an error.)
        await Database.EnsureMigratedAsync(CancellationToken.None);
        var (exit, text, _) = await RunAsync(OnboardingTestKnowledge.Knowledge, "onboarding");

        Assert.Equal(0, exit);
        Assert.Contains("Nobody has started onboarding yet.", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteOnboardingReportTests : OnboardingReportTests<SqliteTestStore>;

public sealed class PostgresOnboardingReportTests : OnboardingReportTests<PostgresTestStore>;
