namespace GuidelineBot.Search;

/// <summary>Turns sentences into unit-length vectors whose dot product is their cosine similarity.</summary>
public interface ISemanticEncoder
{
    float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
