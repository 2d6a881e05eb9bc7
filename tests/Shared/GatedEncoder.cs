using GuidelineBot.Search;

namespace GuidelineBot.Testing;

/// <summary>A stand-in model that encodes nothing until released (a corpus that takes long to encode), then what the inner encoder gives.</summary>
internal sealed class GatedEncoder(ISemanticEncoder inner) : ISemanticEncoder, IDisposable
{
    private readonly ManualResetEventSlim _open = new();

    public void Release() => _open.Set();

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        _open.Wait(cancellationToken);
        return inner.Encode(texts, cancellationToken);
    }

    public void Dispose() => _open.Dispose();
}
