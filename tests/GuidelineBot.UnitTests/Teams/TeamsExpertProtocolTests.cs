using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Teams.Experts;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.UnitTests.Teams;

/// <summary>Reading Teams' experts' channel: thread ids, replies that mention the bot, the asker's reply address, the configuration.</summary>
public sealed class TeamsExpertProtocolTests
{
    private const string Experts = "19:experts@thread.tacv2";
    private const string BotId = "28:bot";

    [Theory]
    [InlineData("19:experts@thread.tacv2;messageid=1700000000123", "19:experts@thread.tacv2", "1700000000123")]
    [InlineData("19:experts@thread.tacv2", "19:experts@thread.tacv2", null)]
    [InlineData("19:experts@thread.tacv2;messageid=", "19:experts@thread.tacv2", null)]
    [InlineData("a:1:personal", "a:1:personal", null)]
    public void Thread_ids_split_into_channel_and_root(string conversationId, string channel, string? root)
    {
        var thread = ExpertsThread.Parse(conversationId);

        Assert.Equal(channel, thread.ChannelId);
        Assert.Equal(root, thread.RootMessageId);
        if (root is not null)
        {
            Assert.Equal(conversationId, ExpertsThread.Of(channel, root));
        }
    }

    [Fact]
    public void A_reply_mentioning_the_bot_in_a_thread_of_the_experts_channel_is_an_expert_reply_without_the_mention()
    {
        var reply = ExpertThreadReply.Read(Reply(Experts + ";messageid=1700000000123", "1700000000200", mentions: true), Experts);

        Assert.Equal(new ExpertReplyInbound(Experts, "1700000000123", "Guide dogs are welcome."), reply);
    }

    [Theory]
    // The asker read "ask <at>Dana Lee</at>" before: Teams' markup in plain text.
    [InlineData("<at>GuidelineBot</at> Yes; ask <at>Dana Lee</at> for the form.", "<at>GuidelineBot</at>", "<at>Dana Lee</at>",
        "Yes; ask @Dana Lee for the form.")]
    // A formatted message comes as HTML: <p>, <br>, &amp; and mentions with attributes reached the asker raw.
    [InlineData("<p><at id=\"0\">GuidelineBot</at>  Yes &amp; no:<br>ask <at id=\"1\">Dana Lee</at> or <at>Sam</at>.</p><p>Thanks</p>",
        "<at id=\"0\">GuidelineBot</at>", "<at id=\"1\">Dana Lee</at>", "Yes & no:\nask @Dana Lee or @Sam.\nThanks")]
    public void An_expert_reply_reaches_the_asker_as_plain_text_naming_the_people_it_mentions(string text, string botMention, string danaMention, string expected)
    {
        var activity = new Activity
        {
            Type = "message",
            Id = "1700000000200",
            Text = text,
            From = new ChannelAccount { Id = "29:expert", Name = "Sam Expert" },
            Recipient = new ChannelAccount { Id = BotId, Name = "GuidelineBot" },
            Conversation = new ConversationAccount { Id = Experts + ";messageid=1700000000123", ConversationType = "channel" },
            Entities =
            [
                new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = BotId, Name = "GuidelineBot" }, Text = botMention },
                new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:dana", Name = "Dana Lee" }, Text = danaMention },
            ],
        };

        Assert.Equal(expected, ExpertThreadReply.Read(activity, Experts)?.Text);
    }

    [Theory]
    [InlineData("19:experts@thread.tacv2;messageid=1700000000200", true, "the thread's own root post")]
    [InlineData("19:experts@thread.tacv2", true, "no thread")]
    [InlineData("19:other@thread.tacv2;messageid=1700000000123", true, "another channel")]
    [InlineData("19:experts@thread.tacv2;messageid=1700000000123", false, "no mention of the bot")]
    public void Other_messages_are_not_expert_replies(string conversationId, bool mentions, string why)
    {
        Assert.True(ExpertThreadReply.Read(Reply(conversationId, "1700000000200", mentions), Experts) is null, why);
    }

    [Fact]
    public void Reply_address_round_trips_and_rejects_what_is_not_ours()
    {
        var address = new TeamsReplyAddress("https://smba.trafficmanager.net/emea/", "19:x@thread.tacv2;messageid=1", "tenant-1");

        Assert.Equal(address, TeamsReplyAddress.Decode(address.Encode()));
        Assert.Null(TeamsReplyAddress.Decode(null));
        Assert.Null(TeamsReplyAddress.Decode("C123:1700000000.000100"));
        Assert.Null(TeamsReplyAddress.Decode("{\"conversationId\":\"a:1\"}"));
        Assert.Null(TeamsReplyAddress.Decode("{not json"));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("19:experts@thread.tacv2", "https://smba.trafficmanager.net/emea/", true)]
    [InlineData("19:experts@thread.tacv2", "http://127.0.0.1:5000/connector/", true)]
    [InlineData("C0123456", null, false)]
    [InlineData("19:experts@thread.tacv2;messageid=1", null, false)]
    [InlineData("19:experts@thread.tacv2", "http://connector.invalid/", false)]
    [InlineData("19:experts@thread.tacv2", "https://smba.trafficmanager.net/emea/?x=1", false)]
    public void Teams_expert_options_are_checked_on_start(string? channel, string? serviceUrl, bool valid)
    {
        var result = new TeamsExpertOptionsValidator().Validate(null, new ExpertOptions { TeamsChannel = channel, TeamsServiceUrl = serviceUrl });

        Assert.Equal(valid, result.Succeeded);
    }

    private static Activity Reply(string conversationId, string id, bool mentions)
    {
        var json = $$"""
            {"type":"message","id":"{{id}}","text":"{{(mentions ? "<at>GuidelineBot</at> " : "")}}Guide dogs are welcome.",
             "from":{"id":"29:expert","aadObjectId":"aad-expert","name":"Sam Expert"},"recipient":{"id":"{{BotId}}","name":"GuidelineBot"},
             "conversation":{"id":"{{conversationId}}","conversationType":"channel"},
             "entities":[{{(mentions ? $$"""{"type":"mention","mentioned":{"id":"{{BotId}}","name":"GuidelineBot"},"text":"<at>GuidelineBot</at>"}""" : "")}}]}
            """;
        return JsonSerializer.Deserialize(json, TeamsJsonContext.Default.Activity)!;
    }
}
