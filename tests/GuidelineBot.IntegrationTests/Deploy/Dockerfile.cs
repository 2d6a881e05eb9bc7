using System.Text;
using System.Text.Json;

namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>A small reader for deploy/docker/Dockerfile: stages, their instructions, ENV values, shell words.</summary>
public sealed record Dockerfile(IReadOnlyList<DockerStage> Stages)
{
    public static string DefaultPath => Path.Combine(DeployTools.DeployFolder, "docker", "Dockerfile");

    public static Dockerfile Load(string? path = null)
    {
        var stages = new List<DockerStage>();
        var logical = new StringBuilder();
        foreach (var raw in File.ReadAllLines(path ?? DefaultPath))
        {
            var line = raw.Trim();
            if (logical.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical.Append(line[..^1]).Append(' ');
                continue;
            }

            logical.Append(line);
            var text = logical.ToString().Trim();
            logical.Clear();
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new DockerInstruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim());
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new DockerStage(words[0], words.Length == 3 ? words[2] : null, []));
            }

            stages[^1].Instructions.Add(instruction);
        }

        return new Dockerfile(stages);
    }

    /// <summary>Splits a shell command line into words (single and double quotes, no expansion).</summary>
    public static IReadOnlyList<string> ShellWords(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}

public sealed record DockerInstruction(string Keyword, string Arguments);

public sealed record DockerStage(string From, string? Name, List<DockerInstruction> Instructions)
{
    public string? Last(string keyword) => Instructions.LastOrDefault(i => i.Keyword == keyword)?.Arguments;

    public string WorkDir => Last("WORKDIR") ?? "/";

    /// <summary>Every ENV of the stage (<c>KEY=value</c> pairs, quotes removed).</summary>
    public IReadOnlyDictionary<string, string> Env =>
        Instructions.Where(i => i.Keyword == "ENV")
            .SelectMany(i => Dockerfile.ShellWords(i.Arguments))
            .Select(w => w.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    public IReadOnlyList<string> EntryPoint => JsonSerializer.Deserialize<string[]>(Last("ENTRYPOINT") ?? "[]")!;
}
