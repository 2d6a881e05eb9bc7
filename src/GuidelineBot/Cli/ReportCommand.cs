using System.CommandLine;
using System.CommandLine.Parsing;
using System.Data.Common;
using System.Globalization;
using System.Text;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Reports;
using GuidelineBot.Hosting;
using GuidelineBot.Storage;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>report</c>: <c>questions</c> and <c>feedback</c> (<see cref="QuestionReportCommands"/>), and
/// <c>report onboarding [--csv FILE] [--stuck-days N]</c>: who started, finished, acknowledged which version (an
/// acknowledgement of a since-changed document is marked "older version"), and who is stuck mid-way (step + since when).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli) =>
        Create(cli.Output, cli.Errors, () => cli.BuildEngine(builder =>
        {
            builder.Services.AddGuidelineStore(builder.Configuration);
            builder.Services.AddOnboarding(builder.Configuration);
            // The folder and questions as they are, without the live knowledge's index.
            builder.Services.AddSingleton(cli.LoadKnowledge);
            builder.Services.AddSingleton(sp => cli.Warned(OnboardingCatalog.Load(sp.GetRequiredService<KnowledgeBase>(),
                sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value, sp.GetRequiredService<IOptions<OnboardingOptions>>().Value)));
        }));

    /// <param name="services">Builds the engine + store (tests pass their own).</param>
    internal static Command Create(TextWriter output, TextWriter errors, Func<IServiceProvider> services)
    {
        var csv = CsvOption("one row per person and acknowledgement");
        var stuckDays = new Option<int>("--stuck-days")
        {
            Description = "Count someone as stuck after this many days without a step (default 3).",
            DefaultValueFactory = _ => 3,
            CustomParser = ParseStuckDays,
        };

        var onboarding = new Command("onboarding", "Onboarding progress and acknowledgements.") { csv, stuckDays };
        onboarding.SetAction(async (parse, ct) =>
        {
            var provider = services();
            var database = provider.GetRequiredService<StoreDatabase>();
            if (CliContext.MissingStore(database) is { } missing)
            {
                await errors.WriteLineAsync(missing);
                return 1;
            }

            OnboardingReport report;
            try
            {
                var store = provider.GetRequiredService<IOnboardingStore>();
                report = OnboardingReport.Build(
                    await store.ListStatesAsync(ct),
                    await store.ListAcknowledgementsAsync(ct),
                    provider.GetRequiredService<KnowledgeBase>(),
                    provider.GetRequiredService<OnboardingCatalog>(),
                    provider.GetRequiredService<TimeProvider>().GetUtcNow(),
                    TimeSpan.FromDays(parse.GetValue(stuckDays)));
            }
            catch (DbException ex)
            {
                await errors.WriteLineAsync($"error: cannot read the store ({database.Describe()}): {ex.Message}");
                return 1;
            }

            await output.WriteAsync(RenderText(report));
            if (parse.GetValue(csv) is { } file)
            {
                await WriteCsvAsync(output, file, RenderCsv(report), ct);
            }

            return 0;
        });

        return new Command("report", "Reports from the store.")
        {
            onboarding,
            QuestionReportCommands.Questions(output, errors, services),
            QuestionReportCommands.Feedback(output, errors, services),
        };
    }

    /// <summary>A whole number of days, 0 or more; anything else is a parse error (not an exception).</summary>
    private static int ParseStuckDays(ArgumentResult result)
    {
        var value = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= MaxStuckDays)
        {
            return days;
        }

        result.AddError($"--stuck-days must be a whole number of days, 0 to {MaxStuckDays:N0}, not '{value}'");
        return 0;
    }

    /// <summary>The most days <c>--stuck-days</c> takes: ten years (a TimeSpan ends at about 10.7 million days).</summary>
    private const int MaxStuckDays = 3_653;

    /// <summary><c>--csv FILE</c> of a report (<see cref="OutputFileOption"/>).</summary>
    internal static Option<FileInfo?> CsvOption(string rows) =>
        new Option<FileInfo?>("--csv") { Description = $"Also write the report as CSV to FILE ({rows}); a missing folder is created." }
            .WithChecks("report.csv", "the report itself goes to standard output");

    /// <summary>Writes a report's CSV (UTF-8 with BOM, the folder created when missing) and says where.</summary>
    internal static async Task WriteCsvAsync(TextWriter output, FileInfo file, string csv, CancellationToken ct)
    {
        OutputFileOption.CreateFolderOf(file.FullName);
        await File.WriteAllTextAsync(file.FullName, csv, Csv.Encoding, ct);
        await output.WriteLineAsync($"CSV written to {file.FullName}");
    }

    internal static string RenderText(OnboardingReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Onboarding report, {Time(report.GeneratedAt)}");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Started: {report.Started} · Completed: {report.Completed} · Stuck (no step for {report.StuckAfter.TotalDays:0.#} days): {report.Stuck}");
        if (report.People.Count == 0)
        {
            sb.AppendLine().AppendLine("Nobody has started onboarding yet.");
            return sb.ToString();
        }

        sb.AppendLine().AppendLine("People");
        foreach (var p in report.People)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {Who(p.DisplayName, p.Key)}  {Status(p.Status)}");
            if (p.State is { } s)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  started {Time(s.StartedAt)}");
                sb.Append(s.IsCompleted
                    ? $", finished {Time(s.CompletedAt ?? s.UpdatedAt)}"
                    : $", {p.Where}{(s.IsPaused ? " (paused)" : "")} since {Time(s.UpdatedAt)}");
            }

            sb.AppendLine();
        }

        var acknowledgements = report.People.SelectMany(p => p.Acknowledgements.Select(a => (Person: p, Ack: a))).ToList();
        sb.AppendLine().AppendLine("Acknowledgements");
        if (acknowledgements.Count == 0)
        {
            sb.AppendLine("  none yet");
        }

        foreach (var (person, ack) in acknowledgements.OrderBy(a => a.Ack.Acknowledgement.AcknowledgedAt))
        {
            var a = ack.Acknowledgement;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"  {Who(a.DisplayName, person.Key)}  {a.DocumentTitle}  {Time(a.AcknowledgedAt)}  version {Short(a.ContentHash)} ({Version(ack.Version)})");
        }

        return sb.ToString();
    }

    internal static readonly string[] CsvHeader =
    [
        "channel", "user_id", "display_name", "status", "step", "since", "started_at", "completed_at",
        "document_id", "document_title", "acknowledged_at", "content_hash", "version",
    ];

    internal static string RenderCsv(OnboardingReport report)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var p in report.People)
        {
            string[] person =
            [
                p.Key.Channel, p.Key.UserId, p.DisplayName, Status(p.Status), p.Where,
                p.State is { IsCompleted: false } s ? Csv.Time(s.UpdatedAt) : "",
                p.State is null ? "" : Csv.Time(p.State.StartedAt),
                p.State?.CompletedAt is { } done ? Csv.Time(done) : "",
            ];
            if (p.Acknowledgements.Count == 0)
            {
                rows.Add([.. person, "", "", "", "", ""]);
            }

            foreach (var ack in p.Acknowledgements)
            {
                var a = ack.Acknowledgement;
                rows.Add([.. person, a.DocumentId, a.DocumentTitle, Csv.Time(a.AcknowledgedAt), a.ContentHash, Version(ack.Version)]);
            }
        }

        return Csv.Write(CsvHeader, rows);
    }

    private static string Who(string name, OnboardingKey key) => string.IsNullOrWhiteSpace(name) ? $"({key})" : $"{name} ({key})";

    private static string Status(OnboardingReportStatus status) => status switch
    {
        OnboardingReportStatus.InProgress => "in progress",
        OnboardingReportStatus.Paused => "paused",
        OnboardingReportStatus.Stuck => "stuck",
        _ => "completed",
    };

    private static string Version(AcknowledgedVersion version) => version switch
    {
        AcknowledgedVersion.Current => "current",
        AcknowledgedVersion.Older => "older version",
        _ => "document removed",
    };

    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
