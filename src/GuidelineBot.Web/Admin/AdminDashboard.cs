using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.Web.Admin;

/// <summary>Everything the dashboard shows for one date range.</summary>
/// <param name="Knowledge">What is live now, with the warnings of files that could not be loaded.</param>
/// <param name="Experts">Expert answers to review, open tickets and how fast experts answer.</param>
public sealed record DashboardModel(
    int Days,
    QuestionReport Questions,
    OnboardingReport Onboarding,
    KnowledgeStatus Knowledge,
    ExpertsOverview Experts,
    IReadOnlyDictionary<string, DashboardTable> Tables);

/// <summary>
/// Reads the question log, the onboarding store, the experts' tickets and suggestions and the knowledge status for the
/// last <c>days</c> days (UTC, on the
/// <see cref="TimeProvider"/>'s clock) and builds the <see cref="DashboardModel"/>. The knowledge and its status are
/// resolved on every load, not captured once: a reload swaps them while the server runs.
/// </summary>
public sealed class AdminDashboard(IServiceProvider services, TimeProvider time)
{
    /// <summary>The ranges the page offers; any whole number of days from 1 to <see cref="MaxDays"/> is accepted.</summary>
    public static IReadOnlyList<int> Ranges { get; } = [7, 30, 90];

    public const int DefaultDays = 30;

    public const int MaxDays = 366;

    /// <summary>Someone part-way through onboarding with no step for this long is overdue (as <c>report onboarding</c>'s default).</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(3);

    public async Task<DashboardModel> LoadAsync(int days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - days);
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var catalog = services.GetRequiredService<OnboardingCatalog>();
        var store = services.GetRequiredService<IOnboardingStore>();
        var log = await services.GetRequiredService<IQuestionLog>().ListAsync(from, cancellationToken);
        var votes = await services.GetRequiredService<IFeedbackStore>().ListAsync(from, cancellationToken);

        var questions = QuestionReport.Build(log, votes, knowledge, from, now);
        var onboarding = OnboardingReport.Build(await store.ListStatesAsync(cancellationToken), await store.ListAcknowledgementsAsync(cancellationToken),
            knowledge, catalog, now, OverdueAfter);
        var status = services.GetRequiredService<IKnowledgeStatus>().Current;
        var names = new QuestionTable(knowledge);
        var experts = await LoadExpertsAsync(from, cancellationToken);

        List<DashboardTable> tables =
        [
            DashboardTables.DailyCounts(questions),
            DashboardTables.TopSections(questions),
            DashboardTables.LatestQuestions(questions, names),
            DashboardTables.TopUnanswered(questions),
            DashboardTables.AllQuestions(log, names),
            DashboardTables.OnboardingByVersion(onboarding, knowledge, catalog),
            DashboardTables.OverduePeople(onboarding),
            DashboardTables.KnowledgeDocuments(status),
            DashboardTables.KnowledgeWarnings(status),
            DashboardTables.OpenTickets(experts.Open, now),
            DashboardTables.ExpertAnswers(experts.Suggestions),
        ];

        return new DashboardModel(days, questions, onboarding, status, experts, tables.ToDictionary(t => t.Name, StringComparer.Ordinal));
    }

    private async Task<ExpertsOverview> LoadExpertsAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        var tickets = services.GetRequiredService<ITicketStore>();
        var suggestions = await services.GetRequiredService<ISuggestionStore>().ListAsync(null, cancellationToken);
        var asked = await tickets.ListAsync(from, cancellationToken);
        return new ExpertsOverview(
            suggestions,
            await tickets.ListUnansweredAsync(cancellationToken),
            asked.Count,
            asked.Count(t => t.Answers.Count > 0),
            TicketStats.MedianTimeToFirstAnswer(asked));
    }
}
