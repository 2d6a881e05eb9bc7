using System.CommandLine;
using System.CommandLine.Parsing;
using System.Data.Common;
using System.Globalization;
using System.Text;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Reports;
using GuidelineBot.Core.Storage;
using GuidelineBot.Storage;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>report questions [--csv FILE] [--since DATE]</c> (what staff asked: outcomes, top sections, top unanswered grouped,
/// latest), from the question log, and <c>report feedback [--csv FILE] [--since DATE]</c> (every person's 👍/👎 on
/// answers, per section), from the votes.
/// </summary>
internal static class QuestionReportCommands
{
    /// <summary>How many latest questions and not-helpful answers the text report lists.</summary>
    private const int Latest = 10;

    public static Command Questions(TextWriter output, TextWriter errors, Func<IServiceProvider> services)
    {
        var (csv, since) = (ReportCommand.CsvOption("one row per question"), SinceOption());
        var command = new Command("questions", "Questions asked on every channel: outcomes, top sections, top unanswered.") { csv, since };
        command.SetAction((parse, ct) => RunAsync(output, errors, services, parse.GetValue(csv), parse.GetValue(since),
            (log, votes, knowledge, table, from, now) => (RenderQuestions(QuestionReport.Build(log, votes, knowledge, from, now), log, table, from, now),
                QuestionTable.Header, [.. log.Select(table.Row)]), ct));
        return command;
    }

    public static Command Feedback(TextWriter output, TextWriter errors, Func<IServiceProvider> services)
    {
        var (csv, since) = (ReportCommand.CsvOption("one row per vote"), SinceOption());
        var command = new Command("feedback", "Feedback (helpful / not helpful) on answers, per section: every person's vote.") { csv, since };
        command.SetAction((parse, ct) => RunAsync(output, errors, services, parse.GetValue(csv), parse.GetValue(since),
            (_, votes, _, table, from, now) =>
            {
                var report = FeedbackReport.Build(votes, table, from, now);
                return (RenderFeedback(report, table, now), QuestionTable.VoteHeader, [.. report.Votes.Select(table.VoteRow)]);
            }, ct));
        return command;
    }

    /// <summary>The report's text, and its CSV's header and rows.</summary>
    private delegate (string Text, IReadOnlyList<string> CsvHeader, IReadOnlyList<IReadOnlyList<string>> CsvRows) Render(
        IReadOnlyList<QuestionRecord> log, IReadOnlyList<FeedbackRecord> votes, KnowledgeBase knowledge, QuestionTable table, DateTimeOffset from,
        DateTimeOffset now);

    private static async Task<int> RunAsync(TextWriter output, TextWriter errors, Func<IServiceProvider> services, FileInfo? csvFile,
        DateTimeOffset? since, Render render, CancellationToken ct)
    {
        var provider = services();
        var database = provider.GetRequiredService<StoreDatabase>();
        if (CliContext.MissingStore(database) is { } missing)
        {
            await errors.WriteLineAsync(missing);
            return 1;
        }

        var knowledge = provider.GetRequiredService<KnowledgeBase>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        IReadOnlyList<QuestionRecord> log;
        IReadOnlyList<FeedbackRecord> votes;
        try
        {
            log = await provider.GetRequiredService<IQuestionLog>().ListAsync(since, ct);
            votes = await provider.GetRequiredService<IFeedbackStore>().ListAsync(since ?? DateTimeOffset.MinValue, ct);
        }
        catch (DbException ex)
        {
            await errors.WriteLineAsync($"error: cannot read the store ({database.Describe()}): {ex.Message}");
            return 1;
        }

        var table = new QuestionTable(knowledge);
        var from = since ?? log.Select(q => q.At).Concat(votes.Select(v => v.At)).DefaultIfEmpty(now).Min();
        var (text, header, rows) = render(log, votes, knowledge, table, from, now);
        await output.WriteAsync(text);
        if (csvFile is not null)
        {
            await ReportCommand.WriteCsvAsync(output, csvFile, Csv.Write(header, rows), ct);
        }

        return 0;
    }


    private static Option<DateTimeOffset?> SinceOption() => new("--since")
    {
        Description = "Only questions asked on or after DATE (yyyy-MM-dd, UTC midnight, or an ISO 8601 time).",
        CustomParser = ParseSince,
    };

    internal static DateTimeOffset? ParseSince(ArgumentResult result)
    {
        var value = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && value.Contains('T', StringComparison.Ordinal))
        {
            return at;
        }

        result.AddError($"--since '{value}' is not a date: use yyyy-MM-dd (e.g. 2026-11-01) or an ISO 8601 time (2026-11-01T08:00:00Z)");
        return null;
    }

    internal static string RenderQuestions(QuestionReport report, IReadOnlyList<QuestionRecord> log, QuestionTable table, DateTimeOffset from, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Questions report, {ReportCommand.Time(now)} (since {ReportCommand.Time(from)})");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Questions: {report.Total} · Answered: {report.Answered} · Declined: {report.Declined} · Other: {report.Other} · Helpful: {report.Helpful} · Not helpful: {report.NotHelpful}");
        if (log.Count == 0)
        {
            sb.AppendLine().AppendLine("No questions logged in this period.");
            return sb.ToString();
        }

        sb.AppendLine().AppendLine("Top sections");
        AppendSections(sb, report.TopSections);
        sb.AppendLine().AppendLine("Top unanswered");
        if (report.Unanswered.Count == 0)
        {
            sb.AppendLine("  none");
        }

        foreach (var g in report.Unanswered)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Count,4}× ({g.People} {(g.People == 1 ? "person" : "people")})  {g.Question}");
            foreach (var variant in g.Variants.Skip(1))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"          also: {variant}");
            }
        }

        sb.AppendLine().AppendLine("Latest questions");
        foreach (var q in log.Take(Latest))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {ReportCommand.Time(q.At)}  {q.Channel}  {QuestionTable.OutcomeName(q.Outcome)}  {q.Text}{(q.SectionId is null ? "" : "  → " + table.SectionTitle(q.SectionId))}");
        }

        return sb.ToString();
    }

    internal static string RenderFeedback(FeedbackReport report, QuestionTable table, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Feedback report, {ReportCommand.Time(now)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Votes: {report.Votes.Count} · Helpful: {report.Helpful} · Not helpful: {report.NotHelpful}");
        if (report.Votes.Count == 0)
        {
            sb.AppendLine().AppendLine("No feedback yet.");
            return sb.ToString();
        }

        sb.AppendLine().AppendLine("By section (votes)");
        if (report.Sections.Count == 0)
        {
            sb.AppendLine("  none");
        }

        foreach (var s in report.Sections)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Votes,4}  {s.Title}  (helpful {s.Helpful}, not helpful {s.NotHelpful})");
        }

        sb.AppendLine().AppendLine("Not helpful, latest first");
        var notHelpful = report.Votes.Where(v => !v.Helpful).Take(Latest).ToList();
        if (notHelpful.Count == 0)
        {
            sb.AppendLine("  none");
        }

        foreach (var v in notHelpful)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {ReportCommand.Time(v.At)}  {v.Channel}  {QuestionMask.Mask(v.Question)}  → {table.SectionTitle(v.SectionId)}");
        }

        return sb.ToString();
    }

    private static void AppendSections(StringBuilder sb, IReadOnlyList<SectionCount> sections)
    {
        if (sections.Count == 0)
        {
            sb.AppendLine("  none");
        }

        foreach (var s in sections)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Answers,4}  {s.Title}  (helpful {s.Helpful}, not helpful {s.NotHelpful})");
        }
    }
}
