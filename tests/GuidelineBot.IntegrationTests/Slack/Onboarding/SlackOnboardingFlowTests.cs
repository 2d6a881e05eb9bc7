using System.Text.Json;
using GuidelineBot.Cli;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.IntegrationTests.Onboarding;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.Onboarding.SlackOnboardingDriver;

namespace GuidelineBot.IntegrationTests.Slack.Onboarding;

/// <summary>Whole onboarding conversations through the real Slack endpoints and the fake Slack Web API (SQLite store).</summary>
[Collection(SlackCollection.Name)]
public sealed class SlackOnboardingFlowTests(SlackHost host)
{
    private static OnboardingDocument Seed => OnboardingTestKnowledge.Catalog.Documents.Single();

    private static int Sections => OnboardingTestKnowledge.SeedDocument.Sections.Count;

    private static string Title => OnboardingTestKnowledge.SeedDocument.Title;

    private SlackOnboardingDriver NewUser() => new(host.Client, host.Api, SlackHost.NewId("U"));

    private static string Letter(int choice) => ((char)('A' + choice - 1)).ToString();

    private IOnboardingStore Store => host.Factory.Services.GetRequiredService<IOnboardingStore>();

    [Fact]
    public async Task Whole_onboarding_from_the_slash_command_to_the_stored_acknowledgement_and_the_report()
    {
        Assert.Single(OnboardingTestKnowledge.Catalog.Documents); // the flow below walks the one seed document
        var pat = NewUser();

        // /guidelines onboard: an ephemeral pointer to the DM, which is opened with conversations.open.
        var (response, posts) = await pat.CommandAsync("onboard", expected: 2);
        Assert.Equal("ephemeral", response.GetProperty("response_type").GetString());
        Assert.Contains("direct message", response.GetProperty("text").GetString(), StringComparison.Ordinal);
        var open = Assert.Single(host.Api.OpensFor(pat.User));
        Assert.Equal("Bearer " + SlackBotFactory.BotToken, open.Authorization);
        Assert.Contains($"Welcome, pat!", AllText(posts[0]), StringComparison.Ordinal);
        Assert.Contains($"*{Title}*: {Sections} topics and {Seed.Questions.Count} quick check questions", AllText(posts[0]), StringComparison.Ordinal);
        AssertSection(posts[1], 1);
        Assert.Equal(["Next", "I have a question", "Pause"], Buttons(posts[1]).Select(Label));
        Assert.Equal("primary", Buttons(posts[1]).First().GetProperty("style").GetString());

        // Next through the first sections.
        for (var n = 2; n <= 3; n++)
        {
            AssertSection(Assert.Single(await pat.ClickAsync("Next", expected: 1)), n);
        }

        // A free question typed mid-way: answered from the index, then "Continue onboarding?"; the step is kept.
        posts = await pat.TypeAsync("can I post anonymously?", expected: 2);
        Assert.Equal("Can I post anonymously?", Header(posts[0]));
        Assert.Contains(BlockKitText.All(posts[0].GetProperty("blocks")), t => t.Contains("Source: Staff Social Media Guidelines", StringComparison.Ordinal));
        Assert.Contains(OnboardingAnsweredQuestion.ContinuePrompt, AllText(posts[1]), StringComparison.Ordinal);
        Assert.Equal(["Continue onboarding", "Pause"], Buttons(posts[1]).Select(Label));
        Assert.Equal(2, (await Store.GetAsync(new OnboardingKey("slack", pat.KeyUserId), default))!.SectionIndex);

        posts = await pat.ClickAsync("Continue onboarding", expected: 2);
        Assert.Contains($"Continuing where you left off: topic 3 of {Sections}", AllText(posts[0]), StringComparison.Ordinal);
        AssertSection(posts[1], 3);

        for (var n = 4; n <= Sections; n++)
        {
            AssertSection(Assert.Single(await pat.ClickAsync("Next", expected: 1)), n);
        }

        // Check questions: a wrong choice shows the guideline text that answers it, then the same question again.
        var question = Assert.Single(await pat.ClickAsync("Next", expected: 1));
        Assert.Contains($"Check question 1/{Seed.Questions.Count}:", AllText(question), StringComparison.Ordinal);
        Assert.Equal(Seed.Questions[0].Choices.Count, Buttons(question).Count());
        var correct = Seed.Questions[0].Correct;
        posts = await pat.ClickAsync(Letter(correct == 1 ? 2 : 1), expected: 2);
        Assert.Contains("Not quite", AllText(posts[0]), StringComparison.Ordinal);
        var firstParagraph = Seed.Questions[0].Section.Text.Split('\n')[0];
        Assert.Contains(firstParagraph.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal),
            AllText(posts[0]), StringComparison.Ordinal);
        Assert.Contains($"Check question 1/{Seed.Questions.Count}:", AllText(posts[1]), StringComparison.Ordinal);

