using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GuidelineBot.Core.Answers;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>ask [--json] [question…]</c>; <c>ask --json</c> without a question answers one question per stdin line (blank lines skipped). The approved
/// expert answers count too when the configured store exists.
/// </summary>
internal static class AskCommand
{
    /// <summary>Here rather than in <see cref="CliApp"/>, whose static fields every server start initialises.</summary>
    private static readonly JsonSerializerOptions Json = new(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The longest question taken from the command line, in UTF-8 bytes. Only its first 2,000 characters count anyway,
    /// and ONNX Runtime (which runs the model) reads <c>/proc/self/cmdline</c> as it starts and overflows its stack on a
    /// long one, which ends the process; what counts is the bytes (1.30.0 here: 24 KB fine, 32 KB a crash, so 16,384
    /// accented letters were one), also when started on a thread-pool thread.
    /// </summary>
    public const int MaxArgumentBytes = 16_384;

    public static Command Create(CliContext cli)
    {
        var (output, errors, input) = (cli.Output, cli.Errors, cli.Input);
        var json = new Option<bool>("--json") { Description = "Print JSON: one object per question." };
        var words = new Argument<string[]>("question") { Description = "The question (quote it, or just type the words).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("ask", "Answer a question from the guidelines.") { json, words };
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(words) ?? [];
            if (given.FirstOrDefault(LooksLikeOption) is { } unknown)
            {
                await errors.WriteLineAsync($"error: unknown option '{unknown}' (see ask --help; to ask a question that starts with it, quote the whole question)");
                return 2;
            }

            var question = string.Join(' ', given);
            var asJson = parse.GetValue(json);
            if (given.Length > 0 && IsBlank(question))
            {
                // An empty quoted question (ask --json "") is a mistake, not a request to read standard input.
                await errors.WriteLineAsync("error: the question is empty, e.g. ask \"can I friend parents?\" (ask --json with no question reads questions from stdin)");
                return 2;
            }

            if (question.Length == 0 && !asJson)
            {
                await errors.WriteLineAsync("error: ask needs a question, e.g. ask \"can I friend parents?\" (or ask --json to read questions from stdin)");
                return 2;
            }

            if (Encoding.UTF8.GetByteCount(question) is var bytes && bytes > MaxArgumentBytes)
            {
                await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"error: the question is {bytes:N0} bytes long; at most {MaxArgumentBytes:N0} on the command line (give a longer one on standard input: ask --json)"));
                return 2;
            }

            var answers = cli.BuildEngine(CliContext.AddExistingStore).GetRequiredService<AnswerService>();
            if (question.Length > 0)
            {
                await WriteAsync(output, answers.Ask(question, ct), asJson);
                return 0;
            }

            while (await input.ReadLineAsync(ct) is { } line)
            {
                if (!IsBlank(line))
                {
                    await WriteAsync(output, answers.Ask(line, ct), asJson: true);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Nothing to ask: white space and control characters only (a line of NULs), which the engine reads as nothing.</summary>
    private static bool IsBlank(string text) => text.All(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>
    /// A word like <c>-x</c> or <c>--jsn</c> (a dash, then a letter or dash, no space), which the parser leaves as a question
    /// word; a quoted question with spaces (<c>"-x marks the spot?"</c>) or a number (<c>-5</c>) is not.
    /// </summary>
    private static bool LooksLikeOption(string word) =>
        word is ['-', var next, ..] && (next == '-' || char.IsAsciiLetter(next)) && !word.Any(char.IsWhiteSpace);

    private static async Task WriteAsync(TextWriter output, Reply reply, bool asJson)
    {
        if (asJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(AskJson.From(reply), Json));
        }
        else
        {
            await output.WriteLineAsync(ReplyText.Render(reply));
            if (reply is AnswerReply a)
            {
                await output.WriteLineAsync($"Confidence: {a.Score:0.00}");
            }
        }

        await output.FlushAsync();
    }
}
