using GuidelineBot.Cli;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;
using GuidelineBot.IntegrationTests.Onboarding;
using GuidelineBot.IntegrationTests.Storage;
using GuidelineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Questions;

/// <summary><c>report questions</c> and <c>report feedback</c> over a question log filled through <see cref="IQuestionLog"/>, on every provider.</summary>
public abstract class QuestionReportCommandTests<TStore> : ProviderTestBase<TStore> where TStore : ITestStore, new()
{
    private static readonly DateTimeOffset Day1 = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Day1.AddDays(3));

    private static GuidelineSection Section(int index) => OnboardingTestKnowledge.SeedDocument.Sections[index];

    private static QuestionRecord Answered(string id, DateTimeOffset at, GuidelineSection section, string text, bool? helpful = null) =>
        new(id, at, "slack", "#aaaaaaaaaaaa", text, QuestionOutcome.Answered, section.DocumentId, section.Id, 0.9, 12, helpful);

    private static QuestionRecord Declined(string id, DateTimeOffset at, string text, string user) =>
        new(id, at, "teams", user, text, QuestionOutcome.Declined, null, null, 0.2, 8);

    private async Task SeedAsync()
    {
        IQuestionLog log = new SqlQuestionLog(Database);
        await log.RecordAsync(Answered("old", Day1.AddDays(-3), Section(2), "do privacy settings protect me?"), CancellationToken.None);
        await log.RecordAsync(Answered("a1", Day1, Section(1), "what can I share? mail me at pat@example.org"), CancellationToken.None);
        await log.RecordAsync(Answered("a2", Day1.AddHours(1), Section(1), "=HYPERLINK(\"x\"), can I share \"this\"?"), CancellationToken.None);
        await log.RecordAsync(Declined("d1", Day1.AddDays(1), "Can I bring my dog to school?", "#bbbbbbbbbbbb"), CancellationToken.None);
        await log.RecordAsync(Declined("d2", Day1.AddDays(1).AddHours(2), "are dogs allowed at school", "#cccccccccccc"), CancellationToken.None);
        await log.RecordAsync(Declined("d3", Day1.AddDays(2), "what is the wifi password", "#cccccccccccc"), CancellationToken.None);
        await VoteAsync(log, "a1", Day1.AddHours(2), "what can I share? mail me at pat@example.org", Section(1), "U1", helpful: true);
        await VoteAsync(log, "a2", Day1.AddHours(3), "=HYPERLINK(\"x\"), can I share \"this\"?", Section(1), "U1", helpful: false);
    }

    /// <summary>A vote as the conversation records it: in the votes, and on the answer's question log record.</summary>
    private async Task VoteAsync(IQuestionLog log, string questionId, DateTimeOffset at, string question, GuidelineSection section, string user, bool helpful)
    {
        var vote = new FeedbackRecord("slack", user, question, section.Id, helpful, at);
        Assert.True(await new SqlFeedbackStore(Database).VoteAsync(vote, questionId + ":" + user, CancellationToken.None));
        await log.RecordFeedbackAsync(questionId, helpful, CancellationToken.None);
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var services = new ServiceCollection()
            .AddSingleton(Database)
            .AddSingleton<IQuestionLog>(new SqlQuestionLog(Database))
            .AddSingleton<IFeedbackStore>(new SqlFeedbackStore(Database))
            .AddSingleton(OnboardingTestKnowledge.Knowledge)
            .AddSingleton<TimeProvider>(_time)
            .BuildServiceProvider();
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await ReportCommand.Create(output, errors, () => services).Parse(args).InvokeAsync();
        return (exit, output.ToString(), errors.ToString());
    }

    private static string TempCsv() => Path.Combine(Path.GetTempPath(), "guidelinebot-tests", Guid.NewGuid().ToString("N"), "out", "report.csv");

    [SkippableFact]
    public async Task Questions_report_counts_outcomes_names_top_sections_groups_unanswered_and_masks()
    {
        await SeedAsync();

        var (exit, text, errors) = await RunAsync("questions");

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Contains("Questions: 6 · Answered: 3 · Declined: 3 · Other: 0 · Helpful: 1 · Not helpful: 1", text, StringComparison.Ordinal);
        Assert.Contains($"     2  {Section(1).Breadcrumb}  (helpful 1, not helpful 1)", text, StringComparison.Ordinal);
        Assert.Contains($"     1  {Section(2).Breadcrumb}  (helpful 0, not helpful 0)", text, StringComparison.Ordinal);
        Assert.Contains("     2× (2 people)  are dogs allowed at school", text, StringComparison.Ordinal);
        Assert.Contains("also: Can I bring my dog to school?", text, StringComparison.Ordinal);
        Assert.Contains("     1× (1 person)  what is the wifi password", text, StringComparison.Ordinal);
        Assert.Contains("what can I share? mail me at [email]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pat@example.org", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Questions_since_a_date_leave_out_older_ones_and_the_csv_has_one_quoted_row_each()
    {
        await SeedAsync();
        var csv = TempCsv();
        try
        {
            var (exit, text, _) = await RunAsync("questions", "--since", "2026-09-01", "--csv", csv);

            Assert.Equal(0, exit);
            Assert.Contains("(since 2026-09-01 00:00 UTC)", text, StringComparison.Ordinal);
            Assert.Contains("Questions: 5 · Answered: 2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("privacy settings", text, StringComparison.Ordinal);
            var rows = await File.ReadAllLinesAsync(csv);
            Assert.Equal(string.Join(',', QuestionTable.Header), rows[0].TrimStart('\uFEFF'));
            Assert.Equal(6, rows.Length);
            Assert.Equal($"2026-09-01T09:00:00Z,slack,#aaaaaaaaaaaa,\"'=HYPERLINK(\"\"x\"\"), can I share \"\"this\"\"?\",answered,{Section(1).DocumentId},{Section(1).Id},{Section(1).Breadcrumb},0.9,12,not helpful",
                rows.Single(r => r.Contains("HYPERLINK", StringComparison.Ordinal)));
            Assert.StartsWith("2026-09-03T08:00:00Z,teams,#cccccccccccc,what is the wifi password,declined,,,,0.2,8,", rows[1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(csv))!, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Feedback_report_counts_votes_per_section_and_lists_what_did_not_help()
    {
        await SeedAsync();
        var csv = TempCsv();
        try
        {
            var (exit, text, _) = await RunAsync("feedback", "--csv", csv);

            Assert.Equal(0, exit);
            Assert.Contains("Votes: 2 · Helpful: 1 · Not helpful: 1", text, StringComparison.Ordinal);
            Assert.Contains($"     2  {Section(1).Breadcrumb}  (helpful 1, not helpful 1)", text, StringComparison.Ordinal);
            var notHelpful = text[text.IndexOf("Not helpful, latest first", StringComparison.Ordinal)..];
            Assert.Contains("=HYPERLINK", notHelpful, StringComparison.Ordinal);
            Assert.DoesNotContain("what can I share", notHelpful, StringComparison.Ordinal);
            var rows = await File.ReadAllLinesAsync(csv);
            Assert.Equal(3, rows.Length);
            Assert.EndsWith(",not helpful", rows[1], StringComparison.Ordinal);
            Assert.EndsWith(",helpful", rows[2], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(csv))!, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Every_person_s_vote_on_an_answer_in_a_channel_counts_in_both_reports()
    {
        // One answer in a channel, and three people voting on it: the question log keeps one value per question (the
        // latest vote), and counted only that one.
        await SeedAsync();
        IQuestionLog log = new SqlQuestionLog(Database);
        await VoteAsync(log, "a2", Day1.AddHours(4), "=HYPERLINK(\"x\"), can I share \"this\"?", Section(1), "U2", helpful: false);
        await VoteAsync(log, "a2", Day1.AddHours(5), "=HYPERLINK(\"x\"), can I share \"this\"?", Section(1), "U3", helpful: true);
        var csv = TempCsv();
        try
        {
            var (_, feedback, _) = await RunAsync("feedback", "--csv", csv);
            var (_, questions, _) = await RunAsync("questions");

            Assert.Contains("Votes: 4 · Helpful: 2 · Not helpful: 2", feedback, StringComparison.Ordinal);
            Assert.Contains($"     4  {Section(1).Breadcrumb}  (helpful 2, not helpful 2)", feedback, StringComparison.Ordinal);
            Assert.Contains("Helpful: 2 · Not helpful: 2", questions, StringComparison.Ordinal);
            Assert.Contains($"     2  {Section(1).Breadcrumb}  (helpful 2, not helpful 2)", questions, StringComparison.Ordinal);
            var rows = await File.ReadAllLinesAsync(csv);
            Assert.Equal(string.Join(',', QuestionTable.VoteHeader), rows[0].TrimStart('\uFEFF'));
            Assert.Equal(5, rows.Length);
            Assert.Equal(3, rows.Select(r => r.Split(',')[2]).Skip(1).Distinct().Count()); // three people, as pseudonyms
            Assert.DoesNotContain(rows, r => r.Contains("U2", StringComparison.Ordinal) || r.Contains("pat@example.org", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(csv))!, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Empty_log_says_so()
    {
        // (A store that is there but empty: where there is none, the report is an error.)
        await Database.EnsureMigratedAsync(CancellationToken.None);
        var (questions, text, _) = await RunAsync("questions");
        var (feedback, votes, _) = await RunAsync("feedback");

        Assert.Equal((0, 0), (questions, feedback));
        Assert.Contains("No questions logged in this period.", text, StringComparison.Ordinal);
        Assert.Contains("No feedback yet.", votes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("01/09/2026")]
    public void A_since_that_is_not_a_date_is_a_parse_error(string since)
    {
        var parse = ReportCommand.Create(TextWriter.Null, TextWriter.Null, () => throw new InvalidOperationException("not reached"))
            .Parse(["questions", "--since", since]);

        Assert.Contains(parse.Errors, e => e.Message.Contains("yyyy-MM-dd", StringComparison.Ordinal));
    }
}

public sealed class SqliteQuestionReportCommandTests : QuestionReportCommandTests<SqliteTestStore>;

public sealed class PostgresQuestionReportCommandTests : QuestionReportCommandTests<PostgresTestStore>;