        posts = await pat.ClickAsync(Letter(correct), expected: 2);
        Assert.Contains("Correct.", AllText(posts[0]), StringComparison.Ordinal);
        Assert.Contains($"Check question 2/{Seed.Questions.Count}:", AllText(posts[1]), StringComparison.Ordinal);

        // The second one typed as a letter in the DM; the rest clicked.
        posts = await pat.TypeAsync(Letter(Seed.Questions[1].Correct), expected: 2);
        Assert.Contains("Correct.", AllText(posts[0]), StringComparison.Ordinal);
        for (var i = 2; i < Seed.Questions.Count; i++)
        {
            Assert.Contains($"Check question {i + 1}/{Seed.Questions.Count}:", AllText(posts[1]), StringComparison.Ordinal);
            posts = await pat.ClickAsync(Letter(Seed.Questions[i].Correct), expected: 2);
            Assert.Contains("Correct.", AllText(posts[0]), StringComparison.Ordinal);
        }

        // The explicit acknowledgement.
        var prompt = posts[1];
        Assert.Contains($"I have read and understand the *{Title}*", AllText(prompt), StringComparison.Ordinal);
        var ack = Assert.Single(Buttons(prompt));
        Assert.Equal(OnboardingAcknowledgePrompt.ButtonLabel, Label(ack));
        Assert.Empty(await Store.ListAcknowledgementsAsync(default) is var none ? none.Where(a => a.UserId == pat.KeyUserId) : []);

        posts = await pat.ClickAsync(ack, expected: 2);
        Assert.Contains($"Recorded: you acknowledged the {Title}", AllText(posts[0]), StringComparison.Ordinal);
        Assert.Contains("You're all set", AllText(posts[1]), StringComparison.Ordinal);

        var acknowledgement = Assert.Single(await Store.ListAcknowledgementsAsync(default), a => a.UserId == pat.KeyUserId);
        Assert.Equal("slack", acknowledgement.Channel);
        Assert.Equal("pat", acknowledgement.DisplayName);
        Assert.Equal(OnboardingTestKnowledge.SeedDocument.ContentHash, acknowledgement.ContentHash);
        Assert.Equal(Title, acknowledgement.DocumentTitle);
        Assert.Equal(OnboardingStep.Completed, (await Store.GetAsync(new OnboardingKey("slack", pat.KeyUserId), default))!.Step);
        Assert.Single(host.Api.OpensFor(pat.User)); // every later message went into the DM the clicks came from
        // Nothing beyond what each step showed: start 2, sections 3…N one each, question 2, continue 2, first check 1,
        // wrong 2, each right answer 2, acknowledgement 2.
        Assert.Equal(2 + (Sections - 1) + 2 + 2 + 1 + 2 + (2 * Seed.Questions.Count) + 2, pat.Posts.Count);

