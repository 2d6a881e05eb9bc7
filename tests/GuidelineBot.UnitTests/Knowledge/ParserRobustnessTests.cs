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
}
