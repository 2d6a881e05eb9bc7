using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.UnitTests.Slack;

public sealed class MrkdwnTests
{
    [Fact]
    public void Escapes_only_ampersand_and_angle_brackets()
    {
        Assert.Equal("Q&amp;A: &lt;b&gt; *bold* _it_ ~s~ `c` \"q\" 'a'", Mrkdwn.Escape("Q&A: <b> *bold* _it_ ~s~ `c` \"q\" 'a'"));
    }

    [Fact]
    public void Escaping_an_escaped_text_escapes_the_ampersands_again() =>
        Assert.Equal("&amp;amp;", Mrkdwn.Escape("&amp;"));

    [Fact]
    public void Unescape_reverses_escape() =>
        Assert.Equal("a < b && c > d &amp;", Mrkdwn.Unescape(Mrkdwn.Escape("a < b && c > d &amp;")));

    [Fact]
    public void Short_text_is_one_chunk() =>
        Assert.Equal(["Hello world"], Mrkdwn.Split("Hello world"));

    [Fact]
    public void Long_text_splits_into_chunks_within_the_section_limit_without_losing_words()
    {
        var paragraph = string.Join(" ", Enumerable.Range(0, 150).Select(i => $"word{i}"));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 12));
        Assert.True(text.Length > 3 * Mrkdwn.MaxSectionText);

        var chunks = Mrkdwn.Split(text);

        Assert.True(chunks.Count >= 4);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, Mrkdwn.MaxSectionText));
        Assert.Equal(Words(text), chunks.SelectMany(Words));
    }

    [Fact]
    public void Splits_at_a_paragraph_break_when_there_is_one()
    {
        var first = new string('a', 2000);
        var second = new string('b', 2000);
        var chunks = Mrkdwn.Split(first + "\n\n" + second);
        Assert.Equal([first, second], chunks);
    }

    [Fact]
    public void A_single_long_word_is_cut_but_never_inside_an_entity()
    {
        // 2998 x's then "&amp;" would straddle position 3000.
        var text = new string('x', 2998) + "&amp;" + new string('y', 100);
        var chunks = Mrkdwn.Split(text);
        Assert.Equal(2, chunks.Count);
        Assert.Equal(new string('x', 2998), chunks[0]);
        Assert.StartsWith("&amp;", chunks[1], StringComparison.Ordinal);
        Assert.Equal(text, string.Concat(chunks));
    }

    [Fact]
    public void A_text_longer_than_a_message_holds_gives_its_first_chunks_only_reading_no_further()
    {
        // 5 MB of one paragraph (a knowledge file of one long line): 1,750 chunks, of which a message shows at most 50.
        var text = string.Concat(Enumerable.Repeat("Meerkats dig tunnels ", 250_000));
        var whole = Mrkdwn.Split(string.Concat(Enumerable.Repeat("Meerkats dig tunnels ", 8_000)), maxChunks: int.MaxValue);
        Assert.True(whole.Count > Mrkdwn.MaxBlocks);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var chunks = Mrkdwn.Split(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(whole.Take(Mrkdwn.MaxBlocks), chunks);
        // The chunks themselves (50 × 3,000 characters) and little else: no copy of the text left after each cut
        // (the old splitter copied the rest of the text at every cut: gigabytes here).
        Assert.InRange(allocated, 0, 2 * Mrkdwn.MaxBlocks * Mrkdwn.MaxSectionText * sizeof(char));
        Assert.Equal(["a b"], Mrkdwn.Split("a b", maxChunks: 1));
        Assert.Single(Mrkdwn.Split(new string('x', 4000), maxChunks: 1));
    }

    [Fact]
    public void Truncate_keeps_the_limit_and_marks_the_cut()
    {
        var cut = Mrkdwn.Truncate(new string('z', 100), Mrkdwn.MaxButtonText);
        Assert.Equal(Mrkdwn.MaxButtonText, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal("short", Mrkdwn.Truncate("short", Mrkdwn.MaxButtonText));
    }

    [Theory]
    [InlineData("xxxxxxx&amp;yyyy", 10, "xxxxxxx…")]
    [InlineData("xxxxxx&lt;yyyyy", 10, "xxxxxx…")]
    [InlineData("see <https://example.org/a-long-path|the policy> now", 20, "see …")]
    [InlineData("ask <@U0EXPERT> today", 10, "ask …")]
    [InlineData("see <https://e.org|p> and more text", 26, "see <https://e.org|p> and…")]
    [InlineData("short &amp; fine", 20, "short &amp; fine")]
    [InlineData("<https://e.org/aaaaaaaaaaaaaaaaaa|p> rest", 20, "…")]
    [InlineData("&amp;&amp;", 3, "…")]
    public void Escaped_mrkdwn_is_never_cut_inside_an_entity_a_link_or_a_mention(string mrkdwn, int max, string expected)
    {
        var cut = Mrkdwn.TruncateEscaped(mrkdwn, max);
        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }

    private static IEnumerable<string> Words(string s) => s.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
