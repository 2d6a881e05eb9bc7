using System.CommandLine;
using System.CommandLine.Parsing;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Cli;

/// <summary>The command line: <c>ask</c>, <c>topics</c>, <c>eval</c> (and the commands other features add).</summary>
internal static class CliApp
{
    private static readonly HashSet<string> HelpAndVersion = ["-h", "--help", "-?", "/h", "/?", "--version"];

    /// <summary>
    /// True when the arguments are for the command line: a first word (a command, <c>help</c>, or a mistyped command,
    /// which gets an error rather than a server start) or help/version. No arguments, or configuration (<c>--urls URL</c>,
    /// <c>--Key=Value</c>, <c>/Key Value</c>, <c>Key=Value</c>), start the bot server.
    /// </summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && (IsWord(args[0]) || HelpAndVersion.Contains(args[0]));

    private static bool IsWord(string arg) => arg.Length > 0 && arg[0] is not ('-' or '/') && !arg.Contains('=');

    /// <summary>An option as the commands spell theirs (<c>--json</c>, <c>-h</c>); a path such as <c>/tmp/x.tsv</c> is not one.</summary>
    private static bool IsOption(string arg) => arg.Length > 1 && arg[0] == '-';

    /// <param name="settings">Configuration overrides (tests), applied over appsettings.json and environment variables.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, TextReader? stdin = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cli = new CliContext(stdout ?? Console.Out, new OneLineWriter(stderr ?? Console.Error), stdin ?? Console.In, settings);
        var errors = cli.Errors;

        var root = new RootCommand("GuidelineBot: answers staff questions with the exact guideline text and a citation.\n" +
            "With no command it runs the bot server, configured by appsettings.json, environment variables and settings given\n" +
            "as --Key=Value or --Key Value (e.g. --urls http://127.0.0.1:3978 --Search:Reranker=None).");
        root.Subcommands.Add(AskCommand.Create(cli));
        root.Subcommands.Add(TopicsCommand.Create(cli));
        root.Subcommands.Add(EvalCommand.Create(cli));
        root.Subcommands.Add(ReportCommand.Create(cli));
        root.Subcommands.Add(PackageCommand.Create(cli));
        root.Subcommands.Add(HealthcheckCommand.Create(cli));
        root.Subcommands.Add(KnowledgeCommand.Create(cli));

        if (args is ["help", .. var rest])
        {
            // help = --help, help ask = ask --help; help with a word that is no command is the unknown command's error.
            if (rest is [var name, ..] && IsWord(name) && !root.Subcommands.Any(c => c.Name == name))
            {
                await errors.WriteLineAsync(UnknownWord(root, "", name));
                return 2;
            }

            args = [.. rest, "--help"];
        }

        var parse = root.Parse(args);
        if (UnknownCommand(parse) is { } unknown)
        {
            await errors.WriteLineAsync(unknown);
            return 2;
        }

        if (parse.Errors.Count > 0)
        {
            var path = CommandWords(parse.CommandResult);
            await errors.WriteLineAsync(parse.UnmatchedTokens is [var token, ..] && IsOption(token)
                ? $"error: unknown option '{token}' (see {path}--help)"
                : $"error: {parse.Errors[0].Message} (see {path}--help)");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = cli.Output, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or IOException or UnauthorizedAccessException
                                       or OptionsValidationException or FormatException or InvalidOperationException or InvalidDataException
                                       or ArgumentException)
        {
            await errors.WriteLineAsync("error: " + OneLine(ex));
            return 1;
        }
    }

    /// <summary>
    /// The error for a command that needs one of its own (the root, report, package, …) given an unknown word (a mistyped
    /// command), an option before any command, or nothing: names the commands it has. Null otherwise.
    /// </summary>
    private static string? UnknownCommand(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command.Subcommands.Count == 0 || command.Action is not null || parse.Errors.Count == 0)
        {
            return null;
        }

        var path = CommandWords(parse.CommandResult);
        var names = string.Join(", ", command.Subcommands.Select(c => c.Name));
        return parse.UnmatchedTokens switch
        {
            [var word, ..] when IsWord(word) => UnknownWord(command, path, word),
            [var option, ..] when IsOption(option) => $"error: unknown option '{option}': {path}needs a command first (commands: {names}; see {path}--help)",
            [] => $"error: missing {path}command (commands: {names}; see {path}--help)",
            _ => null,
        };
    }

    /// <summary>The error for <paramref name="word"/> where <paramref name="command"/> (named by <paramref name="path"/>) needs one of its commands.</summary>
    private static string UnknownWord(Command command, string path, string word) =>
        $"error: unknown {path}command '{word}' (commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))}; see {path}--help)";

    /// <summary>The command's words after the executable's name, each followed by a space: "report " for report, "" for the root.</summary>
    private static string CommandWords(CommandResult result) => string.Concat(CommandPath(result).Select(name => name + " "));

    private static IEnumerable<string> CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? [.. CommandPath(parent), result.Command.Name] : [];

    private static string OneLine(Exception ex)
    {
        // (A settings file that is not JSON: where it breaks, as the server's failed start says it; its outer message alone
        // was "Failed to load configuration from file '…'", not where.)
        var message = ex switch
        {
            OptionsValidationException ov => string.Join("; ", ov.Failures),
            InvalidDataException => Hosting.ServerRun.Reasons(ex),
            _ => ex.Message,
        };
        return message.ReplaceLineEndings(" ").Trim();
    }

    internal static void ValidateOptions(IServiceProvider provider)
    {
        _ = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<Core.Answers.AnswerOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<Search.SearchOptions>>().Value;
    }
}
