using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Search;

/// <summary>
/// Sentence vectors of every section, computed once at start-up through <see cref="ISemanticEncoder"/> (which may cache
/// them): the heading (the document title for an introduction), each passage and each sentence or bullet, each with its
/// heading. Vectors are stored flat, one row per text, so a question costs one encoding plus dot products.
/// </summary>
internal sealed partial class SemanticIndex
{
    /// <summary>Longest text handed to the encoder (MiniLM reads 256 word pieces; longer text only costs time).</summary>
    internal const int MaxEncodedChars = 1000;

    /// <summary>
    /// Texts handed to the encoder per call at start-up, so memory stays bounded whatever the corpus size (the encoder
    /// runs them one a run with 8-bit weights, and in full precision in model batches of at most
    /// <see cref="MiniLmEncoder.BatchSize"/> texts and <see cref="MiniLmEncoder.BatchTokens"/> tokens). Large enough
    /// that texts of similar length meet in one call (less padding) and that its model runs keep every CPU busy.
    /// </summary>
    private const int EncodeBatch = 1024;

    /// <summary>Sentences shorter than this are not worth a vector of their own.</summary>
    private const int MinSentenceChars = 12;

    private readonly ISemanticEncoder _encoder;
    private readonly int _dimensions;
    private readonly float[] _headings;
    private readonly float[] _passages;
    private readonly float[] _sentences;
    private readonly int[] _passageStart;
    private readonly int[] _sentenceStart;
    private readonly int[] _passageSection;

    public SemanticIndex(IReadOnlyList<GuidelineSection> sections, ISemanticEncoder encoder, CancellationToken cancellationToken = default)
    {
        _encoder = encoder;
        var headingTexts = new List<string>(sections.Count);
        var passageTexts = new List<string>();
        var sentenceTexts = new List<string>();
        _passageStart = new int[sections.Count + 1];
        _sentenceStart = new int[sections.Count + 1];
        var passageSection = new List<int>();
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var heading = HeadingText(s);
            headingTexts.Add(heading);
            _passageStart[i] = passageTexts.Count;
            _sentenceStart[i] = sentenceTexts.Count;
            foreach (var p in s.Passages)
            {
                passageTexts.Add(Truncate(heading + ": " + p.Text));
                passageSection.Add(i);
                sentenceTexts.AddRange(Sentences(p.Text).Select(x => Truncate(heading + ": " + x)));
            }
        }

        _passageStart[^1] = passageTexts.Count;
        _sentenceStart[^1] = sentenceTexts.Count;
        _passageSection = passageSection.ToArray();
        _headings = EncodeAll(headingTexts, cancellationToken);
        _passages = EncodeAll(passageTexts, cancellationToken);
        _sentences = EncodeAll(sentenceTexts, cancellationToken);
        _dimensions = headingTexts.Count == 0 ? 0 : _headings.Length / headingTexts.Count;
    }

    /// <summary>The question's unit vector.</summary>
    public float[] Encode(string question, CancellationToken cancellationToken = default) =>
        _encoder.Encode([Truncate(question)], cancellationToken)[0];

    /// <summary>Cosines of the question to the section's heading, best passage and best sentence; and to each passage.</summary>
    public (double Heading, double Passage, double Sentence, double[] PassageCosines) Similarity(float[] q, int section)
    {
        var heading = Dot(q, _headings, section);
        var passages = new double[_passageStart[section + 1] - _passageStart[section]];
        var bestPassage = 0.0;
        for (var j = 0; j < passages.Length; j++)
        {
            passages[j] = Dot(q, _passages, _passageStart[section] + j);
            bestPassage = Math.Max(bestPassage, passages[j]);
        }

        var bestSentence = 0.0;
        for (var k = _sentenceStart[section]; k < _sentenceStart[section + 1]; k++)
        {
            bestSentence = Math.Max(bestSentence, Dot(q, _sentences, k));
        }

        return (heading, bestPassage, bestSentence, passages);
    }

    /// <summary>
    /// The <paramref name="count"/> sections whose heading or a passage is nearest the question: candidates that share
    /// no word with it. One pass over heading and passage vectors (sentences are scored for candidates only). Copies of
    /// one text take one place: <paramref name="textKeys"/> gives each section the index of the first section with its
    /// text, and only that one is returned, as near as the nearest of its copies.
    /// </summary>
    public int[] Nearest(float[] q, int count, IReadOnlyList<int> textKeys)
    {
        var best = new double[_passageStart.Length - 1];
        for (var i = 0; i < best.Length; i++)
        {
            best[i] = Dot(q, _headings, i);
        }

        for (var p = 0; p < _passageSection.Length; p++)
        {
            var s = _passageSection[p];
            best[s] = Math.Max(best[s], Dot(q, _passages, p));
        }

        for (var s = 0; s < best.Length; s++)
        {
            best[textKeys[s]] = Math.Max(best[textKeys[s]], best[s]);
        }

        return Top(best, count, textKeys);
    }

    /// <summary>
    /// The indexes of the <paramref name="count"/> largest scores, largest first, among sections that are the first of
    /// their text; between equal scores the lower index first (as a stable sort would). One pass with a short sorted
    /// list: the sort of every section it replaces cost more than the scan itself with a hundred documents.
    /// </summary>
    internal static int[] Top(double[] scores, int count, IReadOnlyList<int> textKeys)
    {
        var top = new int[Math.Max(0, Math.Min(count, scores.Length))];
        var filled = 0;
        for (var i = 0; i < scores.Length && top.Length > 0; i++)
        {
            if (textKeys[i] != i || (filled == top.Length && scores[i] <= scores[top[filled - 1]]))
            {
                continue;
            }

            // After every equal or larger score: earlier sections keep their place among equals.
            var at = filled == top.Length ? filled - 1 : filled++;
            while (at > 0 && scores[top[at - 1]] < scores[i])
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = i;
        }

        return filled == top.Length ? top : top[..filled];
    }

    private float[] EncodeAll(List<string> texts, CancellationToken cancellationToken)
    {
        var rows = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += EncodeBatch)
        {
            rows.AddRange(_encoder.Encode(texts.GetRange(start, Math.Min(EncodeBatch, texts.Count - start)), cancellationToken));
        }

        var width = rows.Count == 0 ? 0 : rows[0].Length;
        var flat = new float[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(flat, r * width);
        }

        return flat;
    }

    /// <summary>Cosine of the question to one stored row (both unit vectors).</summary>
    private double Dot(float[] q, float[] rows, int row) =>
        VectorMath.Dot(q.AsSpan(0, _dimensions), rows.AsSpan(row * _dimensions, _dimensions));

    internal static string HeadingText(GuidelineSection s) =>
        s.IsIntroduction ? s.DocumentTitle : s.ParentHeading is null ? s.Heading : s.ParentHeading + " — " + s.Heading;

    /// <summary>Sentences and nested bullets of a passage (for sentence-level similarity).</summary>
    internal static IEnumerable<string> Sentences(string passage) =>
        SentenceSplit().Split(passage).Select(x => x.Trim().TrimStart('-').Trim()).Where(x => x.Length >= MinSentenceChars);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z“""(])|\n")]
    private static partial System.Text.RegularExpressions.Regex SentenceSplit();

    private static string Truncate(string s) => s.Length <= MaxEncodedChars ? s : s[..MaxEncodedChars];
}
