using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests;

/// <summary>Sections that stand for example questions in renderer tests: one per heading, in one document.</summary>
internal static class ExampleSections
{
    public static GuidelineSection[] Of(params string[] headings) =>
        [.. headings.Select((h, i) => new GuidelineSection($"examples#s{i + 1}", "examples", "Example Guidelines", h, [new Passage(h, i + 1, i + 1)], "examples.md", i + 1, i + 1, null))];
}
