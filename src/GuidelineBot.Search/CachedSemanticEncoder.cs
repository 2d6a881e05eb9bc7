using System.Security.Cryptography;
using System.Text;
using BitFaster.Caching.Lru;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.Search;

/// <summary>
/// Encodes no text twice. While the index is built (between <see cref="LoadStoredAsync"/> and
/// <see cref="EndBuild"/>, whose vectors <see cref="SaveAsync"/> stores) the corpus's vectors come from the store, keyed by a hash of the model id and the text,
/// and only the texts the store lacks are encoded — then saved, for later starts and other replicas. Otherwise (and
/// for questions) recent vectors stay in a bounded LRU cache. Thread-safe.
/// </summary>
public sealed class CachedSemanticEncoder : ISemanticEncoder
{
    private readonly ISemanticEncoder _inner;
    private readonly ConcurrentLru<string, float[]>? _recent;
    private readonly Lock _gate = new();
    private Dictionary<string, float[]>? _stored;
    private List<KeyValuePair<string, float[]>> _added = [];

    /// <param name="model">Identifies the model and its weights (see <see cref="MiniLmModel.ModelId(ModelPrecision)"/>).</param>
    /// <param name="recentCapacity">Vectors kept in the LRU cache; 0 keeps none.</param>
    public CachedSemanticEncoder(ISemanticEncoder inner, string model, int recentCapacity)
    {
        _inner = inner;
        Model = model;
        _recent = recentCapacity > 0 ? new ConcurrentLru<string, float[]>(recentCapacity) : null;
    }

    /// <summary>The model id its vectors are stored under.</summary>
    public string Model { get; }

    /// <summary>Starts an index build: the store's vectors for this model answer the texts they cover.</summary>
    public async Task LoadStoredAsync(IVectorStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.LoadAsync(Model, cancellationToken);
        lock (_gate)
        {
            _stored = new Dictionary<string, float[]>(stored, StringComparer.Ordinal);
            _added = [];
        }
    }

    /// <summary>
    /// Ends an index build: returns the vectors it had to encode and lets go of the loaded ones; texts encoded from now
    /// on (questions) pass through to the inner encoder and are never taken for corpus vectors.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, float[]>> EndBuild()
    {
        lock (_gate)
        {
            var added = _added;
            _added = [];
            _stored = null;
            return added;
        }
    }

    /// <summary>Saves vectors an index build encoded (see <see cref="EndBuild"/>).</summary>
    public async Task SaveAsync(IVectorStore store, IReadOnlyList<KeyValuePair<string, float[]>> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count > 0)
        {
            await store.SaveAsync(Model, added, cancellationToken);
        }
    }

    public bool IsReady => _inner.IsReady;

    public void PrepareInBackground() => _inner.PrepareInBackground();

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Dictionary<string, float[]>? stored;
        lock (_gate)
        {
            stored = _stored;
        }

        var vectors = new float[texts.Count][];
        var keys = stored is null ? null : new string[texts.Count];
        var missing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i] ?? "";
            float[]? found = null;
            if (keys is not null)
            {
                keys[i] = Key(text);
                lock (_gate)
                {
                    stored!.TryGetValue(keys[i], out found);
                }
            }
            else
            {
                _recent?.TryGet(text, out found);
            }

            if (found is not null)
            {
                vectors[i] = found;
            }
            else if (missing.TryGetValue(text, out var positions))
            {
                positions.Add(i);
            }
            else
            {
                missing[text] = [i];
            }
        }

        if (missing.Count == 0)
        {
            return vectors;
        }

        var encoded = _inner.Encode(missing.Keys.ToArray(), cancellationToken);
        var k = 0;
        foreach (var (text, positions) in missing)
        {
            var v = encoded[k++];
            foreach (var i in positions)
            {
                vectors[i] = v;
            }

            if (keys is not null)
            {
                lock (_gate)
                {
                    if (stored!.TryAdd(keys[positions[0]], v))
                    {
                        _added.Add(new(keys[positions[0]], v));
                    }
                }
            }
            else
            {
                _recent?.AddOrUpdate(text, v);
            }
        }

        return vectors;
    }

    /// <summary>The store key of a text: SHA-256 of the model id and the text.</summary>
    internal string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Model + "\n" + text)));
}
