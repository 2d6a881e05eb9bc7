using System.Text;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary>Whatever a file holds, the loader either parses it or reports a line-numbered error: never anything else.</summary>
public sealed class ParserRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "", "", "   ", "---", "...", "title: T", "source: https://example.org/x", "last_reviewed: 2025-01-01", "owner: A",
        "# Title", "## Heading?", "### Sub", "#", "Q: Question?", "Q:", "A: answer", "- bullet", " - nested", "  - nested 2",
        "* star", "1. one", "Plain text line", "lower case continuation", "**Bold question?**", "```", "~~~", "<!-- c", "-->",
        "> quote", "| a | b |", "|---|---|", "====", "----", "[link](http://x)", "`code`", "_em_", "\t- tab bullet",
        "Is this a question?", "😀 emoji", "\u201Ccurly\u201D quotes", "key: [unclosed", ": bad yaml", "title: [a, b]",
    ];

    [Theory]
    [InlineData(".md")]
    [InlineData(".txt")]
    public void Random_documents_parse_or_fail_with_a_line(string extension)
    {
        var random = new Random(20261128);
        int parsed = 0, rejected = 0;
        for (var n = 0; n < 400; n++)
        {
            var lines = Enumerable.Range(0, random.Next(0, 25)).Select(_ => Fragments[random.Next(Fragments.Length)]);
            var text = string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines);
            var lineCount = text.Split('\n').Length;
            try
            {
                var doc = KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(text), "doc" + extension, "doc" + extension);
                parsed++;
                Assert.NotEmpty(doc.Sections);
                Assert.All(doc.Sections, s =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(s.Heading));
                    Assert.NotEmpty(s.Passages);
                    Assert.InRange(s.StartLine, 1, lineCount);
                    Assert.InRange(s.EndLine, s.StartLine, lineCount);
                });
            }
            catch (KnowledgeFormatException ex)
            {
                rejected++;
                Assert.InRange(ex.Line, 1, Math.Max(1, lineCount));
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }

        // Both outcomes occur, so the loop really exercised the parser.
        Assert.True(parsed > 50, $"parsed {parsed}");
        Assert.True(rejected > 10, $"rejected {rejected}");
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>Shapes a fuzz found: each used to overflow the stack, throw another exception or take seconds.</summary>
    public static TheoryData<string, string, string> Extremes() => new()
    {
        { "emphasis nested 26,000 deep", "deep.md", Repeat("**", 26_000) + "a" + Repeat("**", 26_000) },
        { "quotes nested inside an HTML block", "html.md", "x\n\n<div>\n" + new string('>', 128) + " x\n</div>\n" },
        { "a YAML list left open", "open.md", "---\na: [\nb\n---\nT\n\ntext\n" },
        { "YAML lists nested 30,000 deep", "block.md", "---\nx:\n" + Repeat("- ", 30_000) + "a\n---\nT\n\ntext\n" },
        { "YAML flow lists nested 30,000 deep", "flow.md", "---\nx: " + Repeat("[", 30_000) + Repeat("]", 30_000) + "\n---\n# T\n\ntext\n" },
        { "YAML flow mappings nested 20,000 deep", "map.md", "---\nx: " + Repeat("{a: ", 20_000) + "\n---\n# T\n\ntext\n" },
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void Extreme_nesting_is_the_files_error(string shape, string file, string text)
    {
        var ex = Assert.Throws<KnowledgeFormatException>(() => KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(text), file, file));

        Assert.True(ex.Line >= 0 && ex.Line <= text.Split('\n').Length, shape);
        Assert.Matches("too deeply|nested more than 64 deep|breaks off in the middle", ex.Message);
    }

    [Fact]
    public void A_long_run_of_spaces_after_a_q_is_text()
    {
        var doc = KnowledgeLoader.Parse(Encoding.UTF8.GetBytes("Title\n\nQ" + new string(' ', 100_000) + "x\n"), "q.txt", "q.txt");

        Assert.Matches("^Q +x$", Assert.Single(doc.Sections).Text);
    }

    [Fact]
    public void An_empty_answer_label_is_no_passage()
    {
        var doc = KnowledgeLoader.Parse(Encoding.UTF8.GetBytes("Title\n\nQ: Who signs?\nA: \nThe principal.\n"), "a.txt", "a.txt");

        Assert.Equal(["The principal."], Assert.Single(doc.Sections).Passages.Select(p => p.Text));
    }

    [Fact]
    public void Front_matter_without_a_body_is_reported_on_a_line_of_the_file()
    {
        var ex = Assert.Throws<KnowledgeFormatException>(() => KnowledgeLoader.Parse(Encoding.UTF8.GetBytes("---\ntitle: x\n---"), "t.md", "t.md"));

        Assert.Equal(3, ex.Line);
    }
}
