using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Storage;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Knowledge;

/// <summary>
/// Builds the next <see cref="KnowledgeSnapshot"/> from the knowledge folder beside the live one, which keeps
/// answering meanwhile. A broken document, synonym file or questions file keeps its last good version (the status
/// names the file and line); an unchanged index is reused; with the MiniLM re-ranker the sentence vectors come from
/// the store and only texts it lacks are encoded, then saved (for the next build and the other replicas). With a store,
/// the approved expert answers are one more document, "Expert answers" (<see cref="ExpertAnswersDocument"/>); when the
/// store cannot be read, the expert answers loaded before stay.
/// </summary>
internal sealed class KnowledgeSnapshotBuilder(
    IServiceProvider services,
    IOptions<KnowledgeOptions> knowledgeOptions,
    IOptions<SearchOptions> searchOptions,
    IOptions<OnboardingOptions> onboardingOptions,
    TimeProvider time,
    ILogger<KnowledgeSnapshotBuilder> logger)
{
    /// <summary>How long loading or saving stored vectors may take before the index is built without them.</summary>
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Saving the vectors of a semantic index built in the background (never faults).</summary>
    private Task _pendingSave = Task.CompletedTask;

    /// <summary>
    /// How long a server's reload waits for the changed texts to be encoded before it goes live with the lexical stage
    /// alone (the semantic index joins it once built): a large new document takes longer than the 5 s a change is
    /// promised in, and a small one is encoded well within this.
    /// </summary>
    private static readonly TimeSpan ReloadSemanticWait = TimeSpan.FromSeconds(2);

    /// <summary>How long reading the approved expert answers may take before the ones loaded before are kept.</summary>
    private static readonly TimeSpan ExpertAnswersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How the status's warning starts when the folder has no guideline document (the approved expert answers aside).</summary>
    internal const string NoDocuments = "no guideline documents are loaded from this folder: ";

    /// <summary>The warning for a folder without guideline documents: what answers meanwhile.</summary>
    private static string NoDocumentsWarning(bool expertAnswers) => NoDocuments + (expertAnswers
        ? "only the approved expert answers answer questions until one is added (see README, Writing knowledge files)"
        : "every question is declined until one is added (see README, Writing knowledge files)");

    /// <summary>The next snapshot, or <paramref name="live"/> itself when nothing that matters changed.</summary>
    /// <param name="live">The snapshot answering now (null for the first build).</param>
    /// <param name="server">
    /// Built for the server: its questions never wait for the model's session, and the first snapshot answers with the
    /// lexical stage until its semantic index is built (its new vectors are saved to the store once it is).
    /// </param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="DirectoryNotFoundException">On the first build (no <paramref name="live"/>) without the folder.</exception>
    public async Task<KnowledgeSnapshot> BuildAsync(KnowledgeSnapshot? live, bool server, CancellationToken cancellationToken)
    {
        var options = knowledgeOptions.Value;
        var warnings = new List<KnowledgeError>();
        KnowledgeBase loaded;
        string? synonymsText;
        try
        {
            loaded = KnowledgeLoader.Load(options, live?.Knowledge.Documents);
            synonymsText = KnowledgeLoader.ReadSynonyms(options);
        }
        catch (Exception ex) when (live is not null && ex is IOException or UnauthorizedAccessException)
        {
            // The folder is gone or unreadable (an unmounted volume): everything loaded before stays live.
            warnings.Add(new KnowledgeError(options.Path, 0, ex.Message + "; the knowledge loaded before stays live"));
            return live.Status.Warnings.SequenceEqual(warnings) ? live : live with { Status = live.Status with { Warnings = warnings } };
        }

        warnings.AddRange(loaded.Errors);
        var (synonyms, synonymsInEffect) = Synonyms(options, synonymsText, live, warnings);
        var (expertAnswers, expertAnswersVersion) = await ExpertAnswersAsync(live, cancellationToken);
        var merged = LastGoodKnowledge.Merge(live?.Knowledge, loaded);
        var knowledge = merged with
        {
            Documents = expertAnswers is null ? merged.Documents : [.. merged.Documents.Where(d => d.Id != expertAnswers.Id), expertAnswers],
            SynonymsHash = KnowledgeLoader.HashSynonyms(synonymsInEffect),
        };
        // (An engine whose semantic index failed in the background is built again, not kept until a document changes.)
        var search = live is not null && live.Knowledge.Version == knowledge.Version && live.Search is not LuceneGuidelineSearch { SemanticReady.IsFaulted: true }
            ? live.Search
            : Reported(await BuildSearchAsync(knowledge, synonyms, new EngineStart(server, server) { Time = time }, reload: live is not null, cancellationToken));
        // Onboarding walks the folder's documents: the expert answers are a growing FAQ, not a guideline to acknowledge.
        var guidelines = expertAnswers is null
            ? search.Knowledge
            : search.Knowledge with { Documents = [.. search.Knowledge.Documents.Where(d => d.Id != expertAnswers.Id)] };
        if (guidelines.Documents.Count == 0)
        {
            // In the status too (the reload's answer, the dashboard), not only in the log: an emptied folder looked fine there.
            warnings.Add(new KnowledgeError(KnowledgeLoader.FolderName(options), 0, NoDocumentsWarning(expertAnswers is { Sections.Count: > 0 })) { Loaded = true });
        }

        var (catalog, questionsInEffect, lastGoodQuestions) = Onboarding(options, guidelines, live, warnings);
        if (live is not null && ReferenceEquals(search, live.Search) && questionsInEffect == live.OnboardingQuestions
            && warnings.SequenceEqual(live.Status.Warnings))
        {
            // Nothing that answers changed; the store's version may have (a pending suggestion edited): remember it.
            return live.ExpertAnswersVersion == expertAnswersVersion ? live : live with { ExpertAnswersVersion = expertAnswersVersion };
        }

        var documents = search.Knowledge.Documents
            .Select(d => new DocumentStatus(d.Id, d.Title, d.SourceFile, d.Sections.Count, d.ContentHash))
            .ToArray();
        var status = new KnowledgeStatus(search.Knowledge.Version, time.GetUtcNow(), documents, warnings);
        return new KnowledgeSnapshot(search, catalog, status, synonymsInEffect, questionsInEffect, lastGoodQuestions, expertAnswers, expertAnswersVersion);
    }

    /// <summary>The store's current <see cref="ISuggestionStore.ApprovedVersionAsync"/>; null without a store. Throws when it cannot be read.</summary>
    public async Task<string?> ExpertAnswersVersionAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISuggestionStore>() is not { } store)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(ExpertAnswersTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await store.ApprovedVersionAsync(linked.Token);
    }

    /// <summary>
    /// The approved expert answers as a document and the store version they were read at (the live ones when that is
    /// unchanged); without a store none; when the store fails, the live ones stay (with a warning in the log).
    /// </summary>
    private async Task<(GuidelineDocument? Document, string? Version)> ExpertAnswersAsync(KnowledgeSnapshot? live, CancellationToken cancellationToken)
    {
        if (services.GetService<ISuggestionStore>() is not { } store)
        {
            return (null, null);
        }

        using var timeout = new CancellationTokenSource(ExpertAnswersTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // The version first: an approval landing in between makes the next check reload again, never miss it.
            var version = await store.ApprovedVersionAsync(linked.Token);
            if (live is not null && live.ExpertAnswersVersion == version)
            {
                return (live.ExpertAnswers, version);
            }

            var approved = await store.ListAsync(SuggestionStatus.Approved, linked.Token);
            return (ExpertAnswersDocument.Build(approved), version);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            if (live is null)
            {
                logger.LogWarning(ex, "Could not read the approved expert answers from the store; answering without them");
            }
            else
            {
                logger.LogWarning(ex, "Could not read the approved expert answers from the store; the {Count} loaded before stay live",
                    live.ExpertAnswers?.Sections.Count ?? 0);
            }
            return (live?.ExpertAnswers, live?.ExpertAnswersVersion);
        }
    }

    /// <summary>
    /// The synonym file as parsed, or (broken) the one in effect before, with a warning naming its line. An empty file
    /// (no size, or only white space: a save cut short, or a file emptied by mistake) is refused the same way, as an
    /// empty document is; deleting the file is how to use none.
    /// </summary>
    private static (SynonymSet Set, string? Text) Synonyms(KnowledgeOptions options, string? text, KnowledgeSnapshot? live, List<KnowledgeError> warnings)
    {
        var display = DisplayPath(options, options.SynonymsFile);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            return Previous(new KnowledgeError(display, 0, "the file is empty (delete it to use no synonyms)"));
        }

        try
        {
            return (text is null ? SynonymSet.None : SynonymSet.Parse(text, display), text);
        }
        catch (KnowledgeFormatException ex)
        {
            return Previous(new KnowledgeError(display, ex.Line, ex.Message));
        }

        (SynonymSet Set, string? Text) Previous(KnowledgeError warning)
        {
            warnings.Add(warning);
            var previous = live?.Synonyms;
            return (previous is null ? SynonymSet.None : SynonymSet.Parse(previous, display), previous);
        }
    }

    private const string QuestionsLeftOut = "; the check questions it names are left out until the document and this file match again";

    /// <summary>
    /// The check questions on <paramref name="knowledge"/>. A questions file with errors gives way to the last one that
    /// had none (its errors stay in the warnings); without one, its good questions are used, as at start-up.
    /// </summary>
    private (OnboardingCatalog Catalog, string? InEffect, string? LastGood) Onboarding(KnowledgeOptions options, KnowledgeBase knowledge,
        KnowledgeSnapshot? live, List<KnowledgeError> warnings)
    {
        var onboarding = onboardingOptions.Value;
        var display = DisplayPath(options, onboarding.QuestionsFile);
        var path = Path.Combine(options.Path, onboarding.QuestionsFile);
        string? text;
        try
        {
            text = KnowledgeLoader.ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new KnowledgeError(display, 0, "cannot be read: " + ex.Message));
            text = live?.OnboardingQuestions;
        }

        if (text is null && !onboarding.QuestionsFile.Equals(OnboardingOptions.DefaultQuestionsFile, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(new KnowledgeError(display, 0, "not found: Onboarding:QuestionsFile names it, so onboarding asks no check questions") { Loaded = true });
        }

        var (questions, errors) = text is null ? ([], []) : CheckQuestionLoader.Parse(text, display, knowledge);
        if (errors.Count > 0 && text == live?.LastGoodOnboardingQuestions)
        {
            // The very file that loaded whole before: the documents changed under it (a heading or a file renamed). Its
            // other questions stay and these are left out; "its last good version stays live" would be untrue.
            errors = [.. errors.Select(e => e with { Message = e.Message + QuestionsLeftOut, Loaded = true })];
        }
        else if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            warnings.Add(new KnowledgeError(display, 0, "the file is empty, so onboarding asks no check questions") { Loaded = true });
        }

        warnings.AddRange(errors);
        var lastGood = errors.Count == 0 ? text : live?.LastGoodOnboardingQuestions;
        var inEffect = text;
        if (errors.Count > 0 && lastGood is not null && lastGood != text)
        {
            (questions, _) = CheckQuestionLoader.Parse(lastGood, display, knowledge);
            inEffect = lastGood;
        }

        try
        {
            return (OnboardingCatalog.Create(knowledge, onboarding, questions, errors, time.GetUtcNow(), live?.Onboarding), inEffect, lastGood);
        }
        catch (InvalidOperationException ex) when (live is not null)
        {
            // Onboarding:Documents names a document that is gone: the walk-through loaded before stays.
            warnings.Add(new KnowledgeError(display, 0, ex.Message + " The onboarding loaded before stays live."));
            return (live.Onboarding, live.OnboardingQuestions, live.LastGoodOnboardingQuestions);
        }
    }

    /// <summary>Logs why the saved Lucene index was not used or saved (the start took longer than it needed to).</summary>
    private IGuidelineSearch Reported(IGuidelineSearch search)
    {
        if (search is LuceneGuidelineSearch { IndexCacheProblem: { } problem })
        {
            logger.LogWarning("Lucene index: {Problem} (Search:IndexCachePath)", problem);
        }

        return search;
    }

    /// <param name="reload">
    /// A reload (not the first build): in the server, it waits <see cref="ReloadSemanticWait"/> at most for its semantic
    /// index, then goes live without it (the first build's wait is the server start's, <c>Search:StartupWaitSeconds</c>).
    /// </param>
    private async Task<IGuidelineSearch> BuildSearchAsync(KnowledgeBase knowledge, SynonymSet synonyms, EngineStart start, bool reload,
        CancellationToken cancellationToken)
    {
        var options = searchOptions.Value;
        if (options.Reranker != RerankerKind.MiniLM)
        {
            return await Task.Run(() => new LuceneGuidelineSearch(knowledge, options, synonyms, encoder: null, start), cancellationToken);
        }

        var shared = services.GetRequiredService<CachedSemanticEncoder>();
        if (services.GetService<IVectorStore>() is not { } store)
        {
            var alone = await Task.Run(() => new LuceneGuidelineSearch(knowledge, options, synonyms, shared, start), cancellationToken);
            await SettleAsync(alone, reload, cancellationToken);
            return alone;
        }

        // The build reads and fills the store through an encoder of its own; once the index is built (before any question
        // uses it) the build ends, so questions pass through it to the shared encoder and are never saved as corpus.
        var vectors = new CachedSemanticEncoder(shared, shared.Model, recentCapacity: 0);
        // A first start's index still being encoded in the background: once its vectors are stored, this build encodes
        // only what changed instead of the whole corpus a second time.
        await _pendingSave.WaitAsync(cancellationToken);
        await WithStoreAsync("load", token => vectors.LoadStoredAsync(store, token), cancellationToken);
        IReadOnlyList<KeyValuePair<string, float[]>> added = [];
        var search = await Task.Run(
            () => new LuceneGuidelineSearch(knowledge, options, synonyms, vectors, start with { SemanticBuilt = () => added = vectors.EndBuild() }),
            cancellationToken);
        await SettleAsync(search, reload, cancellationToken);
        if (search.SemanticReady.IsCompleted)
        {
            await SaveAsync(vectors, store, added, cancellationToken);
        }
        else
        {
            _pendingSave = SaveWhenBuiltAsync(search, vectors, store, () => added);
        }

        return search;
    }

    /// <summary>
    /// A reload's semantic index building in the background: waited for up to <see cref="ReloadSemanticWait"/>; when it
    /// is not ready by then, the reload goes live answering lexically, and the log says when the index joins or fails.
    /// </summary>
    private async Task SettleAsync(LuceneGuidelineSearch search, bool reload, CancellationToken cancellationToken)
    {
        if (!reload || search.SemanticReady.IsCompleted)
        {
            return;
        }

        var started = time.GetTimestamp();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(search.SemanticReady, Task.Delay(ReloadSemanticWait, time, wait.Token));
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        var late = !search.SemanticReady.IsCompleted;
        if (late)
        {
            logger.LogInformation("Reloaded knowledge goes live answering lexically while its semantic index of {Sections} sections is built",
                search.Knowledge.Sections.Count());
        }

        // Observed whether it ends within the wait or after: a failure is said, never left to the finalizer.
        _ = search.SemanticReady.ContinueWith(
            built => LogReloadedSemantic(built, late, time.GetElapsedTime(started)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void LogReloadedSemantic(Task built, bool late, TimeSpan took)
    {
        if (!built.IsCompletedSuccessfully)
        {
            logger.LogWarning(built.Exception?.GetBaseException(), "The reloaded knowledge's semantic index could not be built; it answers lexically until the next reload");
        }
        else if (late)
        {
            logger.LogInformation("Semantic index of the reloaded knowledge ready after {Seconds:0.0} s", took.TotalSeconds);
        }
    }

    /// <summary>A semantic index built in the background: its new vectors are saved once it is ready (the start logs how it went).</summary>
    private async Task SaveWhenBuiltAsync(LuceneGuidelineSearch search, CachedSemanticEncoder vectors, IVectorStore store,
        Func<IReadOnlyList<KeyValuePair<string, float[]>>> added)
    {
        try
        {
            await search.SemanticReady;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogDebug(ex, "No sentence vectors to save: the semantic index was not built");
            return;
        }

        await SaveAsync(vectors, store, added(), CancellationToken.None);
    }

    private Task SaveAsync(CachedSemanticEncoder vectors, IVectorStore store, IReadOnlyList<KeyValuePair<string, float[]>> added,
        CancellationToken cancellationToken) =>
        WithStoreAsync("save", async token =>
        {
            await vectors.SaveAsync(store, added, token);
            logger.LogInformation("Saved {Count} new sentence vectors", added.Count);
        }, cancellationToken);

    private async Task WithStoreAsync(string what, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await action(linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not {What} stored sentence vectors; the index encodes what it needs instead", what);
        }
    }

    /// <summary>A file under the knowledge folder as citations and warnings name it: the folder's own name, then the path in it.</summary>
    private static string DisplayPath(KnowledgeOptions options, string relative) =>
        KnowledgeLoader.FolderName(options) + "/" + relative.Replace('\\', '/');
}
