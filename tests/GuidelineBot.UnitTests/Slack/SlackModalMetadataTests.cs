using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Interactions;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackModalMetadataTests
{
    [Fact]
    public void Metadata_round_trips_the_submit_value_and_where_the_person_was()
    {
        var metadata = new ModalMetadata(new AnswerRef("q1", "doc#s", "can I bring my dog?").Encode(), "C0GENERAL", false, "T0TEAM",
            "C0GENERAL:1700000000.000100", "https://hooks.slack.com/actions/T0/1/abc");

        Assert.Equal(metadata, ModalMetadata.Decode(metadata.Encode(ActionKind.SendToExpert)));
    }

    [Fact]
    public void A_question_too_long_for_private_metadata_is_shortened_to_fit_3000_characters()
    {
        var question = string.Concat(Enumerable.Repeat("é\"<", 900));
        var metadata = new ModalMetadata(new AnswerRef("q1", "doc#s", question).Encode(), "C0GENERAL", false, "T0TEAM", null,
            "https://hooks.slack.com/actions/T0/1/abc");

        var json = metadata.Encode(ActionKind.SendToExpert)!;

        Assert.True(json.Length <= ModalMetadata.MaxLength, $"{json.Length} characters");
        var decoded = ModalMetadata.Decode(json)!;
        var asked = AnswerRef.Decode(decoded.Value)!;
        Assert.Equal("q1", asked.QuestionId);
        Assert.EndsWith("…", asked.Question, StringComparison.Ordinal); // the cut shows
        Assert.StartsWith(asked.Question[..^1], question, StringComparison.Ordinal);
        Assert.True(asked.Question.Length > 100);
        Assert.Equal(metadata.ResponseUrl, decoded.ResponseUrl);
    }

    [Fact]
    public void Metadata_that_cannot_be_made_to_fit_is_not_encoded()
    {
        // Slack's ids are a dozen characters; a signed payload with a 3,000-character channel id made Encode throw.
        var metadata = new ModalMetadata(new AnswerRef("q1", "doc#s", "can I bring my dog?").Encode(), "C" + new string('X', 3000), false, "T0TEAM", null,
            "https://hooks.slack.com/actions/T0/1/abc");

        Assert.Null(metadata.Encode(ActionKind.SendToExpert));
        Assert.Null(metadata.Encode(ActionKind.ExpertAnswer));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"channel\":\"C1\"}")]
    public void Missing_or_foreign_metadata_is_not_read(string? json) => Assert.Null(ModalMetadata.Decode(json));

    [Fact]
    public void Reply_addresses_are_threads_in_channels_only()
    {
        Assert.True(SlackReplyAddress.TryParse(SlackReplyAddress.ForThread("C0GENERAL", "1700000000.000100"), out var address));
        Assert.Equal(new SlackReplyAddress("C0GENERAL", "1700000000.000100"), address);
        Assert.Null(SlackReplyAddress.ForThread("D0DIRECT", "1700000000.000100"));
        Assert.Null(SlackReplyAddress.ForThread("C0GENERAL", null));
        Assert.False(SlackReplyAddress.TryParse(null, out _));
        Assert.False(SlackReplyAddress.TryParse("C0GENERAL", out _));
        Assert.False(SlackReplyAddress.TryParse("C0:1:2", out _));
    }

    [Fact]
    public void Submitted_fields_are_read_by_action_id_with_a_ticked_box_as_true()
    {
        var state = new SlackViewState(new Dictionary<string, IReadOnlyDictionary<string, SlackViewValue?>?>
        {
            ["answer"] = new Dictionary<string, SlackViewValue?> { ["answer"] = new("plain_text_input", "Only guide dogs.") },
            ["addToKnowledge"] = new Dictionary<string, SlackViewValue?> { ["addToKnowledge"] = new("checkboxes", SelectedOptions: [new SlackOption("true")]) },
            ["other"] = new Dictionary<string, SlackViewValue?> { ["unticked"] = new("checkboxes", SelectedOptions: []), ["empty"] = new("plain_text_input") },
        });

        var inputs = ViewSubmissionHandler.Inputs(state);

        Assert.Equal("Only guide dogs.", inputs["answer"]);
        Assert.Equal("true", inputs["addToKnowledge"]);
        Assert.Equal("false", inputs["unticked"]);
        Assert.Equal("", inputs["empty"]);
        Assert.Empty(ViewSubmissionHandler.Inputs(null));
    }
}
