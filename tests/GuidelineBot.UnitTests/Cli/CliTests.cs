using System.Text.Json;
using GuidelineBot.Cli;
using GuidelineBot.Core.Answers;

namespace GuidelineBot.UnitTests.Cli;

/// <summary>The command line as acceptance drives it: exit codes, stdout/stderr and the <c>ask --json</c> contract.</summary>
public sealed class CliTests
{
    private static readonly Dictionary<string, string?> RepoKnowledge = new() { ["Knowledge:Path"] = TestPaths.Knowledge };

    private static async Task<(int Exit, string Out, string Err)> Run(string[] args, string? stdin = null, Dictionary<string, string?>? settings = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // The index in memory, unless a test says otherwise: tests running beside these save and prune indexes in the same
        // working folder, and a copy pruned while a command reads it is a warning on the error output.
        var configuration = new Dictionary<string, string?>(settings ?? RepoKnowledge);
        configuration.TryAdd("Search:IndexCachePath", "");
        var exit = await CliApp.RunAsync(args, stdout, stderr, new StringReader(stdin ?? ""), configuration);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Ask_prints_heading_text_and_citation()
    {
        var (exit, output, _) = await Run(["ask", "can I friend parents?"]);
        Assert.Equal(0, exit);
        Assert.Contains("Can I “friend” or “follow” parents and/or alumni?", output);
        Assert.Contains("extreme caution", output);
        Assert.Contains("Source: Staff Social Media Guidelines and Best Practices ›", output);
    }

    [Fact]
    public async Task Ask_json_prints_one_object_with_the_contract_fields()
    {
        var (exit, output, _) = await Run(["ask", "--json", "can I post anonymously?"]);
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("can I post anonymously?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Equal("Staff Social Media Guidelines and Best Practices", root.GetProperty("document").GetString());
        Assert.Equal("Can I post anonymously?", root.GetProperty("section").GetString());
        Assert.Contains("Do not blog anonymously", root.GetProperty("text").GetString());
        Assert.Contains("staff-social-media-guidelines.txt:44-46", root.GetProperty("citation").GetString());
        Assert.InRange(root.GetProperty("score").GetDouble(), 0.5, 1.0);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("suggestions").ValueKind);
    }

    [Fact]
    public async Task Ask_json_without_a_question_answers_each_stdin_line_in_order()
    {
        var (exit, output, _) = await Run(["ask", "--json"], "can I friend parents?\nwhat's the weather tomorrow\nis this enforceable\n");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["can I friend parents?", "what's the weather tomorrow", "is this enforceable"], objects.Select(o => o.GetProperty("question").GetString()));
        Assert.True(objects[0].GetProperty("answered").GetBoolean());
        Assert.False(objects[1].GetProperty("answered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, objects[1].GetProperty("section").ValueKind);
        Assert.InRange(objects[1].GetProperty("suggestions").GetArrayLength(), 1, 3);
        Assert.Equal("Is this enforceable?", objects[2].GetProperty("section").GetString());
    }

    [Fact]
    public async Task Ask_json_from_stdin_skips_blank_lines()
    {
        // A line of control characters alone (NULs) reads as nothing too: no empty question answered with the help text.
        var (exit, output, _) = await Run(["ask", "--json"], "\ncan I friend parents?\n   \n\u0000\u0000\u0007\n\nis this enforceable\n\n");
        Assert.Equal(0, exit);
        var questions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString());
        Assert.Equal(["can I friend parents?", "is this enforceable"], questions);
    }

    [Theory]
    [InlineData("ask", "--json", "")]
    [InlineData("ask", "", "  ")]
    [InlineData("ask", "\t")]
    [InlineData("ask", "\u0000\u0000")]
    public async Task An_empty_quoted_question_is_an_error_not_a_read_of_stdin(params string[] args)
    {
        var (exit, output, error) = await Run(args, "can I friend parents?\n");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: the question is empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onboarding")]
    [InlineData("questions")]
    [InlineData("feedback")]
    public async Task A_report_csv_that_is_a_folder_or_under_a_file_is_refused_before_the_report_runs(string report)
    {
        var folder = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);

        var (exit, output, error) = await Run(["report", report, "--csv", folder]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"error: --csv needs a file name, and {folder} is a folder (e.g. --csv {Path.Combine(folder, "report.csv")})", error, StringComparison.Ordinal);

        // An empty name was an unhandled exception (exit 134).
        var (emptyExit, _, emptyError) = await Run(["report", report, "--csv", ""]);
        Assert.Equal(2, emptyExit);
        Assert.StartsWith("error: --csv needs a file name, e.g. --csv report.csv", emptyError, StringComparison.Ordinal);

        // "-" wrote a file of that name in the current folder.
        var (dashExit, _, dashError) = await Run(["report", report, "--csv", "-"]);
        Assert.Equal(2, dashExit);
        Assert.StartsWith("error: --csv needs a file name, e.g. --csv report.csv (the report itself goes to standard output)", dashError, StringComparison.Ordinal);
        Assert.False(File.Exists("-"));

        // Under a file: "The file '…' already exists." once the report had run.
        using var temp = new TestPaths.TempFolder();
        var file = temp.Write("notes.txt", "x");
        var (underExit, underOutput, underError) = await Run(["report", report, "--csv", Path.Combine(file, "sub", "q.csv")]);
        Assert.Equal(2, underExit);
        Assert.Equal("", underOutput);
        Assert.StartsWith($"error: --csv cannot be written to {Path.Combine(file, "sub", "q.csv")}: {file} is a file, not a folder", underError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("package", "teams", "--app-id", "abc\ndef")]
    [InlineData("report", "questions", "--since", "2026\nfoo")]
    [InlineData("healthcheck", "--url", "x\u001B[31my")]
    public async Task An_argument_echoed_in_an_error_keeps_the_error_on_one_line_and_its_control_characters_escaped(params string[] args)
    {
        var (exit, _, error) = await Run(args);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\u001B', line);
        Assert.True(line.Contains("abc\\ndef", StringComparison.Ordinal) || line.Contains("2026\\nfoo", StringComparison.Ordinal)
                    || line.Contains("x\\u001B[31my", StringComparison.Ordinal), line);
    }

    [Fact]
    public async Task Ask_takes_a_quoted_question_that_starts_with_a_dash()
    {
        var (exit, output, error) = await Run(["ask", "--json", "-can I post anonymously?"]);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("-can I post anonymously?", JsonDocument.Parse(output).RootElement.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Topics_lists_documents_and_sections()
    {
        var (exit, output, _) = await Run(["topics"]);
        Assert.Equal(0, exit);
        Assert.Contains("Staff Social Media Guidelines and Best Practices", output);
        Assert.Contains("Can I post anonymously?", output);
        Assert.Contains("About these guidelines", output);
    }

    [Fact]
    public async Task Eval_scores_a_question_file_and_prints_misses_and_totals()
    {
        using var folder = new TestPaths.TempFolder();
        var keys = folder.Write("sections.tsv", "# key\tregex\tphrases\nA\tpost anonymously\tdo not blog anonymously\nB\tenforceable\tdisciplinary action\n");
        var questions = folder.Write("q.tsv", "# q\tkeys\ncan I post anonymously\tA\ncan I post anonymously\tB\nwhat's the weather tomorrow\tNONE\n");
        var (exit, output, _) = await Run(["eval", questions, "--sections", keys]);
        Assert.Equal(0, exit);
        Assert.Contains("MISS  can I post anonymously", output);
        Assert.Contains("in scope: 1/2 right; off-topic: 1/1 declined; wrong answers given: 1; total: 2/3", output);
    }

    [Fact]
    public async Task A_warning_about_a_whole_file_names_no_line()
    {
        // A file whose name is not UTF-8 is refused as a whole: "(line 0)" said nothing.
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes.\n");
        var start = new System.Diagnostics.ProcessStartInfo("sh") { WorkingDirectory = folder.Path };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf 'Cafe rules\\n\\nQ: Coffee?\\n- No.\\n' > \"$(printf 'caf\\351.txt')\"");
        using (var printf = System.Diagnostics.Process.Start(start)!)
        {
            printf.WaitForExit();
            Assert.Equal(0, printf.ExitCode);
        }

        var (exit, _, error) = await Run(["topics"], settings: new Dictionary<string, string?> { ["Knowledge:Path"] = folder.Path, ["Search:Reranker"] = "None" });

        Assert.Equal(0, exit);
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning: Skipped knowledge file ", warning, StringComparison.Ordinal);
        Assert.EndsWith(".txt: the file's name is not valid UTF-8, so it cannot be opened: rename it", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_warns_of_a_broken_file_without_promising_an_earlier_version()
    {
        // A command line loads once: "its last good version, if any, stays live" (a reload's words) promised nothing real.
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes, with the principal's consent.\n");
        folder.Write("broken.md", "");

        var (exit, output, error) = await Run(["ask", "cats in class?"], settings: new Dictionary<string, string?> { ["Knowledge:Path"] = folder.Path, ["Search:Reranker"] = "None" });

        Assert.Equal(0, exit);
        Assert.Contains("principal's consent", output, StringComparison.Ordinal);
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning: Skipped knowledge file ", warning, StringComparison.Ordinal);
        Assert.Contains("broken.md", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("stays live", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_measures_every_question_afresh_after_its_warm_up_and_counts_only_the_measured_encodings()
    {
        // Both questions need the model (no section shares a word with them). The warm-up asks the first questions of
        // the set before the measured pass; if it cached their replies, the pass would encode none of them.
        using var folder = new TestPaths.TempFolder();
        var keys = folder.Write("sections.tsv", "# key\tregex\tphrases\nA\tpost anonymously\tdo not blog anonymously\n");
        var questions = folder.Write("q.tsv", "# q\tkeys\nwhat's the capital of france\tNONE\nhow do i renew my teaching credential\tNONE\n");
        var settings = new Dictionary<string, string?> { ["Knowledge:Path"] = TestPaths.Knowledge, ["Search:Reranker"] = "MiniLM" };

        // The features dump encodes every question once more, after the measured pass: it must not count.
        var (exit, output, _) = await Run(["eval", questions, "--sections", keys, "--features", Path.Combine(folder.Path, "f.tsv")], settings: settings);

        Assert.Equal(0, exit);
        Assert.Contains("off-topic: 2/2 declined", output);
        Assert.Contains("model used: 2/2 (100%)", output);
    }

    [Theory]
    [InlineData("can I friend parents?", "parents? friend I can")]
    [InlineData("  two \u00a0 words ", "words two")]
    [InlineData("anonymously?", null)]
    [InlineData("Post post", null)]
    [InlineData("teachers friend parents", null)]
    public void The_warm_up_asks_the_words_in_reverse_order_and_never_a_measured_question(string question, string? expected)
    {
        var measured = new[] { question, "Parents  friend TEACHERS" }.Select(AnswerCache.KeyOf).ToHashSet();
        Assert.Equal(expected, EvalCommand.WarmUpText(question, measured));
    }

    [Fact]
    public async Task Eval_features_writes_a_row_per_candidate_and_copies_of_one_section_share_their_text_key()
    {
        using var folder = new TestPaths.TempFolder();
        File.Copy(TestPaths.Seed, Path.Combine(folder.Path, "seed.txt"));
        File.Copy(TestPaths.Seed, Path.Combine(folder.Path, "seed-copy.txt"));
        var keys = folder.Write("sections.tsv", "# key\tregex\tphrases\nA\tpost anonymously\tdo not blog anonymously\n");
        var questions = folder.Write("q.tsv", "# q\tkeys\ncan I post anonymously\tA\n");
        // (A missing folder is created, as for report --csv: it was "Could not find a part of the path" after the eval.)
        var dump = Path.Combine(folder.Path, "dumps", "features.tsv");
        var settings = new Dictionary<string, string?> { ["Knowledge:Path"] = folder.Path, ["Search:Reranker"] = "None" };

        var (exit, output, _) = await Run(["eval", questions, "--sections", keys, "--features", dump], settings: settings);
        Assert.Equal(0, exit);
        Assert.Contains("in scope: 1/1 right", output);
        var lines = File.ReadAllLines(dump);
        var header = lines[0].Split('\t');
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToArray();
        int Column(string name) => Array.IndexOf(header, name);
        var anonymous = rows.Where(r => r[Column("section")] == "Can I post anonymously?").ToArray();
        Assert.Equal(2, anonymous.Length);
        Assert.All(anonymous, r => Assert.Equal("1", r[Column("right")]));
        Assert.Equal(anonymous[0][Column("text_key")], anonymous[1][Column("text_key")]);
        Assert.All(rows.GroupBy(r => r[Column("text_key")]), copies => Assert.InRange(copies.Count(), 1, 2));
    }

    [Fact]
    public async Task Eval_features_naming_a_folder_is_refused_naming_the_option_before_the_eval_runs()
    {
        using var folder = new TestPaths.TempFolder();
        var keys = folder.Write("sections.tsv", "# key\tregex\tphrases\nA\tpost anonymously\tdo not blog anonymously\n");
        var questions = folder.Write("q.tsv", "# q\tkeys\ncan I post anonymously\tA\n");
        var settings = new Dictionary<string, string?> { ["Knowledge:Path"] = TestPaths.Knowledge, ["Search:Reranker"] = "None" };

        // It said "Access to the path '…' is denied." after the whole eval had run.
        var (exit, output, error) = await Run(["eval", questions, "--sections", keys, "--features", folder.Path], settings: settings);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"error: --features needs a file name, and {folder.Path} is a folder (e.g. --features {Path.Combine(folder.Path, "features.tsv")})",
            error, StringComparison.Ordinal);

        // A folder that is not there yet, named with its closing slash.
        var notYet = Path.Combine(folder.Path, "dumps") + "/";
        var (slashExit, _, slashError) = await Run(["eval", questions, "--sections", keys, "--features", notYet], settings: settings);
        Assert.Equal(2, slashExit);
        Assert.StartsWith($"error: --features needs a file name, and {notYet} names a folder (e.g. --features {notYet}features.tsv)", slashError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(notYet));
    }

    [Fact]
    public async Task Missing_knowledge_folder_is_one_clear_line_and_a_non_zero_exit()
    {
        var (exit, output, error) = await Run(["ask", "hi"], settings: new() { ["Knowledge:Path"] = "/nonexistent/knowledge" });
        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: knowledge folder '/nonexistent/knowledge' not found", line);
        Assert.DoesNotContain(" at ", line);
    }

    [Fact]
    public async Task A_broken_file_is_a_warning_naming_file_and_line_and_the_rest_still_answers()
    {
        using var folder = new TestPaths.TempFolder();
        File.Copy(TestPaths.Seed, Path.Combine(folder.Path, "seed.txt"));
        folder.Write("broken.md", "---\ntitle: x\n");
        var (exit, output, error) = await Run(["ask", "--json", "can I post anonymously"], settings: new() { ["Knowledge:Path"] = folder.Path });
        Assert.Equal(0, exit);
        Assert.Contains("broken.md", error);
        Assert.Contains("line 1", error);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("answered").GetBoolean());
    }

    [Theory]
    [InlineData("ask", "--nope")]
    [InlineData("ask", "-x")]
    [InlineData("ask", "can", "I", "-j")]
    [InlineData("eval")]
    [InlineData("topics", "extra")]
    public async Task Bad_arguments_exit_non_zero_with_one_line(params string[] args)
    {
        var (exit, _, error) = await Run(args);
        Assert.NotEqual(0, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://127.0.0.1:5000")]
    [InlineData(false, "--environment=Production")]
    [InlineData(false, "Knowledge:Path=/srv/knowledge")]
    [InlineData(false, "/urls", "http://127.0.0.1:5000")]
    [InlineData(true, "ask", "hi")]
    [InlineData(true, "--help")]
    [InlineData(true, "/?")]
    [InlineData(true, "/h")]
    [InlineData(true, "help")]
    [InlineData(true, "tpoics")]
    public void Configuration_or_nothing_starts_the_server_and_any_first_word_is_the_command_line(bool command, params string[] args) =>
        Assert.Equal(command, CliApp.IsCommand(args));

    [Fact]
    public async Task An_unknown_command_is_one_line_naming_the_commands()
    {
        var (exit, output, error) = await Run(["tpoics"]);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("error: unknown command 'tpoics' (commands: ask, topics, eval, report, package, healthcheck, knowledge; see --help)",
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("error: unknown report command 'foo' (commands: onboarding, questions, feedback; see report --help)", "report", "foo")]
    [InlineData("error: unknown package command 'slack' (commands: teams; see package --help)", "package", "slack")]
    [InlineData("error: missing package command (commands: teams; see package --help)", "package")]
    [InlineData("error: unknown option '--bogus': report needs a command first (commands: onboarding, questions, feedback; see report --help)", "report", "--bogus")]
    [InlineData("error: unknown option '--bogus' (see topics --help)", "topics", "--bogus")]
    [InlineData("error: unknown option '--bogus' (see report onboarding --help)", "report", "onboarding", "--bogus")]
    [InlineData("error: Unrecognized command or argument '/tmp/extra.tsv'. (see topics --help)", "topics", "/tmp/extra.tsv")]
    public async Task A_mistyped_or_missing_command_or_option_is_one_line_pointing_at_help(string expected, params string[] args)
    {
        var (exit, _, error) = await Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(expected, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Help_is_the_usage()
    {
        var (exit, output, error) = await Run(["help"]);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("Commands:", output);
        Assert.Contains("topics", output);
        Assert.Contains("With no command it runs the bot server", output);

        var (askExit, askOutput, _) = await Run(["help", "ask"]);
        Assert.Equal(0, askExit);
        Assert.Contains("--json", askOutput);

        // (It printed the general help and exited 0.)
        var (unknownExit, unknownOutput, unknownError) = await Run(["help", "frobnicate"]);
        Assert.Equal(2, unknownExit);
        Assert.Equal("", unknownOutput);
        Assert.StartsWith("error: unknown command 'frobnicate' (commands: ask, topics,", unknownError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("99999999")]
    public async Task Stuck_days_that_are_not_days_are_a_parse_error(string days)
    {
        var (exit, _, error) = await Run(["report", "onboarding", "--stuck-days", days]);
        Assert.Equal(2, exit);
        Assert.Equal($"error: --stuck-days must be a whole number of days, 0 to 3,653, not '{days}' (see report onboarding --help)",
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Ask_with_a_question_too_long_for_the_command_line_is_an_error_before_the_engine_starts()
    {
        var (exit, output, error) = await Run(["ask", "--json", new string('x', 16_000), new string('y', 1_000)]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("error: the question is 17,001 bytes long; at most 16,384 on the command line (give a longer one on standard input: ask --json)",
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));

        // What counts is the bytes: 9,000 accented letters are 18,000 (16,384 of them ended the process in ONNX Runtime).
        var (accented, _, accentedError) = await Run(["ask", new string('é', 9_000)]);
        Assert.Equal(2, accented);
        Assert.StartsWith("error: the question is 18,000 bytes long; at most 16,384", accentedError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A\tpost anonymously\t\nB\t[unclosed\t\n", 3, "heading regex is not valid: ")]
    // Catastrophic backtracking (2^n steps on a heading of n characters, here 43): the match times out (1 s).
    [InlineData("A\t^(.*)*$x\t\n", 2, "heading regex took more than 1 s on ")]
    public async Task Eval_with_a_heading_regex_that_is_invalid_or_runs_too_long_names_the_file_and_line(string sections, int lineNo, string message)
    {
        using var folder = new TestPaths.TempFolder();
        var keys = folder.Write("sections.tsv", "# key\tregex\tphrases\n" + sections);
        var questions = folder.Write("q.tsv", "what can and can't I share on social media\tA\n");
        var (exit, _, error) = await Run(["eval", questions, "--sections", keys]);
        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {keys}:{lineNo}: {message}", line);
    }

    [Theory]
    [InlineData("", "q.tsv: no questions")]
    [InlineData("# only a comment\n\n", "q.tsv: no questions")]
    [InlineData("can I post anonymously\tA\n\tNONE\n", "q.tsv:2: the question is empty")]
    [InlineData("can I post anonymously\tA\nwhat is for lunch\t \n", "q.tsv:2: no section keys (NONE for a question the bot must decline)")]
    public async Task Eval_without_questions_or_with_an_empty_one_is_an_error(string content, string expected)
    {
        using var folder = new TestPaths.TempFolder();
        var keys = folder.Write("sections.tsv", "A\tpost anonymously\t\n");
        var questions = folder.Write("q.tsv", content);
        var (exit, output, error) = await Run(["eval", questions, "--sections", keys]);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(expected, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Eval_with_a_missing_file_is_a_clear_error()
    {
        var (exit, _, error) = await Run(["eval", "/nonexistent/questions.tsv"]);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: question file", error);
    }
}
