namespace GuidelineBot.Search;

/// <summary>How the engine is built (<see cref="LuceneGuidelineSearch"/>).</summary>
/// <param name="SemanticInBackground">
/// The semantic index is built on the thread pool and the lexical stage answers alone until it is ready (the server's
/// first start; see <see cref="LuceneGuidelineSearch.SemanticReady"/>).
/// </param>
/// <param name="NeverWaitForModel">
/// A question never waits for the model's session: until it is built (in the background, asked for by the first
/// question), the lexical stage answers (a server: its index may come from stored vectors).
/// </param>
/// <param name="SemanticBuilt">Runs once the semantic index is built, before any question uses it.</param>
public sealed record EngineStart(bool SemanticInBackground, bool NeverWaitForModel, Action? SemanticBuilt = null)
{
    /// <summary>Built whole before it answers, waiting for the model when a question needs it (the command line, tests).</summary>
    public static EngineStart Whole { get; } = new(false, false);

    /// <summary>The clock of the saved index's housekeeping (<see cref="SearchOptions.IndexCachePath"/>): when a copy was last used.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
