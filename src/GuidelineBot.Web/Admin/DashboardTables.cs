using System.Globalization;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Reports;

namespace GuidelineBot.Web.Admin;

/// <summary>The dashboard's tables from its reports (pure): what the page shows is what each CSV export holds.</summary>
public static class DashboardTables
{
    public const string Daily = "daily";
    public const string Sections = "sections";
    public const string Latest = "latest";
    public const string Unanswered = "unanswered";
    public const string OnboardingVersions = "onboarding-versions";
    public const string Overdue = "overdue";
    public const string Documents = "documents";
    public const string Warnings = "warnings";
    public const string Tickets = "open-tickets";
    public const string Suggestions = "expert-answers";

    /// <summary>Every question in the range with all its fields (the latest-questions table shows the first few).</summary>
    public const string Questions = "questions";

    /// <summary>The name of every table <see cref="AdminDashboard.LoadAsync"/> builds, each exported as CSV under its name.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Daily, Sections, Latest, Unanswered, Questions, OnboardingVersions, Overdue, Documents, Warnings, Tickets, Suggestions];

    public static DashboardTable DailyCounts(QuestionReport report) => new(Daily, "Questions per day (UTC)",
        ["date", "questions", "answered", "declined", "other", "helpful", "not helpful"],
        [.. report.Days.Select(d => Row(Date(d.Date), Count(d.Total), Count(d.Answered), Count(d.Declined), Count(d.Other), Count(d.Helpful), Count(d.NotHelpful)))],
        "No days in this range.");

    public static DashboardTable TopSections(QuestionReport report) => new(Sections, "Top sections: the sections that answered most",
        ["section", "answers", "helpful", "not helpful", "document id", "section id"],
        [.. report.TopSections.Select(s => Row(s.Title, Count(s.Answers), Count(s.Helpful), Count(s.NotHelpful), s.DocumentId ?? "", s.SectionId))],
        "No answered questions in this range.");

    public static DashboardTable LatestQuestions(QuestionReport report, QuestionTable names) => new(Latest, "Latest questions (masked)",
        ["asked (UTC)", "channel", "question", "outcome", "section", "confidence", "feedback"],
        [.. report.Latest.Select(q => Row(Time(q.At), q.Channel, q.Text, QuestionTable.OutcomeName(q.Outcome), names.SectionTitle(q.SectionId),
            q.Confidence.ToString("0.00", CultureInfo.InvariantCulture), QuestionTable.HelpfulName(q.Helpful)))],
        "No questions in this range.");

    public static DashboardTable TopUnanswered(QuestionReport report) => new(Unanswered, "Top unanswered questions, similar wordings grouped",
        ["question", "times asked", "people", "last asked (UTC)", "other wordings"],
        [.. report.Unanswered.Select(g => Row(g.Question, Count(g.Count), Count(g.People), Time(g.LastAsked), string.Join(" | ", g.Variants.Skip(1))))],
        report.Total == 0 ? "No questions in this range yet." : "No question in this range was declined.");

    /// <summary>All questions of the range, every field (export only).</summary>
    public static DashboardTable AllQuestions(IReadOnlyList<QuestionRecord> questions, QuestionTable names) => new(Questions, "All questions in the range",
        QuestionTable.Header, [.. questions.Select(names.Row)], "No questions in this range.");

    /// <summary>
    /// Per document version: how many people acknowledged it, and whether it is the live version. Every live document of
    /// the onboarding appears, also before anyone acknowledged it.
    /// </summary>
    public static DashboardTable OnboardingByVersion(OnboardingReport report, KnowledgeBase knowledge, OnboardingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(catalog);
        var acknowledged = report.People
            .SelectMany(p => p.Acknowledgements.Select(a => (Person: p.Key, a.Acknowledgement, a.Version)))
            .GroupBy(a => (a.Acknowledgement.DocumentId, a.Acknowledgement.ContentHash))
            .ToDictionary(g => g.Key, g => g.ToList());
        List<(string DocumentId, string ContentHash)> versions =
            [.. catalog.Documents.Select(d => (d.Document.Id, d.Document.ContentHash)).Concat(acknowledged.Keys).Distinct()];
        var started = report.Started;
        var rows = versions.Select(v =>
        {
            var acks = acknowledged.GetValueOrDefault(v) ?? [];
            var live = knowledge.Documents.FirstOrDefault(d => d.Id == v.DocumentId);
            var title = live?.Title ?? acks.Select(a => a.Acknowledgement.DocumentTitle).FirstOrDefault() ?? v.DocumentId;
            var status = live is null ? "document removed" : live.ContentHash == v.ContentHash ? "current" : "older version";
            var people = acks.Select(a => a.Person).Distinct().Count();
            return (Current: status == "current", Row: Row(title, Short(v.ContentHash), status, Count(people),
                started == 0 ? "" : (people / (double)started).ToString("0%", CultureInfo.InvariantCulture),
                acks.Count == 0 ? "" : Time(acks.Max(a => a.Acknowledgement.AcknowledgedAt)), v.ContentHash));
        });
        return new DashboardTable(OnboardingVersions, "Onboarding completion per document version",
            ["document", "version", "status", "people acknowledged", "of those who started", "last acknowledged (UTC)", "content hash"],
            [.. rows.OrderByDescending(r => r.Current).ThenBy(r => r.Row[0], StringComparer.Ordinal).Select(r => r.Row)],
            "No onboarding documents.");
    }

