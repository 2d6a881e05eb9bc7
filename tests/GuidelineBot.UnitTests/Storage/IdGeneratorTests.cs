using System.Globalization;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Storage;

public sealed class IdGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void An_id_is_a_version_7_uuid_carrying_the_time_in_milliseconds()
    {
        var id = new IdGenerator(new FakeTimeProvider(Start)).Next();

        Assert.Matches("^[0-9a-f]{32}$", id);
        var guid = Guid.ParseExact(id, "N");
        Assert.Equal(7, guid.Version);
        Assert.Equal(0b10, guid.Variant >> 2); // RFC 9562 variant: the top two bits are 10
        Assert.Equal(Start.ToUnixTimeMilliseconds(), long.Parse(id[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ids_are_unique_across_refills_of_the_random_block_and_threads()
    {
        var generator = new IdGenerator(new FakeTimeProvider(Start));

        // The clock stands still, so only the random bits tell these apart; 4 threads × 2,000 ids span many refills.
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                ids.Add(generator.Next());
            }
        });

        Assert.Equal(8_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith(Start.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture), id, StringComparison.Ordinal));
    }

    [Fact]
    public void Later_ids_sort_after_earlier_ones()
    {
        var time = new FakeTimeProvider(Start);
        var generator = new IdGenerator(time);
        var earlier = generator.Next();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var later = generator.Next();

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} < {later}");
    }

    [Fact]
    public void The_random_bits_differ_between_generators()
    {
        var a = new IdGenerator(new FakeTimeProvider(Start)).Next();
        var b = new IdGenerator(new FakeTimeProvider(Start)).Next();

        Assert.NotEqual(a, b);
    }
}
