using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The chat's JSON over real HTTP, as the page reads it: an answer (heading, guideline text, citation — linked when the
/// document has a <c>source</c> — 👍/👎, related topics), a decline (contact and "did you mean" topics), a vote counted
/// once per answer and person, and onboarding steps through their buttons.
/// </summary>
public sealed class WebChatConversationTests : IAsyncLifetime
{
    private readonly string _knowledge = Path.Combine(Path.GetTempPath(), "guidelinebot-web-knowledge-" + Guid.NewGuid().ToString("N"));
    private WebBotFactory _bot = null!;
    private ChatClient _chat = null!;

    public async Task InitializeAsync()
    {
        // The repository's knowledge plus a Markdown document whose front matter gives a source URL.
        Directory.CreateDirectory(_knowledge);
        foreach (var file in Directory.GetFiles(RepoPaths.Knowledge))
        {
            File.Copy(file, Path.Combine(_knowledge, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(RepoPaths.Root, "tests", "eval", "unseen", "docs", "email-and-messaging-guidelines.md"),
            Path.Combine(_knowledge, "email-and-messaging-guidelines.md"));
        _bot = new WebBotFactory(settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None", ["Knowledge:Path"] = _knowledge });
        _chat = new ChatClient(_bot.Start());
        await _chat.LoadPageAsync();
    }

    public async Task DisposeAsync()
    {
        _chat.Dispose();
        await _bot.DisposeAsync();
        Directory.Delete(_knowledge, recursive: true);
    }

    [Fact]
    public async Task The_page_carries_the_greeting_with_both_documents_and_example_questions_to_press()
    {
        var html = await _chat.LoadPageAsync();
        var attribute = System.Text.RegularExpressions.Regex.Match(html, "data-greeting=\"([^\"]*)\"");
        Assert.True(attribute.Success, "the log has no data-greeting");
        using var greeting = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(attribute.Groups[1].Value));

        var message = Assert.Single(Messages(greeting.RootElement));
        Assert.Equal("help", message.GetProperty("kind").GetString());
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("Hi, I'm GuidelineBot 👋", Text(blocks[0]));
        var all = string.Join("\n", blocks.Select(b => b.GetRawText()));
        Assert.Contains("Staff Social Media Guidelines and Best Practices", all, StringComparison.Ordinal);
        Assert.Contains("Staff Email and Electronic Messaging Guidelines", all, StringComparison.Ordinal);
        var examples = Buttons(blocks).Where(b => b.Kind == "ask").ToList();
        Assert.NotEmpty(examples);

        // An example pressed is answered; opening the page returns only what waits for the person (nothing here).
        Assert.Equal("answer", Assert.Single(Messages(await Ok(_chat.PostActionAsync("ask", examples[0].Value)))).GetProperty("kind").GetString());
        Assert.Empty(Messages(await Ok(_chat.PostOpenedAsync())));
    }

    [Fact]
    public async Task A_document_title_made_of_markup_reaches_the_greeting_as_text_and_never_as_markup()
    {
        const string title = "Trips \"><img src=x onerror=\"document.title='pwned'\"> & <script>alert(1)</script> Guidelines";
        var folder = Path.Combine(Path.GetTempPath(), "guidelinebot-web-markup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "trips.md"),
                $"---\ntitle: '{title.Replace("'", "''", StringComparison.Ordinal)}'\n---\n\n## Can I take students on a trip?\n\nOnly with the principal's written approval.\n");
            await using var bot = new WebBotFactory(settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None", ["Knowledge:Path"] = folder });
            using var chat = new ChatClient(bot.Start());

            var html = await chat.LoadPageAsync();

            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            var attribute = System.Text.RegularExpressions.Regex.Match(html, "data-greeting=\"([^\"]*)\"");
            using var greeting = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(attribute.Groups[1].Value));
            Assert.Contains(title, Slack.BlockKitText.All(greeting.RootElement), StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_answer_has_its_heading_guideline_text_citation_votes_and_related_topics()
    {
        var message = Assert.Single(Messages(await Ok(_chat.PostMessageAsync("can I friend parents?"))));

        Assert.Equal("answer", message.GetProperty("kind").GetString());
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("heading", Type(blocks[0]));
        Assert.Contains("friend", Text(blocks[0]), StringComparison.Ordinal);
        Assert.Contains(blocks, b => Type(b) == "guidelineText"
                                     && b.GetProperty("passages").EnumerateArray().Any(p => p.GetString()!.Contains("Employees should use extreme caution", StringComparison.Ordinal)));
        Assert.Contains(blocks, b => Type(b) == "note" && Text(b).Contains("Source: Staff Social Media Guidelines and Best Practices ›", StringComparison.Ordinal));
        var buttons = Buttons(blocks);
        Assert.Contains(buttons, b => b.Kind == "helpful");
        Assert.Contains(buttons, b => b.Kind == "notHelpful");
        Assert.Contains(buttons, b => b.Kind == "ask");
    }

    [Fact]
    public async Task A_citation_links_to_the_documents_source()
    {
        var message = Assert.Single(Messages(await Ok(_chat.PostMessageAsync("can I text students from my personal phone?"))));

        var note = message.GetProperty("blocks").EnumerateArray().First(b => Type(b) == "note" && Text(b).Contains("Source:", StringComparison.Ordinal));
        Assert.Contains(note.GetProperty("text").EnumerateArray(), s =>
            s.TryGetProperty("href", out var href) && href.GetString() == "https://example.org/riverbend-usd/policies/staff-email-and-messaging");
    }

    [Fact]
    public async Task A_question_the_guidelines_do_not_cover_is_declined_with_the_contact_and_topics()
    {
        var message = Assert.Single(Messages(await Ok(_chat.PostMessageAsync("what is the weather tomorrow in Paris?"))));

        Assert.Equal("noAnswer", message.GetProperty("kind").GetString());
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Contains(blocks, b => Type(b) == "paragraph" && Text(b).Contains("Please ask", StringComparison.Ordinal));
        var topics = Buttons(blocks);
        Assert.NotEmpty(topics);
        Assert.All(topics, b => Assert.Equal("ask", b.Kind));

        var followed = Assert.Single(Messages(await Ok(_chat.PostActionAsync("ask", topics[0].Value))));
        Assert.Contains(followed.GetProperty("kind").GetString(), new[] { "answer", "noAnswer" });
    }

    [Fact]
    public async Task A_vote_is_stored_once_for_the_web_channel_and_a_changed_vote_replaces_it()
    {
        var answer = Assert.Single(Messages(await Ok(_chat.PostMessageAsync("can I friend parents?"))));
        var buttons = Buttons(answer.GetProperty("blocks").EnumerateArray().ToList());
        var up = buttons.First(b => b.Kind == "helpful");
        var down = buttons.First(b => b.Kind == "notHelpful");

        var thanks = Assert.Single(Messages(await Ok(_chat.PostActionAsync(up.Kind, up.Value))));
        await Ok(_chat.PostActionAsync(up.Kind, up.Value));
        var afterRepeat = await Votes();
        await Ok(_chat.PostActionAsync(down.Kind, down.Value));
        var afterChange = await Votes();

        Assert.Equal("feedbackThanks", thanks.GetProperty("kind").GetString());
        Assert.True(Assert.Single(afterRepeat).Helpful);
        Assert.False(Assert.Single(afterChange).Helpful);
        Assert.Equal("web", afterChange[0].Channel);
        Assert.StartsWith("local-", afterChange[0].UserId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Onboarding_starts_by_typing_and_goes_on_through_its_buttons()
    {
        var started = Messages(await Ok(_chat.PostMessageAsync("start onboarding")));
        Assert.All(started, m => Assert.Equal("onboarding", m.GetProperty("kind").GetString()));
        var next = Buttons(started.SelectMany(m => m.GetProperty("blocks").EnumerateArray()).ToList()).Last(b => b.Label == "Next");
        Assert.Equal("onboarding", next.Kind);

        var step = Messages(await Ok(_chat.PostActionAsync(next.Kind, next.Value)));
        var doubleClick = Messages(await Ok(_chat.PostActionAsync(next.Kind, next.Value)));

        var heading = Text(step.SelectMany(m => m.GetProperty("blocks").EnumerateArray()).First(b => Type(b) == "heading"));
        Assert.Matches(@"^\d+/\d+ · |^Check question|^Acknowledgement", heading);
        Assert.Empty(doubleClick); // the same Next a moment later: moved on once, says nothing
    }

    [Fact]
    public async Task A_check_question_gives_each_choice_once_on_its_button_not_again_in_a_list()
    {
        // The page showed (and a screen reader read) every choice twice: "A) …" in a list, then on its button.
        var shown = Messages(await Ok(_chat.PostMessageAsync("start onboarding")));
        for (var step = 0; step < 60 && !shown.Any(IsCheckQuestion); step++)
        {
            var buttons = Buttons(shown.SelectMany(m => m.GetProperty("blocks").EnumerateArray())).Where(b => b.Kind == "onboarding").ToList();
            var next = buttons.LastOrDefault(b => b.Label == "Next") is { Kind: not null } labelled ? labelled : buttons[0];
            shown = Messages(await Ok(_chat.PostActionAsync(next.Kind, next.Value)));
        }

        var question = shown.Single(IsCheckQuestion);
        var blocks = question.GetProperty("blocks").EnumerateArray().ToList();
        Assert.DoesNotContain(blocks, b => Type(b) == "list");
        var choices = Buttons(blocks);
        Assert.True(choices.Count >= 2);
        Assert.All(choices.Select((c, i) => (c.Label, Letter: (char)('A' + i))), c => Assert.Matches($"^{c.Letter}\\) \\S", c.Label));
    }

    private static bool IsCheckQuestion(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray().Any(b => Type(b) == "paragraph" && Text(b).StartsWith("Check question", StringComparison.Ordinal));

    private async Task<List<FeedbackRecord>> Votes() =>
        [.. await _bot.Services.GetRequiredService<IFeedbackStore>().ListAsync(DateTimeOffset.MinValue, CancellationToken.None)];

    internal static async Task<JsonElement> Ok(Task<HttpResponseMessage> post)
    {
        using var response = await post;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ChatClient.ReadOkAsync(response);
    }

    internal static List<JsonElement> Messages(JsonElement response) => response.GetProperty("messages").EnumerateArray().ToList();

    internal static string Type(JsonElement block) => block.GetProperty("type").GetString()!;

    internal static string Text(JsonElement block) =>
        block.TryGetProperty("text", out var spans) ? string.Concat(spans.EnumerateArray().Select(s => s.GetProperty("text").GetString())) : "";

    internal static List<(string Label, string Kind, string Value)> Buttons(IEnumerable<JsonElement> blocks) =>
        blocks.Where(b => Type(b) == "actions")
            .SelectMany(b => b.GetProperty("buttons").EnumerateArray())
            .Select(b => (b.GetProperty("label").GetString()!, b.GetProperty("kind").GetString()!, b.GetProperty("value").GetString()!))
            .ToList();
}
