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
    [Fact]
    public void Groups_are_those_of_comparing_every_wording_with_every_group()
    {
        // The grouping compares a wording only with the groups that share one of its rarest words (tens of thousands of
        // different unanswered questions took the dashboard minutes): it must find exactly what comparing all pairs finds.
        var random = new Random(20261207);
        string[] vocabulary = ["dog", "dogs", "school", "wifi", "password", "guest", "cat", "staff", "room", "parking", "permit", "badge",
            "lunch", "duty", "bus", "field", "trip", "form", "sub", "plan", "laptop", "charger", "copy", "code", "nurse", "ice"];
        var questions = Enumerable.Range(0, 1_500)
            .Select(_ => Declined(
                string.Join(' ', Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(4) == 0 ? "can I" : vocabulary[random.Next(vocabulary.Length)])),
                random.Next(10_000), "#" + random.Next(40)))
            .ToList();

        var groups = QuestionGrouping.Group(questions).Select(g => (g.Question, g.Count, g.People, g.LastAsked, string.Join(" | ", g.Variants))).ToList();

        Assert.Equal(AllPairs(questions), groups);
        Assert.InRange(groups.Count, 50, 1_400);
    }

    /// <summary>The grouping as it was first written: each wording, most asked first, compared with every group.</summary>
    private static List<(string, int, int, DateTimeOffset, string)> AllPairs(IReadOnlyList<QuestionRecord> questions)
    {
        static string Normalise(string text) =>
            string.Join(' ', System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{Nd}]+").Select(m => m.Value.ToLowerInvariant()));

        var wordings = questions.GroupBy(q => Normalise(q.Text), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Questions: g.ToList(), Words: QuestionGrouping.ContentWords(g.Key), Last: g.Max(q => q.At)))
            .OrderByDescending(w => w.Questions.Count).ThenByDescending(w => w.Last).ThenBy(w => w.Key, StringComparer.Ordinal)
            .ToList();
        var groups = new List<List<(string Key, List<QuestionRecord> Questions, IReadOnlySet<string> Words, DateTimeOffset Last)>>();
        foreach (var wording in wordings)
        {
            var best = groups.Select(g => (Group: g, Similarity: QuestionGrouping.Similarity(g[0].Words, wording.Words)))
                .Where(c => c.Similarity >= QuestionGrouping.SameQuestion).OrderByDescending(c => c.Similarity).FirstOrDefault();
            if (best.Group is { } group)
            {
                group.Add(wording);
            }
            else
            {
                groups.Add([wording]);
            }
        }

        static string Text(List<QuestionRecord> asked) => asked.MaxBy(q => q.At)!.Text.Trim();
        return [.. groups
            .Select(g => (Text(g[0].Questions), g.Sum(w => w.Questions.Count), g.SelectMany(w => w.Questions).Select(q => q.UserHash).Distinct().Count(),
                g.Max(w => w.Last), string.Join(" | ", g.Select(w => Text(w.Questions)))))
            .OrderByDescending(g => g.Item2).ThenByDescending(g => g.Item4)];
    }
}
