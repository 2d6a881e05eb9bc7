using System.Text.Json;
using GuidelineBot.Slack.Api;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackUserInfoTests
{
    private static SlackUserInfo? From(string json) => SlackUserInfo.From(JsonDocument.Parse(json).RootElement.Clone());

    [Theory]
    [InlineData("""{"id":"U1","name":"sam","real_name":"Sam New","profile":{"real_name":"Profile Name"}}""", "Sam New")]
    [InlineData("""{"id":"U1","name":"sam","profile":{"real_name":"Profile Name","display_name":"sammy"}}""", "Profile Name")]
    [InlineData("""{"id":"U1","name":"sam","profile":{"display_name":"sammy"}}""", "sammy")]
    [InlineData("""{"id":"U1","name":"sam","real_name":"  "}""", "sam")]
    [InlineData("""{"id":"U1"}""", "")]
    public void Name_is_the_real_name_else_the_profile_names_else_the_handle(string json, string name) =>
        Assert.Equal(new SlackUserInfo(name, false), From(json));

    [Theory]
    [InlineData("""{"id":"B1","is_bot":true}""")]
    [InlineData("""{"id":"U2","is_app_user":true}""")]
    [InlineData("""{"id":"U3","deleted":true}""")]
    public void Bots_apps_and_deleted_users_are_not_people_to_onboard(string json) => Assert.True(From(json)!.IsBot);

    [Fact]
    public void A_string_or_missing_user_is_unknown()
    {
        Assert.Null(From("\"sam\""));
        Assert.Null(SlackUserInfo.From(null));
    }
}
