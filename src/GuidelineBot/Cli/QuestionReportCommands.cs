using System.CommandLine;
using System.CommandLine.Parsing;
using System.Data.Common;
using System.Globalization;
using System.Text;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Reports;
using GuidelineBot.Storage;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>report questions [--csv FILE] [--since DATE]</c> (what staff asked: outcomes, top sections, top unanswered grouped,
/// latest) and <c>report feedback [--csv FILE] [--since DATE]</c> (the 👍/👎 on answers, per section), from the question log.
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
            (log, knowledge, table, from, now) => (RenderQuestions(QuestionReport.Build(log, knowledge, from, now), log, table, from, now), log), ct));
        return command;
    }

    public static Command Feedback(TextWriter output, TextWriter errors, Func<IServiceProvider> services)
    {
        var (csv, since) = (ReportCommand.CsvOption("one row per answer that got a vote"), SinceOption());
        var command = new Command("feedback", "Feedback (helpful / not helpful) on answers, per section.") { csv, since };
        command.SetAction((parse, ct) => RunAsync(output, errors, services, parse.GetValue(csv), parse.GetValue(since),
            (log, knowledge, table, from, now) =>
            {
                var voted = log.Where(q => q.Helpful is not null).ToList();
                return (RenderFeedback(QuestionReport.Build(voted, knowledge, from, now, top: int.MaxValue), voted, table, now), voted);
            }, ct));
        return command;
    }

    /// <summary>The report's text, and the questions its CSV lists.</summary>
    private delegate (string Text, IReadOnlyList<QuestionRecord> CsvRows) Render(
        IReadOnlyList<QuestionRecord> log, KnowledgeBase knowledge, QuestionTable table, DateTimeOffset from, DateTimeOffset now);

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
        try
        {
            log = await provider.GetRequiredService<IQuestionLog>().ListAsync(since, ct);
        }
        catch (DbException ex)
        {
            await errors.WriteLineAsync($"error: cannot read the store ({database.Describe()}): {ex.Message}");
            return 1;
        }

        var table = new QuestionTable(knowledge);
        var from = since ?? (log.Count == 0 ? now : log.Min(q => q.At));
        var (text, rows) = render(log, knowledge, table, from, now);
        await output.WriteAsync(text);
        if (csvFile is not null)
        {
            await ReportCommand.WriteCsvAsync(output, csvFile, Csv.Write(QuestionTable.Header, rows.Select(table.Row)), ct);
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

    internal static string RenderFeedback(QuestionReport report, IReadOnlyList<QuestionRecord> voted, QuestionTable table, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Feedback report, {ReportCommand.Time(now)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Votes: {voted.Count} · Helpful: {report.Helpful} · Not helpful: {report.NotHelpful}");
        if (voted.Count == 0)
        {
            sb.AppendLine().AppendLine("No feedback yet.");
            return sb.ToString();
        }

        sb.AppendLine().AppendLine("By section");
        AppendSections(sb, report.TopSections);
        sb.AppendLine().AppendLine("Not helpful, latest first");
        var notHelpful = voted.Where(q => q.Helpful == false).Take(Latest).ToList();
        if (notHelpful.Count == 0)
        {
            sb.AppendLine("  none");
        }

        foreach (var q in notHelpful)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {ReportCommand.Time(q.At)}  {q.Channel}  {q.Text}  → {table.SectionTitle(q.SectionId)}");
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
