namespace GuidelineBot.Search;

/// <summary>
/// How much a question word counts as evidence for a section, from its section frequency (BM25-style IDF) and whether
/// it is background vocabulary of the section's document.
/// </summary>
public static class TermWeights
{
    /// <summary>A background word (document title, organisation name, most of the document's sections) keeps this share of its weight.</summary>
    public const double BackgroundShare = 0.1;

    /// <summary>
    /// The weight of one ordinary informative word: coverage divides by at least this much, so a question whose words are
    /// all background covers at most <see cref="BackgroundShare"/>-ish of it.
    /// </summary>
    public const double MinQuestionWeight = 1.0;

    /// <summary>
    /// A document's subject word (its title's, in no other title) keeps this share of its weight for a section whose
    /// heading names it: enough that a question of that word alone ("where can I park") is covered, little enough that it
    /// does not carry a question whose other words the section lacks.
    /// </summary>
    public const double SubjectShare = 0.5;

    /// <summary>
    /// A title word that no other document's title has keeps this share of its weight for the document's sections: more
    /// than background, as it tells the document from the others; less than a subject word, as every section of the
    /// document shares it. Measured at 0.1 (background), 0.3, 0.5 and 1.0 on every eval set: 0.3 is the largest share
    /// that made no set worse (docs/answer-quality-history.md).
    /// </summary>
    public const double OwnTitleShare = 0.3;

    /// <summary>Synonym matches count this share of the word the user typed.</summary>
    public const double SynonymShare = 0.85;

    /// <summary>A word in at least this share of its document's sections is background vocabulary of that document.</summary>
    public const double UbiquitousSectionShare = 0.5;

    /// <summary>BM25 IDF (+0.5 so that even common words keep a little weight) over <paramref name="sections"/> sections.</summary>
    public static double Idf(int sectionFrequency, int sections)
    {
        var n = Math.Max(1, sections);
        return 0.5 + Math.Log(1 + (n - sectionFrequency + 0.5) / (sectionFrequency + 0.5));
    }

    /// <summary>Weight of a word for a section of a document where it is (or is not) background vocabulary.</summary>
    public static double Weight(double idf, bool background) => background ? idf * BackgroundShare : idf;

    /// <summary>Weight of a document's subject word for a section whose heading names it.</summary>
    public static double Subject(double idf) => idf * SubjectShare;

    /// <summary>Weight of a word only this document's title has, for the document's sections.</summary>
    public static double OwnTitle(double idf) => idf * OwnTitleShare;

    /// <summary>Matched weight over the question's weight (at least <see cref="MinQuestionWeight"/>).</summary>
    public static double Coverage(double matched, double total) => total <= 0 ? 0 : matched / Math.Max(total, MinQuestionWeight);
}
