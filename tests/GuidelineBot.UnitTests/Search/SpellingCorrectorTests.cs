using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

/// <summary>The symmetric-delete lookup must find exactly what a scan over every guideline word would.</summary>
public sealed class SpellingCorrectorTests
{
    private static readonly string[] Guidelines =
    [
        "parents", "parents", "parents", "friend", "friend", "privacy", "settings", "photographs", "students", "student",
        "account", "district", "confidential", "media",
    ];

    private readonly SpellingCorrector _speller = new(Guidelines, ["weather", "tomorrow"], EnglishWords.None);

    [Theory]
    [InlineData("frend", "friend")] // deletion
    [InlineData("frieend", "friend")] // insertion
    [InlineData("friand", "friend")] // substitution
    [InlineData("firend", "friend")] // transposition
    [InlineData("photgrahps", "photographs")] // two edits in a long word
    [InlineData("confidnetail", "confidential")] // two transpositions in a long word
    public void Finds_the_guideline_word_within_the_allowed_distance(string typed, string expected) =>
        Assert.Equal(expected, _speller.CorrectWord(typed));

    [Theory]
    [InlineData("fiernd")] // two edits in a short word
    [InlineData("phtgrahps")] // three edits
    [InlineData("weather")] // a known word
    [InlineData("mda")] // shorter than four letters
    public void Leaves_words_it_should_not_touch(string typed) => Assert.Null(_speller.CorrectWord(typed));

    [Fact]
    public void A_tie_goes_to_the_more_frequent_word()
    {
        // "studants" is one substitution from "students" and two from "student": the closer wins. "carx" is one
        // substitution from "cart", "care" and "card": "care" occurs twice.
        Assert.Equal("students", _speller.CorrectWord("studants"));
        var speller = new SpellingCorrector(["cart", "care", "care", "card"], [], EnglishWords.None);
        Assert.Equal("care", speller.CorrectWord("carx"));
    }

    [Fact]
    public void Text_without_unknown_words_comes_back_unchanged()
    {
        const string text = "What is the weather tomorrow, Parents?";
        Assert.Same(text, _speller.Correct(text));
        Assert.Equal("Can I friend parents at the District?", _speller.Correct("Can I frend parnets at the District?"));
    }

    [Fact]
    public void Known_english_words_are_never_corrected_into_guideline_words()
    {
        // "tell" is one substitution from "well"; without the English word list it would be "corrected".
        var corpus = new[] { "well", "friend", "parents" };
        Assert.Equal("well", new SpellingCorrector(corpus, [], EnglishWords.None).CorrectWord("tell"));

        var speller = new SpellingCorrector(corpus, [], EnglishWords.From(["tell", "joke"]));
        Assert.Null(speller.CorrectWord("tell"));
        Assert.Equal("tell me a joke", speller.Correct("tell me a joke"));
        Assert.Equal("can i friend parents", speller.Correct("can i frend parnets"));
    }
}
