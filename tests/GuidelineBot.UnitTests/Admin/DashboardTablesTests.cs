using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Web.Admin;

namespace GuidelineBot.UnitTests.Admin;

public sealed class DashboardTablesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static GuidelineDocument Document(string id, string hash) =>
        new(id, id.ToUpperInvariant(), id + ".txt", hash, DocumentMetadata.None,
            [new GuidelineSection(id + "#s", id, id.ToUpperInvariant(), "S", [new Passage("text", 2, 2)], id + ".txt", 2, 2, null)]);

    private static OnboardingState State(string user, bool completed, TimeSpan idle) =>
        new(new OnboardingKey("slack", user), user + " name", completed ? OnboardingStep.Completed : OnboardingStep.Reading, 0, "policy", "h1", null, 0, 0, [],
            Now - idle, Now - idle, null, completed ? Now - idle : null, 0);

    private static OnboardingAcknowledgement Ack(string user, string document, string hash, int daysAgo) =>
        new("slack", user, user + " name", document, document.ToUpperInvariant(), hash, Now.AddDays(-daysAgo));

    [Fact]
    public void Onboarding_per_version_lists_current_older_and_removed_versions_with_people_and_share()
    {
        var knowledge = new KnowledgeBase([Document("policy", "new-hash-0123456789"), Document("email", "email-hash")], []);
        var catalog = OnboardingCatalog.Create(knowledge, new OnboardingOptions(), [], []);
        var report = OnboardingReport.Build(
            [State("a", true, TimeSpan.FromDays(1)), State("b", true, TimeSpan.FromDays(40)), State("c", false, TimeSpan.FromHours(1)), State("d", false, TimeSpan.FromDays(9))],
            [Ack("a", "policy", "new-hash-0123456789", 1), Ack("b", "policy", "old-hash", 40), Ack("b", "gone", "gone-hash", 40)],
            knowledge, catalog, Now, TimeSpan.FromDays(3));

        var table = DashboardTables.OnboardingByVersion(report, knowledge, catalog);

        Assert.Equal(
        [
            ["EMAIL", "email-hash", "current", "0", "0%", "", "email-hash"],
            ["POLICY", "new-hash-012", "current", "1", "25%", "2026-11-29 12:00", "new-hash-0123456789"],
            ["GONE", "gone-hash", "document removed", "1", "25%", "2026-10-21 12:00", "gone-hash"],
            ["POLICY", "old-hash", "older version", "1", "25%", "2026-10-21 12:00", "old-hash"],
        ], table.Rows);
    }

    [Fact]
    public void Overdue_lists_only_people_stuck_longer_than_the_limit_longest_idle_first()
    {
        var knowledge = new KnowledgeBase([Document("policy", "h")], []);
        var catalog = OnboardingCatalog.Create(knowledge, new OnboardingOptions(), [], []);
        var report = OnboardingReport.Build(
            [State("fresh", false, TimeSpan.FromDays(1)), State("late", false, TimeSpan.FromDays(4)), State("later", false, TimeSpan.FromDays(12)), State("done", true, TimeSpan.FromDays(30))],
            [], knowledge, catalog, Now, TimeSpan.FromDays(3));

        var table = DashboardTables.OverduePeople(report);

        Assert.Equal(["later name", "late name"], table.Rows.Select(r => r[0]));
        Assert.Equal(["12", "4"], table.Rows.Select(r => r[5]));
        Assert.Equal("Overdue: no onboarding step for 3 days or more", table.Caption);
    }

    [Fact]
    public void A_warning_about_a_whole_file_shows_no_line()
    {
        var status = new KnowledgeStatus("v", Now, [],
            [new KnowledgeError("knowledge/a.md", 4, "the file is not UTF-8 text"), new KnowledgeError("knowledge/b.md", 0, "the file is empty")]);

        var table = DashboardTables.KnowledgeWarnings(status);

        Assert.Equal([["knowledge/a.md", "4", "the file is not UTF-8 text"], ["knowledge/b.md", "", "the file is empty"]], table.Rows);
    }

    [Fact]
    public void Csv_of_a_table_is_its_columns_and_rows_with_formulas_defused()
    {
        var table = new DashboardTable("t", "T", ["a", "b"], [["=1+1", "x, y"]], "none");

        var text = System.Text.Encoding.UTF8.GetString(DashboardTables.ToCsv(table)).TrimStart('\uFEFF');

        Assert.Equal("a,b\r\n\"'=1+1\",\"x, y\"\r\n", text);
    }
}
