using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

/// <summary>The dot product behind every cosine of the semantic stage: the vector loop and the tail agree with a plain sum.</summary>
public sealed class VectorMathTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(384)]
    [InlineData(389)]
    public void The_dot_product_is_the_sum_of_the_products_for_any_length(int length)
    {
        var random = new Random(length);
        var a = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var expected = a.Zip(b, (x, y) => (double)x * y).Sum();

        Assert.Equal(expected, VectorMath.Dot(a, b), 4);
    }

    [Fact]
    public void A_unit_vector_with_itself_is_one_and_with_its_opposite_minus_one()
    {
        var v = Enumerable.Range(1, 384).Select(i => (float)Math.Sin(i)).ToArray();
        var norm = (float)Math.Sqrt(v.Sum(x => (double)x * x));
        var unit = v.Select(x => x / norm).ToArray();

        Assert.Equal(1, VectorMath.Dot(unit, unit), 5);
        Assert.Equal(-1, VectorMath.Dot(unit, unit.Select(x => -x).ToArray()), 5);
    }

    [Fact]
    public void Vectors_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.Dot(new float[384], new float[383]));
    }
}
