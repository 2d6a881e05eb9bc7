using System.Text;
using GuidelineBot.Slack.Signing;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackSignatureTests
{
    // Slack's worked example (docs.slack.dev "Verifying requests from Slack"), as quoted in shared/reference/protocols.md.
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Slacks_worked_example_computes_the_documented_signature() =>
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, BodyBytes));

    [Fact]
    public void Slacks_worked_example_verifies_at_its_own_time() =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Expected, BodyBytes, SentAt));

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void Within_five_minutes_either_way_is_accepted(int offsetSeconds) =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Expected, BodyBytes, SentAt.AddSeconds(offsetSeconds)));

    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    public void Six_minutes_old_or_in_the_future_is_rejected(int offsetMinutes) =>
        Assert.Equal(SignatureCheck.OutsideWindow, SlackSignature.Verify(Secret, Timestamp, Expected, BodyBytes, SentAt.AddMinutes(offsetMinutes)));

    [Fact]
    public void A_changed_body_does_not_verify()
    {
        var tampered = Encoding.UTF8.GetBytes(Body.Replace("text=&", "text=rm+-rf&", StringComparison.Ordinal));
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, Expected, tampered, SentAt));
    }

    [Fact]
    public void Another_secret_does_not_verify() =>
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify("not-the-secret", Timestamp, Expected, BodyBytes, SentAt));

    [Fact]
    public void Upper_case_hex_or_a_truncated_signature_does_not_verify()
    {
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, Expected.ToUpperInvariant(), BodyBytes, SentAt));
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, Expected[..^2], BodyBytes, SentAt));
    }

    [Theory]
    [InlineData(null, Expected, SignatureCheck.Missing)]
    [InlineData(Timestamp, null, SignatureCheck.Missing)]
    [InlineData("", Expected, SignatureCheck.Missing)]
    [InlineData("15314206l8", Expected, SignatureCheck.Malformed)]
    [InlineData("-1531420618", Expected, SignatureCheck.Malformed)]
    [InlineData("99999999999999999999", Expected, SignatureCheck.Malformed)]
    public void Missing_or_malformed_headers_are_rejected(string? timestamp, string? signature, SignatureCheck expected) =>
        Assert.Equal(expected, SlackSignature.Verify(Secret, timestamp, signature, BodyBytes, SentAt));
}
