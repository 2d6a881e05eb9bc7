using GuidelineBot.Core.Questions;

namespace GuidelineBot.UnitTests.Questions;

public sealed class QuestionMaskTests
{
    [Theory]
    [InlineData("can I email jane.doe@school.example.org about it?", "can I email [email] about it?")]
    [InlineData("is Dana_O'Neil+list@k12.example.com ok to use", "is [email] ok to use")]
    [InlineData("call me on 555-123-4567 please", "call me on [phone] please")]
    [InlineData("my number is +44 20 7946 0958.", "my number is [phone].")]
    [InlineData("(555) 123 4567 is the office", "[phone] is the office")]
    [InlineData("parent's cell 555.987.6543?", "parent's cell [phone]?")]
    [InlineData("student id 12345678 lost", "student id [number] lost")]
    [InlineData("card ID0042781 and pin 4821", "card ID[number] and pin 4821")]
    [InlineData("zip 90210", "zip [number]")]
    public void Masks_emails_phone_numbers_and_long_digit_runs(string text, string expected) =>
        Assert.Equal(expected, QuestionMask.Mask(text));

    [Theory]
    [InlineData("can I post photos from the 2026 trip?")]
    [InlineData("is the deadline 2026-11-30 or later")]
    [InlineData("what does section 4.2 say about 10:30 meetings")]
    [InlineData("can I friend parents?")]
    public void Leaves_dates_years_and_short_numbers(string text) =>
        Assert.Equal(text, QuestionMask.Mask(text));

    [Fact]
    public void A_digit_run_one_shorter_than_the_limit_stays()
    {
        var shortRun = new string('7', QuestionMask.MinDigitRun - 1);
        var longRun = new string('7', QuestionMask.MinDigitRun);

        Assert.Equal($"code {shortRun}", QuestionMask.Mask($"code {shortRun}"));
        Assert.Equal("code [number]", QuestionMask.Mask($"code {longRun}"));
    }

    [Fact]
    public void Long_text_is_cut_to_the_limit()
    {
        var masked = QuestionMask.Mask(new string('a', QuestionMask.MaxLength * 2));

        Assert.Equal(QuestionMask.MaxLength, masked.Length);
        Assert.EndsWith("…", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("write to pat＠example.org", "write to pat＠example.org")] // a full-width at sign is not an address
    [InlineData("write to pat@example.org", "write to [email]")] // an address with no digit
    [InlineData("call ５５５-１２３-４５６７", "call ５５５-１２３-４５６７")] // full-width digits are not ASCII digits
    public void Only_an_at_sign_or_an_ascii_digit_can_start_a_mask(string text, string expected) =>
        Assert.Equal(expected, QuestionMask.Mask(text));

    [Fact]
    public void Long_text_with_something_to_mask_is_masked_then_cut()
    {
        var masked = QuestionMask.Mask("id 12345678 " + new string('a', QuestionMask.MaxLength * 2));

        Assert.StartsWith("id [number] aaa", masked, StringComparison.Ordinal);
        Assert.Equal(QuestionMask.MaxLength, masked.Length);
    }

    [Fact]
    public void Null_and_empty_become_empty() => Assert.Equal("", QuestionMask.Mask(null));
}
