using System.CommandLine;
using GuidelineBot.Core.Knowledge;
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
