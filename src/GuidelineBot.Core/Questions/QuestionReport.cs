using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.Core.Questions;

/// <summary>One UTC day of the question log, and the votes cast that day.</summary>
public sealed record QuestionDay(DateOnly Date, int Answered, int Declined, int Other, int Helpful, int NotHelpful)
{
    public int Total => Answered + Declined + Other;
}

/// <summary>How often a section answered, and the votes on its answers (every person's, one per answer and person).</summary>
/// <param name="Title">"Document › Section" as loaded now; the id when the section is gone.</param>
public sealed record SectionCount(string? DocumentId, string SectionId, string Title, int Answers, int Helpful, int NotHelpful);

/// <summary>
/// What the question log says about a period: questions per day by outcome, the votes cast (<see cref="IFeedbackStore"/>:
/// every person's 👍/👎, so an answer in a channel counts each of the people who voted on it), the sections that answer
/// most, the latest questions and the unanswered ones grouped (<see cref="QuestionGrouping"/>).
/// </summary>
public sealed record QuestionReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<QuestionDay> Days,
    IReadOnlyList<SectionCount> TopSections,
    IReadOnlyList<QuestionRecord> Latest,
    IReadOnlyList<QuestionGroup> Unanswered)
{
    public int Total => Days.Sum(d => d.Total);

    public int Answered => Days.Sum(d => d.Answered);

    public int Declined => Days.Sum(d => d.Declined);

    public int Other => Days.Sum(d => d.Other);

    public int Helpful => Days.Sum(d => d.Helpful);

    public int NotHelpful => Days.Sum(d => d.NotHelpful);

    /// <summary>How many sections, latest questions and unanswered groups a report lists by default.</summary>
    public const int DefaultTop = 10;

    /// <param name="questions">The log (any order); records outside [<paramref name="from"/>, <paramref name="to"/>] are ignored.</param>
    /// <param name="votes">The votes (any order); those cast outside the range are ignored.</param>
    /// <param name="knowledge">Names the sections (a section no longer loaded is shown by its id).</param>
    public static QuestionReport Build(IEnumerable<QuestionRecord> questions, IEnumerable<FeedbackRecord> votes, KnowledgeBase knowledge,
        DateTimeOffset from, DateTimeOffset to, int top = DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(knowledge);
        var inRange = questions.Where(q => q.At >= from && q.At <= to).OrderByDescending(q => q.At).ToList();
        var byDay = inRange.ToLookup(q => DateOnly.FromDateTime(q.At.UtcDateTime));
        var titles = new QuestionTable(knowledge);
        var feedback = FeedbackReport.Build(votes, titles, from, to);
        var votesByDay = feedback.Votes.ToLookup(v => DateOnly.FromDateTime(v.At.UtcDateTime));
        var votesBySection = feedback.Sections.ToDictionary(s => s.SectionId, StringComparer.Ordinal);
        var days = new List<QuestionDay>();
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day <= DateOnly.FromDateTime(to.UtcDateTime); day = day.AddDays(1))
        {
            var asked = byDay[day].ToList();
            days.Add(new QuestionDay(day,
                asked.Count(q => q.Outcome == QuestionOutcome.Answered),
                asked.Count(q => q.Outcome == QuestionOutcome.Declined),
                asked.Count(q => q.Outcome is QuestionOutcome.Other or QuestionOutcome.Picked),
                votesByDay[day].Count(v => v.Helpful),
                votesByDay[day].Count(v => !v.Helpful)));
        }

        var sections = inRange
            .Where(q => q.Outcome == QuestionOutcome.Answered && q.SectionId is not null)
            .GroupBy(q => q.SectionId!, StringComparer.Ordinal)
            .Select(g =>
            {
                var voted = votesBySection.GetValueOrDefault(g.Key);
                return new SectionCount(g.First().DocumentId, g.Key, titles.SectionTitle(g.Key), g.Count(), voted?.Helpful ?? 0, voted?.NotHelpful ?? 0);
            })
            .OrderByDescending(s => s.Answers)
            .ThenBy(s => s.Title, StringComparer.Ordinal)
            .Take(top)
            .ToList();

        var unanswered = QuestionGrouping.Group(inRange.Where(q => q.Outcome == QuestionOutcome.Declined)).Take(top).ToList();
        return new QuestionReport(from, to, days, sections, inRange.Take(top).ToList(), unanswered);
    }
}
