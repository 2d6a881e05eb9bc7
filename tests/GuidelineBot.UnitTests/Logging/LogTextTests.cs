using GuidelineBot.Core.Logging;

namespace GuidelineBot.UnitTests.Logging;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("feedback_helpful", "feedback_helpful")]
    [InlineData("feedback_\u0000helpful", "feedback_\\u0000helpful")]
    [InlineData("a\r\nforged: line", "a\\u000d\\u000aforged: line")]
    [InlineData("bell\u0007 and C1 \u0085", "bell\\u0007 and C1 \\u0085")]
    [InlineData(null, "")]
    public void A_request_value_in_a_log_line_has_its_control_characters_written_out(string? value, string expected) =>
        Assert.Equal(expected, LogText.Clip(value));

    [Fact]
    public void A_long_value_is_clipped_before_its_control_characters_are_written_out()
    {
        var clipped = LogText.Clip(new string('\u0000', 500));

        Assert.Equal((LogText.MaxFieldLength - 1) * 6 + 1, clipped.Length);
        Assert.EndsWith("\\u0000…", clipped, StringComparison.Ordinal);
        Assert.Equal(new string('x', LogText.MaxFieldLength - 1) + "…", LogText.Clip(new string('x', 500)));
    }
}
