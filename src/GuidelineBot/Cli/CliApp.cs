using System.CommandLine;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Hosting;
using GuidelineBot.Storage;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Cli;

/// <summary>The command line: <c>ask</c>, <c>topics</c>, <c>eval</c> (and the commands other features add).</summary>
internal static class CliApp
{
    private static readonly HashSet<string> CommandNames = ["ask", "topics", "eval", "report", "package", "healthcheck", "knowledge", "-h", "--help", "-?", "--version"];

    /// <summary>True when the arguments name a CLI command; anything else starts the bot server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && CommandNames.Contains(args[0]);

    /// <param name="settings">Configuration overrides (tests), applied over appsettings.json and environment variables.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, TextReader? stdin = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cli = new CliContext(stdout ?? Console.Out, stderr ?? Console.Error, stdin ?? Console.In, settings);
        var errors = cli.Errors;

        var root = new RootCommand("GuidelineBot: answers staff questions with the exact guideline text and a citation.");
        root.Subcommands.Add(AskCommand.Create(cli));
        root.Subcommands.Add(TopicsCommand.Create(cli));
        root.Subcommands.Add(EvalCommand.Create(cli));
        root.Subcommands.Add(ReportCommand.Create(cli));
        root.Subcommands.Add(PackageCommand.Create(cli));
        root.Subcommands.Add(HealthcheckCommand.Create(cli));
        root.Subcommands.Add(KnowledgeCommand.Create(cli));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await errors.WriteLineAsync($"error: {parse.Errors[0].Message} (see --help)");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = cli.Output, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or IOException or UnauthorizedAccessException
                                       or OptionsValidationException or FormatException or InvalidOperationException)
        {
            await errors.WriteLineAsync("error: " + OneLine(ex));
            return 1;
        }
    }

    private static string OneLine(Exception ex)
    {
        var message = ex is OptionsValidationException ov ? string.Join("; ", ov.Failures) : ex.Message;
        return message.ReplaceLineEndings(" ").Trim();
    }

    internal static void ValidateOptions(IServiceProvider provider)
    {
        _ = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<Core.Answers.AnswerOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<Search.SearchOptions>>().Value;
    }
}

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
    /// The knowledge folder as loaded, without building an index (the engine's live knowledge would build one, with
    /// the model): one warning line per broken file on stderr.
    /// </summary>
    public KnowledgeBase LoadKnowledge(IServiceProvider engine)
    {
        var knowledge = KnowledgeLoader.Load(engine.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
        foreach (var error in knowledge.Errors)
        {
            Errors.WriteLine($"warning: Skipped knowledge file {error.File} (line {error.Line}): {error.Message}");
        }

        return knowledge;
    }
}

/// <summary>CLI logging: warnings and errors only, one line each, on stderr (stdout stays clean for JSON).</summary>
internal sealed class StderrWarningLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                writer.WriteLine($"{(logLevel >= LogLevel.Error ? "error" : "warning")}: {formatter(state, exception)}");
            }
        }
    }
}
