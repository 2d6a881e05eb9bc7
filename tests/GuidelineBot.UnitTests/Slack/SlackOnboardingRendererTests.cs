using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackOnboardingRendererTests
{
    private const string LongTitle = "Staff Social Media Guidelines and Best Practices";
    private readonly SlackOnboardingRenderer _renderer = new(new SlackReplyRenderer(Options.Create(new SlackOptions())));

    private static GuidelineSection Section(string heading, string text) =>
        new("doc#s", "doc", "Staff & <Guidelines>", heading, [new Passage(text, 10, 12)], "knowledge/doc.txt", 10, 12, null);

    private static JsonElement[] Blocks(SlackMessage message)
    {
        var json = JsonSerializer.Serialize(new ChatPostMessageRequest("D1", message.Text, message.Blocks), SlackJsonContext.Default.ChatPostMessageRequest);
        return JsonDocument.Parse(json).RootElement.GetProperty("blocks").EnumerateArray().ToArray();
    }

    private static JsonElement[] Buttons(JsonElement[] blocks) =>
        blocks.Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray()).ToArray();

    /// <summary>Every "text" string in the blocks (decoded), one per line.</summary>
    private static string Texts(JsonElement[] blocks) => string.Join("\n", blocks.SelectMany(AllTexts));

    private static IEnumerable<string> AllTexts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "text" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : AllTexts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllTexts),
        _ => [],
    };

    [Fact]
    public void Section_step_has_numbered_heading_escaped_text_citation_and_next_question_pause_buttons()
    {
        var step = new OnboardingSection(Section("Can I post <photos>?", "Never post A & B <script>."), 2, 12, "d0.s1");
        var blocks = Blocks(Assert.Single(_renderer.Render(step)));

        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("2/12 · Can I post <photos>?", blocks[0].GetProperty("text").GetProperty("text").GetString()); // plain_text: not escaped
        Assert.Equal("Never post A &amp; B &lt;script&gt;.", blocks[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("Source: Staff &amp; &lt;Guidelines&gt;", blocks[2].GetProperty("elements")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var buttons = Buttons(blocks);
        Assert.Equal(["Next", "I have a question", "Pause"], buttons.Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Equal(["onboarding_0", "onboarding_1", "onboarding_2"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal("onboarding:next:d0.s1", buttons[0].GetProperty("value").GetString());
        Assert.Equal("primary", buttons[0].GetProperty("style").GetString());
        Assert.False(buttons[1].TryGetProperty("style", out _));
    }

    [Fact]
    public void Long_section_text_is_split_and_the_message_stays_within_50_blocks()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 200).Select(i => $"Paragraph {i}: " + new string('x', 2900)));
        var blocks = Blocks(Assert.Single(_renderer.Render(new OnboardingSection(Section("Long", text), 1, 1, "d0.s0"))));

        Assert.True(blocks.Length <= Mrkdwn.MaxBlocks);
        Assert.All(blocks.Where(b => b.GetProperty("type").GetString() == "section"),
            b => Assert.InRange(b.GetProperty("text").GetProperty("text").GetString()!.Length, 1, Mrkdwn.MaxSectionText));
        Assert.Equal("actions", blocks[^1].GetProperty("type").GetString()); // the buttons survive the cut
    }

    [Fact]
    public void Acknowledge_prompt_states_the_title_in_bold_and_its_button_fits_75_characters()
    {
        var prompt = new OnboardingAcknowledgePrompt("doc", LongTitle, "d0.ack");
        var blocks = Blocks(Assert.Single(_renderer.Render(prompt)));

        Assert.Contains($"I have read and understand the *{LongTitle}*", blocks[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        var button = Assert.Single(Buttons(blocks));
        Assert.Equal(SlackOnboardingRenderer.ShortAcknowledgeLabel, button.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("onboarding:ack:d0.ack", button.GetProperty("value").GetString());

        var shortTitle = Blocks(Assert.Single(_renderer.Render(new OnboardingAcknowledgePrompt("doc", "Staff Handbook", "d0.ack"))));
        Assert.Equal("I have read and understand the Staff Handbook", Assert.Single(Buttons(shortTitle)).GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public void Check_question_lists_every_choice_in_full_and_letters_the_buttons_within_75_characters()
    {
        var longChoice = "No: " + new string('z', 120);
        var question = new OnboardingCheckQuestion("Doc", "May you <post>?", ["Yes", longChoice], 1, 3, "d0.q0");
        var blocks = Blocks(Assert.Single(_renderer.Render(question)));

        var text = blocks[0].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("*Check question 1/3:* May you &lt;post&gt;?", text, StringComparison.Ordinal);
        Assert.Contains("*B)* " + longChoice, text, StringComparison.Ordinal);
        var labels = Buttons(blocks).Select(b => b.GetProperty("text").GetProperty("text").GetString()!).ToArray();
        Assert.Equal("A) Yes", labels[0]);
        Assert.StartsWith("B) No: zzz", labels[1], StringComparison.Ordinal);
        Assert.Equal(Mrkdwn.MaxButtonText, labels[1].Length);
        Assert.Equal("onboarding:answer:2:d0.q0", Buttons(blocks)[1].GetProperty("value").GetString());
    }

    [Fact]
    public void An_answered_question_is_the_answer_with_feedback_buttons_then_continue_onboarding()
    {
        var section = Section("Can I post anonymously?", "Use your real name.");
        var answered = new OnboardingAnsweredQuestion(new AnswerReply("can I post anonymously?", section, "Use your real name.", 0.9, []), OfferContinue: true);

        var messages = _renderer.Render(answered);

        Assert.Equal(2, messages.Count);
        Assert.Equal(["feedback_helpful", "feedback_not_helpful"], Buttons(Blocks(messages[0])).Select(b => b.GetProperty("action_id").GetString()));
        Assert.Contains(OnboardingAnsweredQuestion.ContinuePrompt, Texts(Blocks(messages[1])), StringComparison.Ordinal);
        Assert.Equal(["onboarding:resume", "onboarding:pause"], Buttons(Blocks(messages[1])).Select(b => b.GetProperty("value").GetString()));

        Assert.Single(_renderer.Render(answered with { OfferContinue = false }));
    }

    [Fact]
    public void Wrong_check_answer_shows_the_guideline_text_and_citation()
    {
        var feedback = new OnboardingCheckFeedback(false, "Yes", Section("Photos", "Don't post pictures of students."), "Use a class account.");
        var blocks = Blocks(Assert.Single(_renderer.Render(feedback)));

        var all = Texts(blocks);
        Assert.Contains("Not quite", all, StringComparison.Ordinal);
        Assert.Contains("Don't post pictures of students.", all, StringComparison.Ordinal);
        Assert.Contains("Source: Staff &amp; &lt;Guidelines&gt;", all, StringComparison.Ordinal);
        Assert.Contains("Use a class account.", all, StringComparison.Ordinal);
        Assert.Empty(Buttons(blocks));
    }

    [Fact]
    public void Every_message_has_non_empty_fallback_text()
    {
        OnboardingOutput[] outputs =
        [
            new OnboardingGreeting("Pat <x>", "doc", LongTitle, 12, 5, 9, 1, 1),
            new OnboardingPaused("topic 3 of 12"),
            new OnboardingQuestionPrompt(),
            new OnboardingNotice(OnboardingNoticeKind.NotStarted, "You have no onboarding in progress. Type *onboard* to start one."),
            new OnboardingSummary([LongTitle], ["Can I post photos?"], "the Director of Technology"),
            new OnboardingAcknowledgementRecorded(new OnboardingAcknowledgement("slack", "T:U", "Pat", "doc", LongTitle, new string('a', 64), DateTimeOffset.UnixEpoch)),
        ];

        foreach (var message in _renderer.Render(outputs))
        {
            Assert.False(string.IsNullOrWhiteSpace(message.Text));
            Assert.NotEmpty(message.Blocks);
        }

        Assert.Contains("*Welcome, Pat &lt;x&gt;!*", Texts(Blocks(_renderer.Render(outputs[0])[0])), StringComparison.Ordinal);
        Assert.Equal("onboarding:start", Buttons(Blocks(_renderer.Render(outputs[3])[0])).Single().GetProperty("value").GetString());
    }
}
