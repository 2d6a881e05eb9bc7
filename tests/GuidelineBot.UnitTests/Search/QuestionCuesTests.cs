using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

public sealed class QuestionCuesTests
{
    [Theory]
    [InlineData("who does this policy apply to")]
    [InlineData("who is covered by the dress code")]
    [InlineData("who are these guidelines for")]
    [InlineData("who do these rules apply to")]
    [InlineData("what counts as social media")]
    [InlineData("what is the purpose of the acceptable use policy")]
    [InlineData("what are these guidelines for?")]
    [InlineData("what is the policy about")]
    public void A_question_about_the_guidelines_themselves_asks_about_scope(string question) =>
        Assert.True(QuestionCues.AsksAboutScope(question));

    [Theory]
    [InlineData("who do i email with dress code questions")]
    [InlineData("who do I ask about parking permits")]
    [InlineData("who is my contact for expenses")]
    [InlineData("who do we call when the copier jams")]
    [InlineData("who is the contact for expenses")]
    [InlineData("who is in charge of keys")]
    [InlineData("who is responsible for the bus line")]
    [InlineData("can i wear jeans on friday")]
    [InlineData("what are the rules for students leaving class to see the nurse")]
    [InlineData("what is the policy on staff parking after dark")]
    [InlineData("how do i apply for a transfer to another school")]
    [InlineData("can paras apply for tuition reimbursement")]
    public void Asking_who_to_contact_or_for_the_rule_on_a_topic_is_not_asking_about_scope(string question) =>
        Assert.False(QuestionCues.AsksAboutScope(question));
}