        // `report onboarding` over the same store lists the acknowledgement of the current version.
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CliApp.RunAsync(["report", "onboarding"], output, errors, settings: new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Search:Reranker"] = "None",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={host.Factory.DatabasePath}",
        });
        Assert.True(exit == 0, errors.ToString());
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.Contains($"pat (slack:{pat.KeyUserId})  completed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"pat (slack:{pat.KeyUserId})  {Title}", StringComparison.Ordinal) &&
                                    l.Contains($"version {OnboardingTestKnowledge.SeedDocument.ShortHash} (current)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typing_onboard_in_the_dm_starts_it_there_and_while_paused_questions_get_plain_answers()
    {
        var kim = NewUser();
        var posts = await kim.TypeAsync("start onboarding", expected: 2);
        Assert.Contains($"Welcome, {FakeSlackApi.RealName(kim.User)}!", AllText(posts[0]), StringComparison.Ordinal); // users.info
        AssertSection(posts[1], 1);
        Assert.Empty(host.Api.OpensFor(kim.User)); // the DM is where the text came from

        posts = await kim.ClickAsync("Pause", expected: 1);
        Assert.Contains("Paused", AllText(posts[0]), StringComparison.Ordinal);
        Assert.Equal(["Resume"], Buttons(posts[0]).Select(Label));

        // Paused: a question is answered the ordinary way (no "Continue onboarding?").
        posts = await kim.TypeAsync("can I post anonymously?", expected: 1);
        Assert.Equal("Can I post anonymously?", Header(posts[0]));
        Assert.DoesNotContain(OnboardingAnsweredQuestion.ContinuePrompt, AllText(posts[0]), StringComparison.Ordinal);
        Assert.Equal(["👍 Helpful", "👎 Not helpful"], Buttons(posts[0]).Select(Label));

        posts = await kim.TypeAsync("resume", expected: 2);
        Assert.Contains("Continuing where you left off: topic 1", AllText(posts[0]), StringComparison.Ordinal);
        AssertSection(posts[1], 1);
    }

    [Fact]
    public async Task A_stale_next_button_does_not_skip_ahead()
    {
        var lee = NewUser();
        await lee.CommandAsync("onboard", expected: 2);
        var firstNext = lee.FindButton("Next");
        AssertSection(Assert.Single(await lee.ClickAsync(firstNext, expected: 1)), 2);

        // A double click: the same Next a moment later says nothing (the next click's posts would show a stray one).
        Assert.Empty(await lee.ClickAsync(firstNext, expected: 0));
        AssertSection(Assert.Single(await lee.ClickAsync(lee.FindButton("Next"), expected: 1)), 3);

        // A button from an earlier step: it says so and shows where the person is.
        var posts = await lee.ClickAsync(firstNext, expected: 2);
        Assert.Contains("from an earlier step", AllText(posts[0]), StringComparison.Ordinal);
        AssertSection(posts[1], 3);
        Assert.Equal(2, (await Store.GetAsync(new OnboardingKey("slack", lee.KeyUserId), default))!.SectionIndex);
    }

    [Fact]
    public async Task Slash_command_onboard_says_plainly_when_the_dm_cannot_be_opened_and_loses_nothing()
    {
        var pat = NewUser();
        host.Api.Script(FakeSlackApi.OpenKey(pat.User), new ScriptedResponse(200, """{"ok":false,"error":"cannot_dm_bot"}"""));

        var (response, posts) = await pat.CommandAsync("onboard", expected: 0);

        Assert.Equal("ephemeral", response.GetProperty("response_type").GetString());
        var said = response.GetProperty("text").GetString()!;
        Assert.Contains("couldn't reach you in a direct message", said, StringComparison.Ordinal);
        Assert.Contains("resume", said, StringComparison.Ordinal);
        Assert.DoesNotContain("sent you a private chat", said, StringComparison.Ordinal);
        Assert.Single(host.Api.OpensFor(pat.User));
        Assert.Empty(posts);
        await Task.Delay(TimeSpan.FromSeconds(1)); // nothing is posted later either
        Assert.Empty(pat.Posts);

        // Nothing lost: the walk-through was started, and resume (the DM opens now) continues it at its first topic.
        Assert.NotNull(await Store.GetAsync(new OnboardingKey("slack", pat.KeyUserId), default));
        (response, posts) = await pat.CommandAsync("resume", expected: 2);
        Assert.Contains("direct message", response.GetProperty("text").GetString(), StringComparison.Ordinal);
        AssertSection(posts[^1], 1);
    }

    [Fact]
    public async Task Slash_command_next_and_pause_in_a_channel_act_on_the_walk_through_privately_and_are_never_a_question()
    {
        var pat = NewUser();

        // With none in progress: said privately, not "I couldn't find this" with an offer to ask the experts.
        var (response, _) = await pat.CommandAsync("next", expected: 0);
        Assert.Equal("ephemeral", response.GetProperty("response_type").GetString());
        var said = string.Join(" ", BlockKitText.All(response.GetProperty("blocks")));
        Assert.Contains("Start onboarding", said, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't find", said, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ask an expert", said, StringComparison.Ordinal);

        await pat.CommandAsync("onboard", expected: 2);
        (response, _) = await pat.CommandAsync("pause", expected: 0);
        Assert.Equal("ephemeral", response.GetProperty("response_type").GetString());
        Assert.Contains("Paused at", response.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True((await Store.GetAsync(new OnboardingKey("slack", pat.KeyUserId), default))!.IsPaused);

        // "next" goes on in the DM, and the command says so.
        (response, var posts) = await pat.CommandAsync("next", expected: 1);
        Assert.Equal("ephemeral", response.GetProperty("response_type").GetString());
        Assert.Contains("direct message", response.GetProperty("text").GetString(), StringComparison.Ordinal);
        AssertSection(posts[^1], 2);
    }

    [Fact]
    public async Task Slash_command_resume_without_onboarding_offers_to_start()
    {
        // Said in the command's own reply: nothing moves to the DM (it said "I've sent you a direct message", and the DM
        // said there was no onboarding in progress).
        var ria = NewUser();
        var (response, posts) = await ria.CommandAsync("resume", expected: 0);
        Assert.Empty(posts);
        Assert.Contains("no onboarding in progress", AllText(response), StringComparison.Ordinal);
        Assert.DoesNotContain("direct message", AllText(response), StringComparison.Ordinal);
        // Its button starts the walk-through in the DM.
        posts = await ria.ClickAsync(Assert.Single(Buttons(response), b => Label(b) == "Start onboarding"), expected: 2);
        AssertSection(posts[1], 1);
    }

    internal static void AssertSection(JsonElement post, int number)
    {
        var section = OnboardingTestKnowledge.SeedDocument.Sections[number - 1];
        Assert.Equal($"{number}/{OnboardingTestKnowledge.SeedDocument.Sections.Count} · {section.Heading}", Header(post));
        Assert.Contains(BlockKitText.All(post.GetProperty("blocks")), t => t.Contains("Source: Staff Social Media Guidelines", StringComparison.Ordinal));
        Assert.Contains(Buttons(post), b => Label(b) == "Next");
    }
}
