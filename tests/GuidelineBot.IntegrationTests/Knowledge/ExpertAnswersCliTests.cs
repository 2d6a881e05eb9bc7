using GuidelineBot.Cli;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Storage;

namespace GuidelineBot.IntegrationTests.Knowledge;

/// <summary><c>knowledge export-answers DIR</c> and <c>ask</c> through the real command line, over a SQLite store the test fills.</summary>
public sealed class ExpertAnswersCliTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("guidelinebot-export-").FullName;

    private string DatabasePath => Path.Combine(_root, "store", "guidelinebot.db");

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:ConnectionString"] = $"Data Source={DatabasePath}",
        ["Knowledge:Path"] = RepoPaths.Knowledge,
        ["Search:Reranker"] = "None",
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<IReadOnlyList<KnowledgeSuggestion>> SeedAsync()
    {
        await using var database = new SqliteDatabase($"Data Source={DatabasePath}");
        var store = new SqlSuggestionStore(database);
        var expert = new ExpertRef("teams", "29:ana", "Ana Expert");
        await store.AddAsync(new KnowledgeSuggestion("sg-1", "tk-1", "an-1", "Can I fly a drone over the school field?",
            "Only with written permission from the principal.\n\n- Never over pupils at recess.", expert, T0), CancellationToken.None);
        await store.AddAsync(new KnowledgeSuggestion("sg-2", "tk-2", "an-2", "May I record a class podcast?",
            "Yes, with parental consent.", expert with { DisplayName = "Ben Expert" }, T0.AddHours(1)), CancellationToken.None);
        await store.AddAsync(new KnowledgeSuggestion("sg-3", "tk-3", "an-3", "Pending question?", "Not approved yet.", expert, T0.AddHours(2)),
            CancellationToken.None);
        await store.DecideAsync("sg-1", SuggestionStatus.Pending, "Can I fly a drone over the school field?", "Only with written permission from the principal.\n\n- Never over pupils at recess.",
            SuggestionStatus.Approved, "admin", T0.AddDays(1), CancellationToken.None);
        await store.DecideAsync("sg-2", SuggestionStatus.Pending, "May I record a class podcast?", "Yes, with parental consent.", SuggestionStatus.Approved, "admin", T0.AddDays(2),
            CancellationToken.None);
        return await store.ListAsync(SuggestionStatus.Approved, CancellationToken.None);
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, errors, settings: Settings);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Export_writes_the_approved_answers_as_a_document_that_loads_back_from_the_knowledge_folder_as_the_same_sections()
    {
        var approved = await SeedAsync();
        var knowledge = Path.Combine(_root, "out", "knowledge");

        var (exit, output, errors) = await RunAsync("knowledge", "export-answers", knowledge);

        Assert.Equal((0, ""), (exit, errors));
        var file = Path.Combine(knowledge, "expert-answers.md");
        Assert.Contains($"Wrote 2 expert answers to {file}", output, StringComparison.Ordinal);
        var loaded = KnowledgeLoader.Load(new KnowledgeOptions { Path = knowledge });
        Assert.Empty(loaded.Errors);
        var document = Assert.Single(loaded.Documents);
        var live = ExpertAnswersDocument.Build(approved)!;
        Assert.Equal(("expert-answers", "Expert answers"), (document.Id, document.Title));
        Assert.Equal(live.Sections.Select(s => (s.Heading, s.Text)), document.Sections.Select(s => (s.Heading, s.Text)));
        Assert.Equal(["Can I fly a drone over the school field?", "May I record a class podcast?"], document.Sections.Select(s => s.Heading));
        Assert.DoesNotContain("Not approved yet", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Contains("owner: Ben Expert; last reviewed: 2026-09-03", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_approved_nothing_is_written_and_the_exit_code_is_0()
    {
        await using (var database = new SqliteDatabase($"Data Source={DatabasePath}"))
        {
            await database.EnsureMigratedAsync(CancellationToken.None);
        }

        var folder = Path.Combine(_root, "out");
        var (exit, output, _) = await RunAsync("knowledge", "export-answers", folder);

        Assert.Equal(0, exit);
        Assert.Contains("No approved expert answers", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "expert-answers.md")));
    }

    [Fact]
    public async Task A_missing_store_is_an_error_and_creates_no_database()
    {
        var (exit, output, errors) = await RunAsync("knowledge", "export-answers", Path.Combine(_root, "out"));

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"there is no store at {DatabasePath}", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath));

        // The reports too: run from another folder than the bot's, they made an empty store and reported nothing as if it
        // were the bot's record.
        foreach (var report in new[] { "questions", "feedback", "onboarding" })
        {
            var (reportExit, reportOutput, reportErrors) = await RunAsync("report", report);
            Assert.Equal(1, reportExit);
            Assert.Equal("", reportOutput);
            Assert.Contains($"there is no store at {DatabasePath}", reportErrors, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Ask_over_a_store_it_cannot_read_answers_from_the_folder_and_says_so_once()
    {
        // The warning said "the 0 loaded before stay live": a command line has nothing loaded before.
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllTextAsync(DatabasePath, "not a database, though named like one\n");

        var (exit, output, errors) = await RunAsync("ask", "can I friend parents?");

        Assert.Equal(0, exit);
        Assert.Contains("friend", output, StringComparison.OrdinalIgnoreCase);
        var warning = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Contains("Could not read the approved expert answers from the store; answering without them", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("loaded before", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_onboarding_report_warns_of_a_broken_onboarding_file_as_ask_does()
    {
        // It printed its report without a word, so a broken onboarding.yml looked like a document without check questions.
        await SeedAsync();
        var knowledge = Directory.CreateDirectory(Path.Combine(_root, "knowledge")).FullName;
        File.Copy(Path.Combine(RepoPaths.Knowledge, "staff-social-media-guidelines.txt"), Path.Combine(knowledge, "staff-social-media-guidelines.txt"));
        await File.WriteAllTextAsync(Path.Combine(knowledge, "onboarding.yml"), "staff-social-media-guidelines: [\n");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await CliApp.RunAsync(["report", "onboarding"], output, errors, settings: new Dictionary<string, string?>(Settings) { ["Knowledge:Path"] = knowledge });

        Assert.Equal(0, exit);
        Assert.StartsWith("warning: Skipped knowledge file ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("onboarding.yml (line ", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DIR_that_is_a_file_is_an_error_and_a_missing_DIR_is_a_usage_error()
    {
        await SeedAsync();
        var file = Path.Combine(_root, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var (exit, _, errors) = await RunAsync("knowledge", "export-answers", file);
        Assert.Equal(1, exit);
        Assert.Contains("is a file, not a folder", errors, StringComparison.Ordinal);

        var (usage, _, usageErrors) = await RunAsync("knowledge", "export-answers");
        Assert.Equal(2, usage);
        Assert.StartsWith("error:", usageErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_answers_from_the_approved_expert_answers_when_the_configured_store_exists()
    {
        await SeedAsync();

        var (exit, output, errors) = await RunAsync("ask", "--json", "Can I fly a drone over the school field?");

        Assert.Equal((0, ""), (exit, errors));
        Assert.Contains("written permission from the principal", output, StringComparison.Ordinal);
        Assert.Contains("owner: Ana Expert; last reviewed 2026-09-02", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_without_the_store_answers_from_the_folder_and_creates_no_store()
    {
        var (exit, output, _) = await RunAsync("ask", "can I friend parents?");

        Assert.Equal(0, exit);
        Assert.Contains("staff-social-media-guidelines", output, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath));
    }
}
