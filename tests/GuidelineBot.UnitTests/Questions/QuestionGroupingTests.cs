using GuidelineBot.Core.Questions;

namespace GuidelineBot.UnitTests.Questions;

public sealed class QuestionGroupingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    internal static QuestionRecord Declined(string text, int minutes = 0, string user = "#u1") =>
        new(Guid.NewGuid().ToString("N"), T0.AddMinutes(minutes), "slack", user, text, QuestionOutcome.Declined, null, null, 0.1, 5);

    [Fact]
    public void Rewordings_of_one_question_form_one_group_and_other_questions_stay_apart()
    {
        var groups = QuestionGrouping.Group(
        [
            Declined("Can I bring my dog to school?", 1, "#a"),
            Declined("are dogs allowed at school", 2, "#b"),
            Declined("can i bring my dog to school", 3, "#a"),
            Declined("What is the wifi password?", 4, "#c"),
            Declined("wifi password for guests", 5, "#d"),
            Declined("can I bring my cat to the staff room", 6, "#e"),
        ]);

        Assert.Equal(3, groups.Count);
        var dogs = groups[0];
        Assert.Equal(3, dogs.Count);
        Assert.Equal(2, dogs.People);
        Assert.Equal("can i bring my dog to school", dogs.Question); // the most asked wording, latest spelling
        Assert.Equal(["can i bring my dog to school", "are dogs allowed at school"], dogs.Variants);
        Assert.Equal(T0.AddMinutes(3), dogs.LastAsked);

        var wifi = groups[1];
        Assert.Equal(2, wifi.Count);
        Assert.Equal(T0.AddMinutes(5), wifi.LastAsked);
        Assert.Equal("can I bring my cat to the staff room", Assert.Single(groups[2].Variants));
    }

    [Fact]
    public void Groups_are_ordered_by_count_then_by_the_latest_question()
    {
        var groups = QuestionGrouping.Group(
        [
            Declined("parking permit", 1),
            Declined("lunch menu today", 2),
            Declined("lunch menu", 3),
            Declined("holiday dates", 9),
        ]);

        Assert.Equal(["lunch menu", "holiday dates", "parking permit"], groups.Select(g => g.Question));
    }

    [Theory]
    [InlineData("can I bring my dog to school", "are dogs allowed at school", true)]
    [InlineData("dog at school", "cat at school", false)]
    [InlineData("what is the wifi password", "WiFi password?", true)]
    [InlineData("how do I reset my password", "what is the wifi password", false)]
    public void Similarity_threshold_decides_sameness(string a, string b, bool same)
    {
        var similarity = QuestionGrouping.Similarity(QuestionGrouping.ContentWords(a), QuestionGrouping.ContentWords(b));

        Assert.Equal(same, similarity >= QuestionGrouping.SameQuestion);
    }

    [Fact]
    public void Content_words_drop_filler_and_plural_s_but_keep_short_words() =>
        Assert.True(QuestionGrouping.ContentWords("Can I bring dogs on the classroom bus?").SetEquals(["bring", "dog", "classroom", "bus"]));

    [Fact]
    public void Only_filler_never_matches_anything() =>
        Assert.Equal(0, QuestionGrouping.Similarity(QuestionGrouping.ContentWords("what is it?"), QuestionGrouping.ContentWords("what is it?")));
}
