using System.Net;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Testing;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

[Collection(SlackCollection.Name)]
public sealed class InteractionTests(SlackHost host)
{
    private const string Question = "can I post photos of my class?";

    /// <summary>The section id and button value exactly as the slash command rendered them.</summary>
    private async Task<string> AnswerButtonValueAsync()
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands", Command(Question, host.Api.ResponseUrl("unused")), FormType, host.Now));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return BlockKitText.AnswerActions(body).GetProperty("elements")[0].GetProperty("value").GetString()!;
    }

    private async Task<HttpResponseMessage> ClickAsync(string actionId, string value, string responseId, bool ephemeral = true) =>
        await host.Client.SendAsync(Signed("/slack/interactions", Interaction(actionId, value, host.Api.ResponseUrl(responseId), ephemeral: ephemeral), FormType, host.Now));

    [Fact]
    public async Task Share_posts_the_answer_once_in_channel_through_the_response_url()
    {
        var responseId = SlackHost.NewId("share");
        using var response = await ClickAsync("share", await AnswerButtonValueAsync(), responseId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the answer is shared");
        var post = Assert.Single(host.Api.ResponseUrlPosts(responseId));
        Assert.Equal("in_channel", post.Json.GetProperty("response_type").GetString());
        var texts = BlockKitText.All(post.Json.GetProperty("blocks")).ToList();
        Assert.Contains("What can and can't I share on Social Media?", texts);
        Assert.Contains(texts, t => t.Contains("Source: Staff Social Media Guidelines", StringComparison.Ordinal));
        Assert.Contains("Shared by <@U0PERSON>", texts);
        Assert.Empty(BlockKitText.Blocks(post.Json, "actions"));
    }

    [Fact]
    public async Task Share_pressed_twice_posts_the_answer_once_and_tells_the_clicker()
    {
        // A double click posted the answer twice in the channel.
        var value = await AnswerButtonValueAsync();
        var (first, second) = (SlackHost.NewId("share"), SlackHost.NewId("share"));
        using var once = await ClickAsync("share", value, first);
        using var again = await ClickAsync("share", value, second);

        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(first).Count >= 1 && host.Api.ResponseUrlPosts(second).Count >= 1, "both clicks are answered");
        Assert.Equal("in_channel", Assert.Single(host.Api.ResponseUrlPosts(first)).Json.GetProperty("response_type").GetString());
        var notice = Assert.Single(host.Api.ResponseUrlPosts(second)).Json;
        Assert.Equal("ephemeral", notice.GetProperty("response_type").GetString());
        Assert.False(notice.GetProperty("replace_original").GetBoolean());
        Assert.Contains(BlockKitText.All(notice.GetProperty("blocks")), t => t.Contains("just shared this answer here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Share_of_an_answer_the_guidelines_no_longer_give_tells_the_clicker_and_posts_nothing_in_the_channel()
    {
        // A button whose section's place another section has taken since (its heading check no longer matches).
        var answer = AnswerRef.Decode(await AnswerButtonValueAsync())!;
        var stale = (answer with { SectionCheck = "00000000" }).Encode();
        var responseId = SlackHost.NewId("share");

        using var response = await ClickAsync("share", stale, responseId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the clicker is told");
        var notice = Assert.Single(host.Api.ResponseUrlPosts(responseId)).Json;
        Assert.Equal("ephemeral", notice.GetProperty("response_type").GetString());
        Assert.False(notice.GetProperty("replace_original").GetBoolean());
        Assert.Contains(BlockKitText.All(notice.GetProperty("blocks")), t => t.Contains("so it wasn't shared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("feedback_helpful", true)]
    [InlineData("feedback_not_helpful", false)]
    public async Task Feedback_is_stored_once_and_the_message_thanks_instead_of_showing_buttons(string actionId, bool helpful)
    {
        var user = SlackHost.NewId("U");
        var responseId = SlackHost.NewId("fb");
        var value = await AnswerButtonValueAsync();
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            Interaction(actionId, value, host.Api.ResponseUrl(responseId), user: user), FormType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(await host.Factory.FeedbackAsync(), f => f.UserId == user);
        Assert.Equal("slack", record.Channel);
        Assert.Equal(helpful, record.Helpful);
        Assert.Equal(Question, record.Question);
        Assert.Equal(value.Split('\n')[0], record.SectionId);

        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the message is replaced");
        var post = Assert.Single(host.Api.ResponseUrlPosts(responseId));
        Assert.True(post.Json.GetProperty("replace_original").GetBoolean());
        var texts = BlockKitText.All(post.Json.GetProperty("blocks")).ToList();
        Assert.Contains("What can and can't I share on Social Media?", texts);
        Assert.Contains(texts, t => t.StartsWith("Thanks for your feedback", StringComparison.Ordinal));
        Assert.Empty(BlockKitText.Blocks(post.Json, "actions"));
    }

    [Fact]
    public async Task A_vote_on_a_section_the_guidelines_do_not_have_is_not_stored_and_the_clicker_is_told_so()
    {
        var user = SlackHost.NewId("U");
        var responseId = SlackHost.NewId("fb");
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            Interaction("feedback_helpful", "nosuchdocument#nosuchsection\nq1\nanything", host.Api.ResponseUrl(responseId), user: user), FormType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the clicker is told");
        var post = Assert.Single(host.Api.ResponseUrlPosts(responseId));
        Assert.Equal("ephemeral", post.Json.GetProperty("response_type").GetString());
        Assert.False(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains(BlockKitText.All(post.Json.GetProperty("blocks")), t => t.Contains("wasn't counted", StringComparison.Ordinal));
        Assert.DoesNotContain(await host.Factory.FeedbackAsync(), f => f.UserId == user);
    }

    [Fact]
    public async Task Feedback_on_a_shared_channel_message_thanks_only_the_clicker()
    {
        var user = SlackHost.NewId("U");
        var responseId = SlackHost.NewId("fb");
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            Interaction("feedback_helpful", await AnswerButtonValueAsync(), host.Api.ResponseUrl(responseId), user: user, ephemeral: false), FormType, host.Now));

        Assert.Single(await host.Factory.FeedbackAsync(), f => f.UserId == user);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the clicker is thanked");
        var post = Assert.Single(host.Api.ResponseUrlPosts(responseId));
        Assert.False(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Equal("ephemeral", post.Json.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task Suggested_topic_button_asks_that_topic()
    {
        var responseId = SlackHost.NewId("ask");
        using var response = await ClickAsync("ask_1", "Can I post anonymously?", responseId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the topic is answered");
        var post = Assert.Single(host.Api.ResponseUrlPosts(responseId));
        Assert.True(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Can I post anonymously?", BlockKitText.All(post.Json.GetProperty("blocks")));
        Assert.Equal(3, BlockKitText.AnswerActions(post.Json).GetProperty("elements").GetArrayLength());
    }

    [Fact]
    public async Task A_topic_button_on_a_message_in_a_channel_answers_the_clicker_alone_and_leaves_the_message()
    {
        // Anyone in the channel can press a button of the answer someone else got there: it was replaced for everyone.
        var responseId = SlackHost.NewId("ask");
        using var response = await ClickAsync("ask_1", "Can I post anonymously?", responseId, ephemeral: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the topic is answered");
        var post = Assert.Single(host.Api.ResponseUrlPosts(responseId));
        Assert.False(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Equal("ephemeral", post.Json.GetProperty("response_type").GetString());
        Assert.Contains("Can I post anonymously?", BlockKitText.All(post.Json.GetProperty("blocks")));
        Assert.Contains(BlockKitText.AnswerActions(post.Json).GetProperty("elements").EnumerateArray(), e => e.GetProperty("action_id").GetString() == "share");
    }

    [Fact]
    public async Task A_topic_button_shows_its_section_the_introduction_too()
    {
        var responseId = SlackHost.NewId("topic");
        var intro = new AnswerRef(null, "staff-social-media-guidelines#0", "About these guidelines").Encode();
        using var response = await ClickAsync("ask_0", intro, responseId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the topic is shown");
        var post = Assert.Single(host.Api.ResponseUrlPosts(responseId));
        var text = string.Join("\n", BlockKitText.All(post.Json.GetProperty("blocks")));
        Assert.Contains("complement the Acceptable Use Policy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't find", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payload=%7Bnot+json", "payload is not valid JSON.")]
    [InlineData("payload=null", "payload is not valid JSON.")]
    [InlineData("nopayload=1", "The body is not a form with a payload field.")]
    [InlineData("payload=%7B%7D", "payload has no type.")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D", "block_actions needs user.id and actions.")]
    [InlineData("payload=%7B%22type%22%3A%22view_submission%22%7D", "view_submission needs user.id and view.")]
    public async Task Malformed_interaction_body_is_400_saying_why(string body, string why)
    {
        using var response = await host.Client.SendAsync(Signed("/slack/interactions", body, FormType, host.Now));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(why, await response.Content.ReadAsStringAsync());
    }

    private static string RawInteraction(string actionsJson, string responseUrl, string user) =>
        Form(("payload", $$"""
            {"type":"block_actions","user":{"id":"{{user}}","team_id":"T0TEAM"},"team":{"id":"T0TEAM"},
             "container":{"type":"message","message_ts":"1700000000.000900","channel_id":"C0GENERAL","is_ephemeral":true},
             "response_url":"{{responseUrl}}","actions":{{actionsJson}}}
            """));

    [Fact]
    public async Task Null_actions_are_skipped_with_a_log_line_and_never_a_500()
    {
        var user = SlackHost.NewId("U");
        var value = System.Text.Json.JsonSerializer.Serialize(await AnswerButtonValueAsync());
        using var onlyNull = await host.Client.SendAsync(Signed("/slack/interactions",
            RawInteraction("[null]", host.Api.ResponseUrl(SlackHost.NewId("null")), user), FormType, host.Now));
        using var nullThenVote = await host.Client.SendAsync(Signed("/slack/interactions",
            RawInteraction($$"""[null,{"action_id":"feedback_helpful","value":{{value}},"type":"button"}]""", host.Api.ResponseUrl(SlackHost.NewId("null")), user),
            FormType, host.Now));

        Assert.Equal(HttpStatusCode.OK, onlyNull.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nullThenVote.StatusCode);
        Assert.True(host.Factory.Logged(Microsoft.Extensions.Logging.LogLevel.Warning, "null"));
        Assert.Single(await host.Factory.FeedbackAsync(), f => f.UserId == user);
    }

    [Fact]
    public async Task One_payload_is_one_click_only_its_first_action_is_handled()
    {
        var responseId = SlackHost.NewId("many");
        var actions = string.Join(",", Enumerable.Range(0, 20).Select(_ => """{"action_id":"ask_1","value":"Can I post anonymously?","type":"button"}"""));
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            RawInteraction($"[{actions}]", host.Api.ResponseUrl(responseId), SlackHost.NewId("U")), FormType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count >= 1, "the first action is answered");
        Assert.True(host.Factory.Logged(Microsoft.Extensions.Logging.LogLevel.Warning, "20 actions"));
        await Task.Delay(200);
        Assert.Single(host.Api.ResponseUrlPosts(responseId));
    }

    [Fact]
    public async Task A_double_click_or_a_replay_is_one_vote_and_a_changed_mind_replaces_it()
    {
        var user = SlackHost.NewId("U");
        var value = await AnswerButtonValueAsync();
        var click = Interaction("feedback_helpful", value, host.Api.ResponseUrl(SlackHost.NewId("fb")), user: user, ephemeral: false);
        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Client.SendAsync(Signed("/slack/interactions", click, FormType, host.Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(Assert.Single(await host.Factory.FeedbackAsync(), f => f.UserId == user).Helpful);

        using (var changed = await host.Client.SendAsync(Signed("/slack/interactions",
                   Interaction("feedback_not_helpful", value, host.Api.ResponseUrl(SlackHost.NewId("fb")), user: user, ephemeral: false), FormType, host.Now)))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        Assert.False(Assert.Single(await host.Factory.FeedbackAsync(), f => f.UserId == user).Helpful);
    }

    [Fact]
    public async Task A_response_url_outside_hooks_slack_com_and_Slack_ResponseUrlHosts_is_never_posted_to()
    {
        await using var elsewhere = await FakeSlackApi.StartAsync(); // loopback, but a port not in Slack:ResponseUrlHosts
        var allowedRoot = host.Api.Root;
        var refused = new[]
        {
            elsewhere.ResponseUrl("other-port"),
            "https://hooks.slack.com.invalid/actions/T0/1/x",
            allowedRoot.Replace("http://", "http://user:secret@", StringComparison.Ordinal) + "/response/userinfo",
        };

        foreach (var url in refused)
        {
            var logId = SlackHost.NewId("act");
            var body = Interaction("ask_0", "Can I post anonymously?", url).Replace("1700000001.000300", logId, StringComparison.Ordinal);
            using var response = await host.Client.SendAsync(Signed("/slack/interactions", body, FormType, host.Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Eventually.WaitUntilAsync(() => host.Factory.Logged(Microsoft.Extensions.Logging.LogLevel.Warning, "response_url", logId, "refused"),
                "the refusal of " + url + " is logged");
        }

        Assert.Empty(elsewhere.Requests);
        Assert.Empty(host.Api.ResponseUrlPosts("userinfo"));
        Assert.DoesNotContain(host.Factory.Logs.Entries, e => e.Message.Contains("secret", StringComparison.Ordinal)); // the refused URL's password
    }

    [Fact]
    public async Task An_oversized_answer_from_a_response_url_is_not_read_but_logged()
    {
        var responseId = SlackHost.NewId("big");
        var logId = SlackHost.NewId("act");
        host.Api.Script(responseId, new ScriptedResponse(200, new string(' ', 2 * 1024 * 1024) + "ok"));
        var body = Interaction("ask_0", "Can I post anonymously?", host.Api.ResponseUrl(responseId)).Replace("1700000001.000300", logId, StringComparison.Ordinal);
        using var response = await host.Client.SendAsync(Signed("/slack/interactions", body, FormType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Factory.Logged(Microsoft.Extensions.Logging.LogLevel.Error, "response_url", logId, "failed"),
            "the oversized answer is logged as a failure");
        Assert.Single(host.Api.ResponseUrlPosts(responseId));
    }
}
