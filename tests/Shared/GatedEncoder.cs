using GuidelineBot.Search;

namespace GuidelineBot.Testing;

/// <summary>
/// A stand-in model that encodes nothing until released (a corpus that takes long to encode), then what the inner encoder
/// gives; with <c>gated</c>, only the batches it picks wait (a new document's texts, not the questions).
/// </summary>
internal sealed class GatedEncoder(ISemanticEncoder inner, Func<IReadOnlyList<string>, bool>? gated = null) : ISemanticEncoder, IDisposable
{
    private readonly ManualResetEventSlim _open = new();

    public void Release() => _open.Set();

    public void Close() => _open.Reset();

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (gated?.Invoke(texts) ?? true)
        {
            _open.Wait(cancellationToken);
        }

        return inner.Encode(texts, cancellationToken);
    }

    public void Dispose() => _open.Dispose();
}
