namespace GuidelineBot.Core.Storage;

/// <summary>
/// Sentence vectors computed once and kept for later starts and other replicas: per model, by a key that the caller
/// derives from the model and the text (a content hash), so a changed text or model is simply a new key.
/// </summary>
public interface IVectorStore
{
    /// <summary>Every vector stored for <paramref name="model"/>, by key.</summary>
    Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string model, CancellationToken cancellationToken);

    /// <summary>Adds vectors; a key already stored (e.g. by another replica) keeps its vector.</summary>
    Task SaveAsync(string model, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors, CancellationToken cancellationToken);
}
