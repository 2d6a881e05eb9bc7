using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Questions;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

[Collection(SlackCollection.Name)]
public sealed class SlashCommandTests(SlackHost host)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> CommandAsync(string text)
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands", Command(text, host.Api.ResponseUrl("cmd")), FormType, host.Now));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length > 0 ? JsonDocument.Parse(body).RootElement : default);
    }

    private static JsonElement[] Blocks(JsonElement body) => body.GetProperty("blocks").EnumerateArray().ToArray();

    private static IEnumerable<string> Texts(JsonElement body) => BlockKitText.All(body.GetProperty("blocks"));

    [Fact]
    public async Task Question_is_answered_in_the_response_as_ephemeral_blocks_with_heading_text_citation_and_buttons()
    {
        var (status, body) = await CommandAsync("can I post photos of my class?");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        var blocks = Blocks(body);
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("What can and can't I share on Social Media?", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains(blocks, b => b.GetProperty("type").GetString() == "section"
            && b.GetProperty("text").GetProperty("text").GetString()!.Contains("should not post pictures of students", StringComparison.Ordinal));
        var citation = blocks.First(b => b.GetProperty("type").GetString() == "context").GetProperty("elements")[0].GetProperty("text").GetString();
        Assert.Contains("Staff Social Media Guidelines and Best Practices › What can and can't I share on Social Media?", citation, StringComparison.Ordinal);
        Assert.Contains("staff-social-media-guidelines.txt:", citation, StringComparison.Ordinal);
        var actions = blocks.Last().GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal(["Share in channel", "👍 Helpful", "👎 Not helpful"], actions);
        Assert.Contains("What can and can't I share", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_question_twice_gets_the_same_answer_with_its_own_question_id_on_every_button_and_both_are_logged()
    {
        const string question = "can I post photos of my students on social media?";
        var (_, first) = await CommandAsync(question);
        var (_, second) = await CommandAsync(question);

        static string[] Ids(JsonElement body) => [.. BlockKitText.AnswerActions(body).GetProperty("elements").EnumerateArray()
            .Select(e => AnswerRef.Decode(e.GetProperty("value").GetString())!.QuestionId!)];
        var (firstIds, secondIds) = (Ids(first), Ids(second));
        Assert.Equal(3, firstIds.Length);
        Assert.Single(firstIds.Distinct());
        Assert.Single(secondIds.Distinct());
        Assert.NotEqual(firstIds[0], secondIds[0]);
        Assert.Equal(first.GetRawText().Replace(firstIds[0], secondIds[0], StringComparison.Ordinal), second.GetRawText());

        var logged = await host.Factory.Services.GetRequiredService<IQuestionLog>().ListAsync(null, CancellationToken.None);
        Assert.All(new[] { firstIds[0], secondIds[0] }, id => Assert.Equal(question, logged.Single(q => q.Id == id).Text));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("")]
    public async Task Help_and_empty_text_show_help_with_example_questions(string text)
    {
        var (status, body) = await CommandAsync(text);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        var texts = string.Join("\n", Texts(body));
        Assert.Contains("I answer questions about the staff guidelines", texts, StringComparison.Ordinal);
        Assert.Contains("`/guidelines your question`", texts, StringComparison.Ordinal);
        Assert.Contains("*For example:*", texts, StringComparison.Ordinal);
        var examples = Blocks(body).Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements").EnumerateArray().ToArray();
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.EndsWith("?", e.GetProperty("value").GetString(), StringComparison.Ordinal));
        Assert.All(examples, e => Assert.StartsWith("ask_", e.GetProperty("action_id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Topics_lists_the_sections()
    {
        var (_, body) = await CommandAsync("topics");

        var texts = string.Join("\n", Texts(body));
        Assert.Contains("Topics I cover", texts, StringComparison.Ordinal);
        Assert.Contains("• Can I post anonymously?", texts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_topic_question_gets_the_honest_no_answer_with_suggestion_buttons_and_the_contact()
    {
        var (status, body) = await CommandAsync("what is the cafeteria lunch menu on friday");

        Assert.Equal(HttpStatusCode.OK, status);
        var blocks = Blocks(body);
        var text = blocks[0].GetProperty("text").GetProperty("text").GetString();
        Assert.Contains("couldn't find this in the guidelines", text, StringComparison.Ordinal);
        Assert.Contains("Director of Technology", text, StringComparison.Ordinal);
        Assert.DoesNotContain(blocks, b => b.GetProperty("type").GetString() == "header");
        var suggestions = blocks.Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements").EnumerateArray().ToArray();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.StartsWith("ask_", s.GetProperty("action_id").GetString(), StringComparison.Ordinal));
        Assert.All(suggestions, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("value").GetString())));
    }

    [Theory]
    [InlineData("<<<&&& \u0001 ?????")]
    [InlineData("AND (( \"*:* \\ title:x OR [a TO z]^9 ~2")]
    [InlineData("😀🎉🙈 👍")]
    [InlineData(null)]
    public async Task Odd_text_gets_a_normal_reply(string? text)
    {
        text ??= string.Concat(Enumerable.Range(0, 10_240).Select(i => (char)('!' + (i * 7919 % 90))));
        var (status, body) = await CommandAsync(text);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(Blocks(body));
    }

    [Fact]
    public async Task Ssl_check_is_answered_200()
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands", Form(("ssl_check", "1"), ("token", "x")), FormType, host.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"command":"/guidelines"}""", JsonType, "The body is not a form (application/x-www-form-urlencoded).")]
    [InlineData("text=no+command+field", FormType, "A slash command needs command and user_id.")]
    [InlineData("--xx\r\nContent-Disposition: form-data; name=\"command\"\r\n\r\n/guidelines\r\n--xx--\r\n", "multipart/form-data; boundary=xx",
        "The body is not a form (application/x-www-form-urlencoded).")] // read as a query string before, it lacked its fields
    public async Task Malformed_command_body_is_400_saying_why(string body, string contentType, string why)
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands", body, contentType, host.Now));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(why, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_type_in_any_case_with_a_charset_is_a_form()
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands", Command("can I friend parents?", host.Api.ResponseUrl("unused")),
            "Application/X-WWW-Form-Urlencoded; charset=utf-8", host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("friend", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
