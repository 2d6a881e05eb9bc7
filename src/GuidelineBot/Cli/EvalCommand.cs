using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GuidelineBot.Core.Answers;
using GuidelineBot.Search;

namespace GuidelineBot.Cli;

/// <summary>
/// <c>eval FILE [--sections KEYS]</c>: scores a question set (<c>question TAB keys</c>, <c>NONE</c> = must decline)
/// against section keys (<c>key TAB heading-regex TAB phrase|phrase</c>), prints each miss and the totals.
/// </summary>
internal static class EvalCommand
{
    private const int WarmUpQuestions = 20;

    /// <summary>
    /// The question's words in reverse order, to warm up on: null when that is cached under the same key as one of the
    /// <paramref name="measured"/> questions (<see cref="AnswerCache.KeyOf"/>), which the warm-up would then answer into
    /// the cache.
    /// </summary>
    internal static string? WarmUpText(string question, IReadOnlySet<string> measured)
    {
        var reversed = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Reverse());
        return measured.Contains(AnswerCache.KeyOf(reversed)) ? null : reversed;
    }

    public static Command Create(CliContext cli)
    {
        var (output, errors) = (cli.Output, cli.Errors);
        var file = new Argument<FileInfo>("file") { Description = "Questions: question<TAB>comma-separated keys or NONE." };
        var sections = new Option<FileInfo?>("--sections") { Description = "Section keys (default: sections.tsv beside FILE)." };
        var verbose = new Option<bool>("--verbose") { Description = "Print every question, not only the misses." };
        var features = new Option<FileInfo?>("--features") { Description = "Also write every candidate's ranking features (TSV) for tests/eval/fit.py; a missing folder is created." }
            .WithChecks("features.tsv", "the scores go to standard output");
        var command = new Command("eval", "Score the answer engine on a question set.") { file, sections, verbose, features };
        command.SetAction(async (parse, ct) =>
        {
            var questionsFile = parse.GetValue(file)!;
            var keysFile = parse.GetValue(sections) ?? new FileInfo(Path.Combine(questionsFile.DirectoryName ?? ".", "sections.tsv"));
            if (!questionsFile.Exists)
            {
                throw new FileNotFoundException($"question file '{questionsFile.FullName}' not found");
            }

            if (!keysFile.Exists)
            {
                throw new FileNotFoundException($"section keys '{keysFile.FullName}' not found (use --sections)");
            }

            var keys = ReadKeys(keysFile.FullName);
            var questions = ReadQuestions(questionsFile.FullName, keys);
            var engine = cli.BuildEngine();
            var answers = engine.GetRequiredService<AnswerService>();
            var search = engine.GetRequiredService<IGuidelineSearch>().Snapshot as LuceneGuidelineSearch;
            // Warm up (JIT, first allocations) so the timing below is the steady state; with the words in reverse order, so
            // that the measured pass finds none of its questions' replies in the cache.
            var measured = questions.Select(q => AnswerCache.KeyOf(q.Question)).ToHashSet();
            foreach (var (question, _) in questions.Take(WarmUpQuestions))
            {
                if (WarmUpText(question, measured) is { } warmUp)
                {
                    answers.Ask(warmUp, ct);
                }
            }

            var encodedBefore = search?.EncodedQuestions ?? 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var lines = new List<string>();
            int inScope = 0, inScopeRight = 0, offTopic = 0, offTopicRight = 0, confidentWrong = 0;
            foreach (var (question, expected) in questions)
            {
                var reply = answers.Ask(question, ct);
                var answer = reply as AnswerReply;
                bool right;
                if (expected.Count == 0)
                {
                    offTopic++;
                    right = answer is null;
                    offTopicRight += right ? 1 : 0;
                }
                else
                {
                    inScope++;
                    right = answer is not null && expected.Any(k => keys[k].Matches(answer.Section.Heading, answer.Text));
                    inScopeRight += right ? 1 : 0;
                }

                if (!right && answer is not null)
                {
                    confidentWrong++;
                }

                if (!right || parse.GetValue(verbose))
                {
                    var got = answer is null ? Declined(reply as NoAnswerReply)
                        : string.Create(CultureInfo.InvariantCulture, $"“{answer.Section.Heading}” ({answer.Score:0.00})");
                    var want = expected.Count == 0 ? "NONE" : string.Join(",", expected);
                    lines.Add($"{(right ? "ok  " : "MISS")}  {question}  →  {got}; want {want}");
                }
            }

            var elapsed = clock.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var encoded = (search?.EncodedQuestions ?? 0) - encodedBefore;

            // After the measured pass (and its count of encoded questions): the dump encodes every question, which would
            // fill the question-vector cache.
            if (parse.GetValue(features) is { } featuresFile && search is not null)
            {
                await FeatureDump.WriteAsync(featuresFile.FullName, search, questions.Select(q => (q.Question, q.Keys.Select(k => (Func<string, string, bool>)keys[k].Matches))), ct);
            }

            foreach (var line in lines)
            {
                await output.WriteLineAsync(line);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"model used: {encoded}/{questions.Count} ({100.0 * encoded / questions.Count:0}%); per question: {elapsed.TotalMilliseconds / questions.Count:0.000} ms wall, {cpu.TotalMilliseconds / questions.Count:0.000} ms CPU"));

            var total = inScope + offTopic;
            var totalRight = inScopeRight + offTopicRight;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"in scope: {inScopeRight}/{inScope} right; off-topic: {offTopicRight}/{offTopic} declined; wrong answers given: {confidentWrong}; total: {totalRight}/{total} ({100.0 * totalRight / total:0.0}%)"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// "no answer (best 0.45: “Heading”)": how close the decline was, and the first "did you mean" it offered (none when
    /// nothing matched at all: the suggestions are then the knowledge's first sections, no near miss).
    /// </summary>
    private static string Declined(NoAnswerReply? reply) =>
        reply is { Score: > 0, Suggestions.Count: > 0 }
            ? string.Create(CultureInfo.InvariantCulture, $"no answer (best {reply.Score:0.00}: “{reply.Suggestions[0].Heading}”)")
            : string.Create(CultureInfo.InvariantCulture, $"no answer (best {reply?.Score ?? 0:0.00})");

    /// <param name="Where">The key's file and line, for an error.</param>
    private sealed record Key(Regex Heading, string[] Phrases, string Where)
    {
        public bool Matches(string heading, string text)
        {
            var h = Normalize(heading);
            var t = Normalize(text);
            try
            {
                return Heading.IsMatch(h) || Phrases.Any(p => p.Length > 0 && t.Contains(p, StringComparison.Ordinal));
            }
            catch (RegexMatchTimeoutException ex)
            {
                throw new FormatException($"{Where}: heading regex took more than {ex.MatchTimeout.TotalSeconds:0} s on \"{h}\": make it simpler");
            }
        }

        private static string Normalize(string s) =>
            s.ToLowerInvariant().Replace('“', '"').Replace('”', '"').Replace('’', '\'').Replace('‘', '\'');
    }

    private static Dictionary<string, Key> ReadKeys(string path)
    {
        var keys = new Dictionary<string, Key>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2)
            {
                throw new FormatException($"{path}:{lineNo}: expected key<TAB>heading-regex<TAB>phrases");
            }

            Regex heading;
            try
            {
                heading = new Regex(parts[1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (RegexParseException ex)
            {
                throw new FormatException($"{path}:{lineNo}: heading regex is not valid: {ex.Message}");
            }

            var phrases = parts.Length > 2 ? parts[2].Split('|').Select(p => p.Trim().ToLowerInvariant()).ToArray() : [];
            keys[parts[0].Trim()] = new Key(heading, phrases, $"{path}:{lineNo}");
        }

        return keys;
    }

    private static List<(string Question, IReadOnlyList<string> Keys)> ReadQuestions(string path, Dictionary<string, Key> keys)
    {
        var list = new List<(string, IReadOnlyList<string>)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2)
            {
                throw new FormatException($"{path}:{lineNo}: expected question<TAB>keys");
            }

            if (parts[0].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{lineNo}: the question is empty");
            }

            var mustDecline = parts[1].Trim() == "NONE";
            var expected = mustDecline ? [] : parts[1].Split(',').Select(k => k.Trim()).Where(k => k.Length > 0).ToArray();
            if (expected.Length == 0 && !mustDecline)
            {
                throw new FormatException($"{path}:{lineNo}: no section keys (NONE for a question the bot must decline)");
            }

            foreach (var k in expected)
            {
                if (!keys.ContainsKey(k))
                {
                    throw new FormatException($"{path}:{lineNo}: unknown section key '{k}'");
                }
            }

            list.Add((parts[0].Trim(), expected));
        }

        return list.Count > 0 ? list : throw new FormatException($"{path}: no questions (expected question<TAB>keys lines)");
    }
}
