using System.CommandLine;
using System.Text;

namespace GuidelineBot.Cli;

/// <summary><c>topics</c>: every document and its sections, with where each comes from.</summary>
internal static class TopicsCommand
{
    public static Command Create(CliContext cli)
    {
        var (output, errors) = (cli.Output, cli.Errors);
        var command = new Command("topics", "List the guideline documents and their sections.");
        command.SetAction(async (_, _) =>
        {
            var knowledge = cli.LoadKnowledge(cli.BuildEngine());
            var sb = new StringBuilder();
            foreach (var d in knowledge.Documents)
            {
                sb.AppendLine($"{d.Title}  [{d.SourceFile}, version {d.ShortHash}]");
                if (d.Metadata.SourceUrl is not null)
                {
                    sb.AppendLine($"  source: {d.Metadata.SourceUrl}");
                }

                foreach (var s in d.Sections)
                {
                    sb.AppendLine($"  • {s.HeadingPath}  ({s.StartLine}-{s.EndLine})");
                }

                sb.AppendLine();
            }

            if (knowledge.Documents.Count == 0)
            {
                sb.AppendLine("No guideline documents are loaded.");
            }

            await output.WriteAsync(sb.ToString());
            return knowledge.Documents.Count == 0 ? 1 : 0;
        });
        return command;
    }
}
