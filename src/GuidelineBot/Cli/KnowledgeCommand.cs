using System.CommandLine;
using System.Data.Common;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Storage;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>knowledge export-answers DIR</c>: the approved expert answers in the store, written as one Markdown document
/// (<c>DIR/expert-answers.md</c>, <see cref="ExpertAnswersDocument"/>) that loads as the same sections when moved into
/// <c>knowledge/</c>. Exit 0 when written (or nothing is approved), 1 for a missing or unreadable store or a DIR that
/// cannot be written, 2 for a usage error.
/// </summary>
internal static class KnowledgeCommand
{
    public static Command Create(CliContext cli) =>
        Create(cli.Output, cli.Errors, () => cli.BuildEngine(builder => builder.Services.AddGuidelineStore(builder.Configuration)));

    /// <param name="services">Builds the engine + store (tests pass their own).</param>
    internal static Command Create(TextWriter output, TextWriter errors, Func<IServiceProvider> services)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = $"The folder to write {ExpertAnswersDocument.FileName} into (created when missing)." };
        var export = new Command("export-answers",
            $"Write the approved expert answers as one Markdown document, DIR/{ExpertAnswersDocument.FileName}, ready to move into the knowledge folder.")
        {
            folder,
        };
        export.SetAction((parse, ct) => ExportAsync(output, errors, services, parse.GetRequiredValue(folder), ct));
        return new Command("knowledge", "Knowledge kept in the store: the expert answers approved on the dashboard.") { export };
    }

    private static async Task<int> ExportAsync(TextWriter output, TextWriter errors, Func<IServiceProvider> services, DirectoryInfo folder,
        CancellationToken ct)
    {
        if (File.Exists(folder.FullName))
        {
            await errors.WriteLineAsync($"error: {folder.FullName} is a file, not a folder");
            return 1;
        }

        var provider = services();
        var database = provider.GetRequiredService<StoreDatabase>();
        if (CliContext.MissingStore(database) is { } missing)
        {
            await errors.WriteLineAsync(missing);
            return 1;
        }

        IReadOnlyList<KnowledgeSuggestion> approved;
        try
        {
            approved = await provider.GetRequiredService<ISuggestionStore>().ListAsync(SuggestionStatus.Approved, ct);
        }
        catch (DbException ex)
        {
            await errors.WriteLineAsync($"error: cannot read the store ({database.Describe()}): {ex.Message}");
            return 1;
        }

        if (ExpertAnswersDocument.ToMarkdown(approved) is not { } markdown)
        {
            await output.WriteLineAsync("No approved expert answers: nothing written.");
            return 0;
        }

        var path = Path.Combine(folder.FullName, ExpertAnswersDocument.FileName);
        try
        {
            Directory.CreateDirectory(folder.FullName);
            await File.WriteAllTextAsync(path, markdown, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: cannot write {path}: {ex.Message}");
            return 1;
        }

        var count = ExpertAnswersDocument.Build(approved)?.Sections.Count ?? 0;
        await output.WriteLineAsync($"Wrote {count} expert answer{(count == 1 ? "" : "s")} to {path}");
        return 0;
    }
}
