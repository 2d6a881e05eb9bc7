namespace GuidelineBot.Search;

/// <summary>Turns sentences into unit-length vectors whose dot product is their cosine similarity.</summary>
public interface ISemanticEncoder
{
    float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

    /// <summary>Encodes without first building anything costly (a model session).</summary>
    bool IsReady => true;

    /// <summary>Starts building what <see cref="Encode"/> needs on the thread pool, if it is not built or being built.</summary>
    void PrepareInBackground()
    {
    }
}