    /// <summary>People part-way through onboarding with no step for longer than the report's "stuck after".</summary>
    public static DashboardTable OverduePeople(OnboardingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DashboardTable(Overdue, $"Overdue: no onboarding step for {report.StuckAfter.TotalDays:0.#} days or more",
            ["person", "channel", "user id", "where", "last step (UTC)", "days idle"],
            [.. report.People
                .Where(p => p.Status == OnboardingReportStatus.Stuck && p.State is not null)
                .OrderBy(p => p.State!.UpdatedAt)
                .Select(p => Row(p.DisplayName, p.Key.Channel, p.Key.UserId, p.Where, Time(p.State!.UpdatedAt),
                    Count((int)(report.GeneratedAt - p.State.UpdatedAt).TotalDays)))],
            "Nobody is overdue.");
    }

    public static DashboardTable KnowledgeDocuments(KnowledgeStatus status) => new(Documents, "Live documents",
        ["document", "id", "file", "sections", "content hash"],
        [.. status.Documents.Select(d => Row(d.Title, d.Id, d.File, Count(d.Sections), d.ContentHash))],
        "No documents are loaded.");

    public static DashboardTable KnowledgeWarnings(KnowledgeStatus status) => new(Warnings, "Knowledge warnings (a file that cannot be loaded keeps its last good version live)",
        ["file", "line", "problem"],
        // (A problem of the whole file has no line: "0" pointed at a line that is not there.)
        [.. status.Warnings.Select(w => Row(w.File, w.Line > 0 ? Count(w.Line) : "", w.Message))],
        "No warnings: every file loaded.");

    /// <summary>Every unanswered ticket (whatever the range), oldest first, with how long it has waited at <paramref name="now"/>.</summary>
    public static DashboardTable OpenTickets(IReadOnlyList<Ticket> open, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new DashboardTable(Tickets, "Open tickets: questions no expert has answered yet, oldest first",
            ["question", "waiting", "asked (UTC)", "asked by", "asker channel", "assigned to", "context", "ticket"],
            [.. open.OrderBy(t => t.AskedAt).Select(t => Row(t.Question, Duration(TicketStats.Age(t, now)), Time(t.AskedAt), AskerName(t.Asker),
                t.Asker.Channel, t.AssignedTo?.DisplayName ?? "", t.Context ?? "", "#" + t.ShortId))],
            "No open tickets: no question sent to the experts is waiting for an answer.");
    }

    /// <summary>Every expert answer ticked "Add to knowledge", newest first, with the admin's decision (export of the review list).</summary>
    public static DashboardTable ExpertAnswers(IReadOnlyList<KnowledgeSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return new DashboardTable(Suggestions, "Expert answers suggested for the knowledge",
            ["question", "answer", "status", "expert", "expert channel", "suggested (UTC)", "decided by", "decided (UTC)"],
            [.. suggestions.OrderByDescending(s => s.SuggestedAt).Select(s => Row(s.Question, s.Answer, StatusName(s.Status), s.Expert.DisplayName,
                s.Expert.Channel, Time(s.SuggestedAt), s.DecidedBy ?? "", s.DecidedAt is { } at ? Time(at) : ""))],
            "No expert answer was suggested for the knowledge.");
    }

    /// <summary>A wait as people say it: "45 min", "5 h 10 min", "2 d 3 h" (rounded down).</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.Hours} h {span.Minutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, span.Minutes)} min"),
    };

    /// <summary>The asker's name, or their id on their channel when it gave no name.</summary>
    private static string AskerName(ExpertAsker asker) => string.IsNullOrWhiteSpace(asker.DisplayName) ? asker.UserId : asker.DisplayName;

    private static string StatusName(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Pending => "waiting for review",
        SuggestionStatus.Approved => "approved",
        SuggestionStatus.Withdrawn => "withdrawn",
        _ => "rejected",
    };

    private static string[] Row(params string[] cells) => cells;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    /// <summary>The table's CSV: its columns and rows as shown (<see cref="Csv"/>: quoted, formula cells escaped).</summary>
    public static byte[] ToCsv(DashboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Csv.WriteBytes(table.Columns, table.Rows);
    }
}
