using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

/// <summary>The nearest-section pick of the semantic stage: the largest scores, best first, copies of a text once.</summary>
public sealed class SemanticIndexTests
{
    /// <summary>What the pick replaced: a stable sort of every section that is the first of its text.</summary>
    private static int[] Sorted(double[] scores, int count, int[] textKeys) =>
        Enumerable.Range(0, scores.Length).Where(i => textKeys[i] == i).OrderByDescending(i => scores[i]).Take(count).ToArray();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(9, 8)]
    [InlineData(40, 8)]
    [InlineData(1300, 8)]
    [InlineData(1300, 1)]
    [InlineData(5, 8)]
    public void It_picks_what_a_stable_sort_of_every_section_would(int sections, int count)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed * 7919 + sections);
            // Few distinct values, so that ties are common; about one section in five is a copy of an earlier one.
            var scores = Enumerable.Range(0, sections).Select(_ => random.Next(0, 12) / 10.0 - 0.2).ToArray();
            var textKeys = Enumerable.Range(0, sections).Select(i => i > 0 && random.Next(5) == 0 ? random.Next(i) : i).ToArray();
            for (var i = 0; i < sections; i++)
            {
                textKeys[i] = textKeys[textKeys[i]];
            }

            Assert.Equal(Sorted(scores, count, textKeys), SemanticIndex.Top(scores, count, textKeys));
        }
    }

    [Fact]
    public void Between_equal_scores_the_earlier_section_comes_first_and_copies_are_left_out()
    {
        double[] scores = [0.5, 0.9, 0.5, 0.9, 0.7, 0.95];
        int[] textKeys = [0, 1, 2, 3, 4, 1];

        Assert.Equal([1, 3, 4], SemanticIndex.Top(scores, 3, textKeys));
        Assert.Equal([1, 3, 4, 0, 2], SemanticIndex.Top(scores, 10, textKeys));
        Assert.Empty(SemanticIndex.Top(scores, 0, textKeys));
    }
}
