using GuidelineBot.Core.Storage;

namespace GuidelineBot.Core.Questions;

/// <summary>The votes on one section's answers in a period.</summary>
/// <param name="Title">"Document › Section" as loaded now; the id when the section is gone.</param>
public sealed record SectionVotes(string SectionId, string Title, int Helpful, int NotHelpful)
{
    public int Votes => Helpful + NotHelpful;
}

/// <summary>
/// The votes of a period, from the votes themselves (<see cref="IFeedbackStore"/>: every person's 👍/👎, one per answer and
/// person), so an answer several people voted on counts each of them: newest first, and per section, most votes first.
/// </summary>
public sealed record FeedbackReport(IReadOnlyList<FeedbackRecord> Votes, IReadOnlyList<SectionVotes> Sections)
{
    public int Helpful => Votes.Count(v => v.Helpful);

    public int NotHelpful => Votes.Count(v => !v.Helpful);

    /// <param name="votes">Any order; those cast outside [<paramref name="from"/>, <paramref name="to"/>] are ignored.</param>
    /// <param name="names">Names the sections as the knowledge names them now.</param>
    public static FeedbackReport Build(IEnumerable<FeedbackRecord> votes, QuestionTable names, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(names);
        var cast = votes.Where(v => v.At >= from && v.At <= to).OrderByDescending(v => v.At).ToList();
        var sections = cast
            .Where(v => v.SectionId is not null)
            .GroupBy(v => v.SectionId!, StringComparer.Ordinal)
            .Select(g => new SectionVotes(g.Key, names.SectionTitle(g.Key), g.Count(v => v.Helpful), g.Count(v => !v.Helpful)))
            .OrderByDescending(s => s.Votes)
            .ThenBy(s => s.Title, StringComparer.Ordinal)
            .ToList();
        return new FeedbackReport(cast, sections);
    }
}
