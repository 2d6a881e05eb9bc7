using System.Globalization;
using GuidelineBot.Search;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>eval --features FILE</c>: one TSV row per (question, candidate section) with the ranker's features and whether the
/// candidate is an acceptable answer — the input of tests/eval/fit.py. Semantic features are always computed here
/// (the cascade is skipped), so one dump serves both stages; <c>text_key</c> is the index of the first section with the
/// candidate's headings and text, so copies of one text share it (see <see cref="RankerFeatures.TextKey"/>).
/// </summary>
internal static class FeatureDump
{
    private const string Header = "qid\tin_scope\tright\tlucene\tlexical\tcoverage\theading_coverage\tintroduction\tasks_scope\thas_semantic\tsem_heading\tsem_passage\tsem_sentence\ttext_key\tsection\tquestion";

    public static async Task WriteAsync(string path, LuceneGuidelineSearch search,
        IEnumerable<(string Question, IEnumerable<Func<string, string, bool>> Acceptable)> questions, CancellationToken cancellationToken)
    {
        OutputFileOption.CreateFolderOf(path);
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(Header);
        var qid = 0;
        foreach (var (question, acceptable) in questions)
        {
            var matchers = acceptable.ToArray();
            foreach (var c in search.Explain(question, forceSemantic: true, cancellationToken))
            {
                var f = c.Features;
                var right = matchers.Any(m => m(c.Section.Heading, c.Section.Text));
                await writer.WriteLineAsync(string.Join('\t',
                    qid.ToString(CultureInfo.InvariantCulture), Flag(matchers.Length > 0), Flag(right), Flag(c.FoundByLucene),
                    Number(f.Lexical), Number(f.Coverage), Number(f.HeadingCoverage), Flag(f.IsIntroduction), Flag(f.AsksAboutScope),
                    Flag(f.HasSemantic), Number(f.SemanticHeading), Number(f.SemanticPassage), Number(f.SemanticSentence),
                    f.TextKey?.ToString(CultureInfo.InvariantCulture) ?? "", c.Section.Heading, question));
            }

            qid++;
        }
    }

    private static string Flag(bool b) => b ? "1" : "0";

    private static string Number(double d) => d.ToString("0.#####", CultureInfo.InvariantCulture);
}
