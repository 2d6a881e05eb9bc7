using GuidelineBot.Core.Answers;

namespace GuidelineBot.UnitTests.Answers;

/// <summary><see cref="AnswerService.Clean"/>: the one-line form of a question that the engine, the cache and the log see.</summary>
public sealed class QuestionCleaningTests
{
    [Theory]
    [InlineData("can I friend parents?", "can I friend parents?")]
    [InlineData("  can I\tfriend \r\n parents?  ", "can I friend parents?")]
    [InlineData("can\u0000I\u0007friend\u00a0parents?", "can I friend parents?")]
    [InlineData("\u2003\u200a can I post photos \u2028", "can I post photos")]
    [InlineData("", "")]
    [InlineData(" \t\r\n ", "")]
    [InlineData(null, "")]
    public void Control_characters_and_runs_of_white_space_become_one_space_and_the_ends_are_trimmed(string? text, string expected) =>
        Assert.Equal(expected, AnswerService.Clean(text));

    [Theory]
    [InlineData("can I friend par\u00adents?")]
    [InlineData("can I friend\u200b parents?")]
    [InlineData("\ufeffcan I friend parents?")]
    [InlineData("can I fri\u200cend pa\u200drents?\u2060")]
    [InlineData("\u200ecan I \u2066friend\u2069 parents?\u200f")]
    [InlineData("can I friend \u200b\u00a0\u200b parents?")]
    public void Invisible_format_characters_go_so_the_question_reads_as_it_looks(string text) =>
        Assert.Equal("can I friend parents?", AnswerService.Clean(text));

    [Fact]
    public void A_clean_question_is_returned_as_it_is()
    {
        var question = "what happens if I make a mistake?";
        Assert.Same(question, AnswerService.Clean(question));
    }

    [Fact]
    public void A_long_question_is_cut_at_two_thousand_characters_before_cleaning()
    {
        var cleaned = AnswerService.Clean(new string('a', 1999) + "  bcd");
        Assert.Equal(new string('a', 1999), cleaned);
        Assert.Equal(2000, AnswerService.Clean(new string('x', 5000)).Length);
    }

    [Theory]
    [InlineData("can a \U0001F469\u200D\U0001F3EB post photos?")]
    [InlineData("can a \U0001F3C3\u200D\u2640\uFE0F coach friend parents?")]
    [InlineData("\u2764\uFE0F\u200D\U0001F525 posts?")]
    public void A_joiner_inside_an_emoji_sequence_stays(string text) =>
        Assert.Same(text, AnswerService.Clean(text));

    [Theory]
    [InlineData("\U0001F469\u200D parents", "\U0001F469 parents")]
    [InlineData("a\u200D\U0001F469", "a\U0001F469")]
    [InlineData("\U0001F469 \u200D\U0001F3EB", "\U0001F469 \U0001F3EB")]
    public void A_joiner_beside_anything_but_two_emoji_goes(string text, string expected) =>
        Assert.Equal(expected, AnswerService.Clean(text));

    [Fact]
    public void The_cut_at_two_thousand_characters_never_splits_a_surrogate_pair()
    {
        var cleaned = AnswerService.Clean(new string('a', 1999) + "\U0001F469 more");

        Assert.Equal(new string('a', 1999), cleaned);
    }
}
