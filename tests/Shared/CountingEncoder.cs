using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Search;

namespace GuidelineBot.Testing;

/// <summary>A stand-in model for tests: a deterministic unit vector per text, and a record of every text it encoded.</summary>
internal sealed class CountingEncoder : ISemanticEncoder
{
    private readonly ConcurrentQueue<string> _encoded = new();

    public List<string> Encoded => [.. _encoded];

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        foreach (var t in texts)
        {
            _encoded.Enqueue(t);
        }

        return texts.Select(VectorOf).ToArray();
    }

    public static float[] VectorOf(string text)
    {
        var v = SHA256.HashData(Encoding.UTF8.GetBytes(text)).Select(b => b - 127.5f).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
