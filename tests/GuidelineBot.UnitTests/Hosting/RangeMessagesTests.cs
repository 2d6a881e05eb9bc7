using System.ComponentModel.DataAnnotations;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Hosting;

/// <summary>A setting out of its range is named by its configuration key, as the start's one line shows it ("PollSeconds" of which section?).</summary>
public sealed class RangeMessagesTests
{
    public static TheoryData<object, string> OutOfRange => new()
    {
        { new KnowledgeOptions { PollSeconds = 0 }, "Knowledge:PollSeconds must be between 0.1 and 60." },
        { new ExpertOptions { PollSeconds = 0 }, "Experts:PollSeconds must be between 1 and 3600." },
        { new AnswerOptions { MaxRelated = 99 }, "Answers:MaxRelated must be between 0 and 10." },
        { new SearchOptions { HeadingBoost = 100 }, "Search:HeadingBoost must be between 0.1 and 20." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_value_out_of_range_is_named_by_its_key(object options, string message)
    {
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal(message, Assert.Single(results).ErrorMessage);
    }
}
