using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Core.Onboarding;

/// <summary>One document of the walk-through with its check questions.</summary>
/// <param name="VersionSince">
/// When this process first loaded the document's current version (default: unknown, taken as older than anyone's
/// reading). Replicas update a mounted folder at different moments: one that still has an older version must not restart
/// the document for someone who began the newer one on another replica.
/// </param>
public sealed record OnboardingDocument(GuidelineDocument Document, IReadOnlyList<CheckQuestion> Questions, DateTimeOffset VersionSince = default)
{
    private const int WordsPerMinute = 200;

    /// <summary>About how long: reading at 200 words a minute plus half a minute per check question.</summary>
    public int Minutes
    {
        get
        {
            var words = Document.Sections.Sum(s => s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            return Math.Max(1, (int)Math.Ceiling(((double)words / WordsPerMinute) + (Questions.Count * 0.5)));
        }
    }
}

/// <summary>What onboarding covers: the configured documents (<c>Onboarding:Documents</c>, default all) and their check questions.</summary>
public sealed class OnboardingCatalog : IOnboardingCatalogSource
{
    public OnboardingCatalog(IReadOnlyList<OnboardingDocument> documents, IReadOnlyList<KnowledgeError> errors)
    {
        Documents = documents;
        Errors = errors;
    }

    public IReadOnlyList<OnboardingDocument> Documents { get; }

    /// <summary>Problems in the questions file (file, line, message); those questions are left out.</summary>
    public IReadOnlyList<KnowledgeError> Errors { get; }

    /// <summary>A fixed catalog is its own source.</summary>
    OnboardingCatalog IOnboardingCatalogSource.Current => this;

    /// <summary>
    /// Builds the catalog. An <c>Onboarding:Documents</c> entry that names no loaded document throws
    /// <see cref="InvalidOperationException"/> (a configuration error); a bad question is reported in <see cref="Errors"/>.
    /// </summary>
    public static OnboardingCatalog Load(KnowledgeBase knowledge, KnowledgeOptions knowledgeOptions, OnboardingOptions options)
    {
        var path = System.IO.Path.Combine(knowledgeOptions.Path, options.QuestionsFile);
        var display = path.Replace('\\', '/');
        var (questions, errors) = CheckQuestionLoader.Load(path, display, knowledge);
        return Create(knowledge, options, questions, errors);
    }

    /// <param name="loadedAt">When the knowledge was loaded: the <see cref="OnboardingDocument.VersionSince"/> of a version new to this process.</param>
    /// <param name="previous">The catalog loaded before, whose documents keep their <see cref="OnboardingDocument.VersionSince"/> while unchanged.</param>
    public static OnboardingCatalog Create(KnowledgeBase knowledge, OnboardingOptions options, IReadOnlyList<CheckQuestion> questions,
        IReadOnlyList<KnowledgeError> errors, DateTimeOffset loadedAt = default, OnboardingCatalog? previous = null)
    {
        var selected = new List<GuidelineDocument>();
        foreach (var wanted in options.Documents.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()))
        {
            var document = knowledge.Documents.FirstOrDefault(d => d.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase))
                           ?? knowledge.Documents.FirstOrDefault(d => d.Title.Equals(wanted, StringComparison.OrdinalIgnoreCase))
                           ?? throw new InvalidOperationException(
                               $"Onboarding:Documents names '{wanted}', which is not a loaded document (ids: {string.Join(", ", knowledge.Documents.Select(d => d.Id))}).");
            if (!selected.Contains(document))
            {
                selected.Add(document);
            }
        }

        if (selected.Count == 0)
        {
            selected.AddRange(knowledge.Documents);
        }

        var documents = selected
            .Where(d => d.Sections.Count > 0)
            .Select(d => new OnboardingDocument(d, questions.Where(q => q.DocumentId == d.Id).ToArray(),
                previous?.Documents.FirstOrDefault(p => p.Document.Id == d.Id && p.Document.ContentHash == d.ContentHash)?.VersionSince ?? loadedAt))
            .ToArray();
        return new OnboardingCatalog(documents, errors);
    }

    /// <summary>The current version (content hash) of each loaded document in the catalog, by id.</summary>
    public string? CurrentHash(string documentId) =>
        Documents.FirstOrDefault(d => d.Document.Id == documentId)?.Document.ContentHash;
}
