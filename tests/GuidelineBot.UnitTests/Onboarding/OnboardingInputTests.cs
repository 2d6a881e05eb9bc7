using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.UnitTests.Onboarding;

public sealed class OnboardingInputTests
{
    [Theory]
    [InlineData("onboard", typeof(OnboardingInput.Start))]
    [InlineData("Start onboarding", typeof(OnboardingInput.Start))]
    [InlineData("  ONBOARD! ", typeof(OnboardingInput.Start))]
    [InlineData("resume", typeof(OnboardingInput.Resume))]
    [InlineData("Continue onboarding", typeof(OnboardingInput.Resume))]
    [InlineData("next", typeof(OnboardingInput.Next))]
    [InlineData("pause", typeof(OnboardingInput.Pause))]
    [InlineData("Stop", typeof(OnboardingInput.Pause))]
    [InlineData("cancel onboarding", typeof(OnboardingInput.Pause))]
    [InlineData("quit", typeof(OnboardingInput.Pause))]
    [InlineData("exit!", typeof(OnboardingInput.Pause))]
    [InlineData("not now", typeof(OnboardingInput.Pause))]
    [InlineData("stop posting photos of students?", typeof(OnboardingInput.FreeText))]
    [InlineData("I have read and understand the Staff Social Media Guidelines", typeof(OnboardingInput.Acknowledge))]
    [InlineData("I have a question", typeof(OnboardingInput.AskQuestion))]
    [InlineData("can I friend parents?", typeof(OnboardingInput.FreeText))]
    [InlineData("what does onboard mean for photos", typeof(OnboardingInput.FreeText))]
    [InlineData("", typeof(OnboardingInput.FreeText))]
    public void Typed_text_maps_to_inputs(string text, Type expected) =>
        Assert.IsType(expected, OnboardingInput.FromText(text));

    [Fact]
    public void Triggers_are_start_and_resume_only()
    {
        Assert.True(OnboardingInput.IsTrigger("onboard"));
        Assert.True(OnboardingInput.IsTrigger("resume"));
        Assert.False(OnboardingInput.IsTrigger("next"));
        Assert.False(OnboardingInput.IsTrigger("can I post photos?"));
    }

    public static TheoryData<OnboardingInput> ButtonInputs() =>
    [
        new OnboardingInput.Start(),
        new OnboardingInput.Resume(),
        new OnboardingInput.Pause(),
        new OnboardingInput.AskQuestion(),
        new OnboardingInput.Next(),
        new OnboardingInput.Next("d0.s3"),
        new OnboardingInput.Answer(2, "d1.q4"),
        new OnboardingInput.Acknowledge("d0.ack"),
    ];

    [Theory]
    [MemberData(nameof(ButtonInputs))]
    public void Button_values_round_trip(OnboardingInput input)
    {
        var value = input.ToButtonValue();

        Assert.NotNull(value);
        Assert.True(value.Length <= 60);
        Assert.True(OnboardingInput.TryParseButtonValue(value, out var parsed));
        Assert.Equal(input, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("feedback:up")]
    [InlineData("onboarding:")]
    [InlineData("onboarding:answer:x")]
    [InlineData("onboarding:answer:0")]
    [InlineData("onboarding:jump:d0.s9")]
    [InlineData("onboarding:start:extra")]
    public void Foreign_or_forged_button_values_are_rejected(string? value) =>
        Assert.False(OnboardingInput.TryParseButtonValue(value, out _));

    [Fact]
    public void Typed_free_text_has_no_button_value() =>
        Assert.Null(new OnboardingInput.FreeText("hello").ToButtonValue());

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes!", true)]
    [InlineData("ok", true)]
    [InlineData("I agree.", true)]
    [InlineData("I've read it", true)]
    [InlineData("yes, I have read and understood it", true)]
    [InlineData("understood, thanks", true)]
    [InlineData("yes can I friend parents?", false)]
    [InlineData("no", false)]
    [InlineData("not sure", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_affirmation_is_a_short_yes_and_nothing_more(string? typed, bool affirmation) =>
        Assert.Equal(affirmation, OnboardingInput.IsAffirmation(typed));
}
