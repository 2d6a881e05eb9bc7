using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.UnitTests.Questions;

public sealed class QuestionReportTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 1, 23, 0, 0, TimeSpan.Zero);

    private static readonly KnowledgeBase Knowledge = new(
    [
        new GuidelineDocument("social", "Social Media", "social.txt", "h1", DocumentMetadata.None,
        [
            new GuidelineSection("social#friends", "social", "Social Media", "Can I friend parents?", [], "social.txt", 3, 5, null),
            new GuidelineSection("social#photos", "social", "Social Media", "Can I post photos?", [], "social.txt", 6, 9, null),
        ]),
    ], []);

    private static FeedbackRecord Vote(DateTimeOffset at, string? section, bool helpful, string user = "U1", string question = "q") =>
        new("slack", user, question, section, helpful, at);

    private static QuestionRecord Asked(DateTimeOffset at, QuestionOutcome outcome, string? section = null, bool? helpful = null, string text = "q") =>
        new(Guid.NewGuid().ToString("N"), at, "web", "#u", text, outcome, section is null ? null : "social", section, 0.9, 12, helpful);

    [Fact]
    public void Counts_each_utc_day_of_the_range_by_outcome_and_the_votes_cast_that_day_including_empty_days()
    {
        var report = QuestionReport.Build(
        [
            Asked(Day1, QuestionOutcome.Answered, "social#friends", helpful: true),
            Asked(Day1.AddMinutes(30), QuestionOutcome.Declined), // 23:30 on day 1
            Asked(Day1.AddHours(1.5), QuestionOutcome.Answered, "social#friends", helpful: false), // 00:30 on day 2
            Asked(Day1.AddDays(2), QuestionOutcome.Other),
            Asked(Day1.AddDays(2), QuestionOutcome.Picked, "social#photos"), // a section opened from a button: with the other
            Asked(Day1.AddDays(-5), QuestionOutcome.Answered, "social#photos"), // before the range
        ],
        [
            Vote(Day1, "social#friends", helpful: true),
            Vote(Day1.AddHours(1.5), "social#friends", helpful: false, user: "U1"), // one answer in a channel, three people
            Vote(Day1.AddHours(1.6), "social#friends", helpful: false, user: "U2"),
            Vote(Day1.AddHours(1.7), "social#friends", helpful: true, user: "U3"),
            Vote(Day1.AddDays(-5), "social#photos", helpful: true), // before the range
        ], Knowledge, Day1.AddHours(-1), Day1.AddDays(3));

        Assert.Equal(
        [
            new QuestionDay(new DateOnly(2026, 11, 1), 1, 1, 0, 1, 0),
            new QuestionDay(new DateOnly(2026, 11, 2), 1, 0, 0, 1, 2),
            new QuestionDay(new DateOnly(2026, 11, 3), 0, 0, 2, 0, 0),
            new QuestionDay(new DateOnly(2026, 11, 4), 0, 0, 0, 0, 0),
        ], report.Days);
        Assert.Equal((5, 2, 1, 2, 2, 2), (report.Total, report.Answered, report.Declined, report.Other, report.Helpful, report.NotHelpful));
    }

    [Fact]
    public void Top_sections_are_named_from_the_knowledge_and_carry_their_votes()
    {
        var report = QuestionReport.Build(
        [
            Asked(Day1, QuestionOutcome.Answered, "social#photos"),
            Asked(Day1, QuestionOutcome.Answered, "social#friends", helpful: true),
            Asked(Day1, QuestionOutcome.Answered, "social#friends", helpful: false),
            Asked(Day1, QuestionOutcome.Answered, "social#friends"),
            Asked(Day1, QuestionOutcome.Answered, "gone#section"),
            Asked(Day1, QuestionOutcome.Answered, "gone#section"),
            Asked(Day1, QuestionOutcome.Picked, "social#photos"), // opened from a button: no answer
            Asked(Day1, QuestionOutcome.Picked, "social#photos"),
        ],
        [
            Vote(Day1, "social#friends", helpful: true, user: "U1"),
            Vote(Day1, "social#friends", helpful: false, user: "U2"),
            Vote(Day1, "social#friends", helpful: false, user: "U3"),
        ], Knowledge, Day1, Day1);

        Assert.Equal(
        [
            new SectionCount("social", "social#friends", "Social Media › Can I friend parents?", 3, 1, 2),
            new SectionCount("social", "gone#section", "gone#section — no longer in the knowledge", 2, 0, 0),
            new SectionCount("social", "social#photos", "Social Media › Can I post photos?", 1, 0, 0),
        ], report.TopSections);
    }

    [Fact]
    public void Latest_is_newest_first_and_limited_and_unanswered_are_grouped()
    {
        var questions = Enumerable.Range(0, 15).Select(i => Asked(Day1.AddMinutes(i), QuestionOutcome.Answered, "social#photos", text: $"q{i}"))
            .Append(Asked(Day1.AddMinutes(20), QuestionOutcome.Declined, text: "lunch menu"))
            .Append(Asked(Day1.AddMinutes(21), QuestionOutcome.Declined, text: "what's the lunch menu?"))
            .ToList();

        var report = QuestionReport.Build(questions, [], Knowledge, Day1, Day1.AddHours(1), top: 5);

        Assert.Equal(["what's the lunch menu?", "lunch menu", "q14", "q13", "q12"], report.Latest.Select(q => q.Text));
        Assert.Equal(2, Assert.Single(report.Unanswered).Count);
    }

    [Fact]
    public void The_feedback_report_counts_every_person_s_vote_per_section_and_its_rows_mask_the_question_and_the_person()
    {
        var names = new QuestionTable(Knowledge);
        var report = FeedbackReport.Build(
        [
            Vote(Day1.AddMinutes(3), "social#friends", helpful: false, user: "U2", question: "mail me at ann@school.invalid"),
            Vote(Day1.AddMinutes(1), "social#friends", helpful: true, user: "U1"),
            Vote(Day1.AddMinutes(2), "social#photos", helpful: false, user: "U1"),
            Vote(Day1.AddMinutes(4), "gone#section", helpful: true, user: "U3"),
            Vote(Day1.AddDays(-1), "social#photos", helpful: true), // before the range
        ], names, Day1, Day1.AddHours(1));

        Assert.Equal((4, 2, 2), (report.Votes.Count, report.Helpful, report.NotHelpful));
        Assert.Equal(
        [
            new SectionVotes("social#friends", "Social Media › Can I friend parents?", 1, 1),
            new SectionVotes("social#photos", "Social Media › Can I post photos?", 0, 1),
            new SectionVotes("gone#section", "gone#section — no longer in the knowledge", 1, 0),
        ], report.Sections);
        Assert.Equal(["gone#section", "social#friends", "social#photos", "social#friends"], report.Votes.Select(v => v.SectionId)); // newest first
        var row = names.VoteRow(report.Votes[1]);
        Assert.Equal(QuestionTable.VoteHeader.Count, row.Count);
        Assert.Equal(["slack", QuestionTable.UserHash("slack", "U2"), "social", "social#friends", "not helpful"], [row[1], row[2], row[4], row[5], row[7]]);
        Assert.DoesNotContain("ann@school.invalid", row[3], StringComparison.Ordinal);
        Assert.NotEqual("U2", row[2]);
    }
}
