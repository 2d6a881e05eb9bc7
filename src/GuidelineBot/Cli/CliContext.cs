using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Hosting;
using GuidelineBot.Storage;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Cli;

/// <summary>What every command gets: the console streams and configuration overrides (tests).</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Errors, TextReader Input, IReadOnlyDictionary<string, string?>? Settings)
{
    /// <summary>Builds the engine from appsettings.json + environment variables in the current directory.</summary>
    /// <param name="configure">Extra registrations a command needs (e.g. the store).</param>
    public IServiceProvider BuildEngine(Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = false,
            Args = [],
        });
        if (Settings is { } overrides)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new StderrWarningLoggerProvider(Errors));
        builder.Services.AddGuidelineEngine(builder.Configuration);
        configure?.Invoke(builder);
        var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        CliApp.ValidateOptions(provider);
        return provider;
    }

    /// <summary>
    /// Adds the store when the one configured exists (a SQLite file that is there, or PostgreSQL), so the approved
    /// expert answers join the knowledge as on the server; never creates a store.
    /// </summary>
    public static void AddExistingStore(HostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return;
        }

        try
        {
            using var database = StoreDatabase.Create(options);
            if (StoreExists(database))
            {
                builder.Services.AddGuidelineStore(builder.Configuration);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // Not a usable store setting: answer from the folder alone, as without a store.
        }
    }

    /// <summary>False for a SQLite file that is not there (opening it would create an empty store).</summary>
    public static bool StoreExists(StoreDatabase database) => database is not SqliteDatabase sqlite || File.Exists(sqlite.FilePath);

    /// <summary>
    /// A command that reads the bot's store, run where there is none (another folder than the bot's): the error, so that it
    /// neither creates an empty store nor reports one as if nothing had happened. Null when the store is there.
    /// </summary>
    public static string? MissingStore(StoreDatabase database) =>
        StoreExists(database) ? null : $"error: there is no store at {((SqliteDatabase)database).FilePath}: set Storage:ConnectionString to the bot's store";

    /// <summary>
    /// The knowledge folder as loaded, without building an index (the engine's live knowledge would build one, with
    /// the model): one warning line per broken file on stderr.
    /// </summary>
    public KnowledgeBase LoadKnowledge(IServiceProvider engine)
    {
        var knowledge = KnowledgeLoader.Load(engine.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
        Warn(knowledge.Errors);
        return knowledge;
    }

    /// <summary>The onboarding check questions as loaded: one warning line per broken file or question on stderr, as for documents.</summary>
    public OnboardingCatalog Warned(OnboardingCatalog catalog)
    {
        Warn(catalog.Errors);
        return catalog;
    }

    private void Warn(IEnumerable<KnowledgeError> errors)
    {
        foreach (var error in errors)
        {
            // (Line 0: the whole file, e.g. too large.)
            var line = error.Line > 0 ? $" (line {error.Line})" : "";
            Errors.WriteLine($"warning: {(error.Loaded ? "Knowledge" : "Skipped knowledge")} file {error.File}{line}: {error.Message}");
        }
    }
}
