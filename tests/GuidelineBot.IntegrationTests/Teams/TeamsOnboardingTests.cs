using System.Globalization;
using GuidelineBot.Cli;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Http;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// Onboarding in Teams, end to end through /api/messages and the fake Bot Connector, on each store provider: the whole
/// walk-through, a restart mid-way, and auto-start for people added to a team.
/// </summary>
public abstract class TeamsOnboardingTests<TStore> : OnboardingServerTestBase<TStore> where TStore : OnboardingServerStore, new()
{
    private const string Person = "aad-user-1"; // Activities.Message: from { id: "29:user-1", aadObjectId: "aad-user-1", name: "Dana Teacher" }
    private const string FreeQuestion = "can I friend parents?";

    protected static OnboardingDocument Seed(OnboardingBotFactory server) =>
        server.Services.GetRequiredService<OnboardingCatalog>().Documents.Single(d => d.Document.Id == "staff-social-media-guidelines");

    protected static IReadOnlyList<GuidelineSection> Sections(OnboardingBotFactory server) => Seed(server).Document.Sections;

    protected static string TopicLine(int number, int total) => string.Create(CultureInfo.InvariantCulture, $"Topic {number} of {total}");

    [SkippableFact]
    public async Task Whole_onboarding_flow_in_a_personal_chat_records_the_acknowledgement_with_the_document_hash()
    {
        var server = StartServer();
        var seed = Seed(server);
        var sections = seed.Document.Sections;
        var chat = new OnboardingChat(Fake, "a:onboarding-flow-" + Guid.NewGuid().ToString("N"));

        // Start: greeting (document, topics, minutes), then topic 1 with Next / I have a question / Pause.
        var start = await chat.SayAsync(server, "start onboarding", 2);
        Assert.Contains("Welcome, Dana Teacher!", start[0].Card, StringComparison.Ordinal);
        Assert.Contains(seed.Document.Title, start[0].Card, StringComparison.Ordinal);
        Assert.Contains($"{sections.Count} topics", start[0].Text(), StringComparison.Ordinal);
        var current = start[1];
        Assert.Equal("1.5", current.Json["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
        Assert.Contains(TopicLine(1, sections.Count), current.Card, StringComparison.Ordinal);
        Assert.Equal(["Next", "I have a question", "Pause"], current.Buttons().Select(b => b.Title));
        Assert.Matches("^onboarding:next:[0-9a-f]{8}\\.s0$", current.Button("Next").Value);
        Assert.StartsWith($"1/{sections.Count} · {sections[0].Heading}", current.Text(), StringComparison.Ordinal);
        Assert.Contains("Source: " + sections[0].Citation, current.Text(), StringComparison.Ordinal);

        for (var i = 1; i < sections.Count; i++)
        {
            if (i == 3)
            {
                // A free question mid-way: answered from the guidelines (a normal answer card), then "Continue onboarding?".
                var expected = Assert.IsType<AnswerReply>(server.Services.GetRequiredService<AnswerService>().Ask(FreeQuestion));
                var answered = await chat.SayAsync(server, FreeQuestion, 2);
                Assert.Contains(expected.Section.Heading, answered[0].Card, StringComparison.Ordinal);
                Assert.Null(answered[0].Json["text"]); // a card is sent alone; its summary is the notification preview
                Assert.StartsWith(expected.Section.Heading, answered[0].Json["summary"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Contains(OnboardingAnsweredQuestion.ContinuePrompt, answered[1].Card, StringComparison.Ordinal);

                var resumed = await chat.ClickAsync(server, answered[1].Button("Continue onboarding"), 2);
                Assert.Contains("Continuing where you left off", resumed[0].Text(), StringComparison.Ordinal);
                Assert.Contains(sections[i - 1].Heading, resumed[1].Card, StringComparison.Ordinal);
                current = resumed[1];
            }

            var next = await chat.ClickAsync(server, current.Button("Next"), 1);
            current = next[0];
            Assert.Contains(TopicLine(i + 1, sections.Count), current.Card, StringComparison.Ordinal);
            Assert.Contains(sections[i].Heading, current.Card, StringComparison.Ordinal);
        }

        // Past the last topic: the check questions.
        var questions = seed.Questions;
        Assert.True(questions.Count >= 2, "the seed document has check questions");
        current = (await chat.ClickAsync(server, current.Button("Next"), 1))[0];
        for (var q = 0; q < questions.Count; q++)
        {
            var question = questions[q];
            Assert.Contains(question.Prompt, current.Card, StringComparison.Ordinal);
            var choices = current.Buttons();
            Assert.Equal(question.Choices.Count, choices.Count);

            if (q == 0)
            {
                // Wrong first: the guideline text that answers it, then the same question again.
                var wrong = choices[question.Correct == 1 ? 1 : 0];
                var feedback = await chat.ClickAsync(server, wrong, 2);
                Assert.Contains("Not quite", feedback[0].Card, StringComparison.Ordinal);
                Assert.Contains(question.Section.Heading, feedback[0].Card, StringComparison.Ordinal);
                Assert.Contains(question.Section.Text[..60], feedback[0].Text(), StringComparison.Ordinal);
                Assert.Contains(question.Prompt, feedback[1].Card, StringComparison.Ordinal);
                current = feedback[1];
            }

            // Right: a click, except the second question, answered by typing its letter.
            var right = q == 1
                ? await chat.SayAsync(server, ((char)('A' + question.Correct - 1)).ToString(), 2)
                : await chat.ClickAsync(server, current.Buttons()[question.Correct - 1], 2);
            Assert.Contains("Correct", right[0].Card, StringComparison.Ordinal);
            current = right[1];
        }

        // The explicit acknowledgement.
        Assert.Contains($"I have read and understand the **{seed.Document.Title}**", current.Card, StringComparison.Ordinal);
        var done = await chat.ClickAsync(server, current.Button(OnboardingAcknowledgePrompt.ButtonLabel), 2);
        Assert.Contains("Acknowledgement recorded", done[0].Card, StringComparison.Ordinal);
        Assert.Contains(seed.Document.ShortHash, done[0].Text(), StringComparison.Ordinal);
        Assert.Contains("You're all set", done[1].Card, StringComparison.Ordinal);

        var store = server.Services.GetRequiredService<IOnboardingStore>();
        var ack = Assert.Single(await store.ListAcknowledgementsAsync(CancellationToken.None));
        Assert.Equal(("teams", Person, "Dana Teacher"), (ack.Channel, ack.UserId, ack.DisplayName));
        Assert.Equal(seed.Document.Id, ack.DocumentId);
        Assert.Equal(seed.Document.ContentHash, ack.ContentHash);
        Assert.True((await store.GetAsync(new OnboardingKey("teams", Person), CancellationToken.None))!.IsCompleted);

        // The report command, reading the same store.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["report", "onboarding"], stdout, stderr, settings: new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Storage:Provider"] = Store.Provider,
            ["Storage:ConnectionString"] = Store.ConnectionString,
        });
        Assert.True(exit == 0, stderr.ToString());
        var report = stdout.ToString();
        Assert.Contains("Started: 1 · Completed: 1", report, StringComparison.Ordinal);
        Assert.Contains($"Dana Teacher (teams:{Person})  completed", report, StringComparison.Ordinal);
        Assert.Contains($"Dana Teacher (teams:{Person})  {seed.Document.Title}", report, StringComparison.Ordinal);
        Assert.Contains($"version {seed.Document.ShortHash} (current)", report, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task After_a_restart_mid_way_resume_continues_at_the_same_step()
    {
        var chat = new OnboardingChat(Fake, "a:onboarding-restart-" + Guid.NewGuid().ToString("N"));
        var first = StartServer();
        var sections = Sections(first);
        var current = (await chat.SayAsync(first, "onboard", 2))[1];
        current = (await chat.ClickAsync(first, current.Button("Next"), 1))[0];
        current = (await chat.ClickAsync(first, current.Button("Next"), 1))[0];
        Assert.Contains(TopicLine(3, sections.Count), current.Card, StringComparison.Ordinal);
        var nextOnOldCard = current.Button("Next");
        await StopServerAsync(first);

        var second = StartServer();
        var resumed = await chat.SayAsync(second, "resume", 2);
        Assert.Contains($"Continuing where you left off: topic 3 of {sections.Count}", resumed[0].Text(), StringComparison.Ordinal);
        Assert.Contains(TopicLine(3, sections.Count), resumed[1].Card, StringComparison.Ordinal);
        Assert.Contains(sections[2].Heading, resumed[1].Card, StringComparison.Ordinal);
        Assert.Equal(nextOnOldCard.Value, resumed[1].Button("Next").Value);

        // The card sent before the restart still works on the new server, and takes one step.
        var next = await chat.ClickAsync(second, nextOnOldCard, 1);
        Assert.Contains(sections[3].Heading, next[0].Card, StringComparison.Ordinal);
        var state = await second.Services.GetRequiredService<IOnboardingStore>().GetAsync(new OnboardingKey("teams", Person), CancellationToken.None);
        Assert.Equal(3, state!.SectionIndex);
    }

    [SkippableFact]
    public async Task Another_bot_added_to_a_team_gets_no_onboarding()
    {
        var server = StartServer(autoStart: true);
        var bot = Activities.MemberAdded(Fake.ServiceUrl, "19:team-general@thread.tacv2", "28:another-bot", "aad-another-bot");
        var person = Activities.MemberAdded(Fake.ServiceUrl, "19:team-general@thread.tacv2", "29:new-hire-2", "aad-new-hire-2");
        var token = Fake.CreateToken(server.Clock.GetUtcNow());

        await server.PostActivityAsync(bot, token);
        await server.PostActivityAsync(person, token);

        await Eventually.WaitUntilAsync(() => server.Logged(LogLevel.Information, "Started onboarding for " + LogText.Pseudonym("aad-new-hire-2")), "the person's onboarding starts");
        var create = Assert.Single(Fake.ConnectorRequests, r => r.Method == "POST" && r.RawTarget == "/connector/v3/conversations");
        Assert.Equal("29:new-hire-2", Assert.Single(create.Json["members"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Null(await server.Services.GetRequiredService<IOnboardingStore>().GetAsync(new OnboardingKey("teams", "aad-another-bot"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Member_added_to_a_team_twice_gets_exactly_one_proactive_chat_and_greeting()
    {
        var server = StartServer(autoStart: true);
        var added = Activities.MemberAdded(Fake.ServiceUrl, "19:team-general@thread.tacv2", "29:new-hire", "aad-new-hire");

        // The same event twice (a Bot Connector retry), and once more with a new id (a duplicate event).
        var token = Fake.CreateToken(server.Clock.GetUtcNow());
        var again = added.DeepClone().AsObject();
        again["id"] = "f:" + Guid.NewGuid().ToString("N");
        await Task.WhenAll(server.PostActivityAsync(added, token), server.PostActivityAsync(added.DeepClone().AsObject(), token), server.PostActivityAsync(again, token));

        await Eventually.WaitUntilAsync(() => server.Logged(LogLevel.Information, "Started onboarding for " + LogText.Pseudonym("aad-new-hire")), "the onboarding starts");
        // People's ids are not in Information (or louder) logs: a pseudonym stands for them.
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Information
            && (e.Message.Contains("aad-new-hire", StringComparison.Ordinal) || e.Message.Contains("29:new-hire", StringComparison.Ordinal)));
        await Eventually.WaitUntilAsync(
            () => server.Logs.Entries.Count(e => e.Message.Contains("No onboarding auto-start for teams:aad-new-hire", StringComparison.Ordinal)) == 2,
            "both duplicates are handled");

        var create = Assert.Single(Fake.ConnectorRequests, r => r.Method == "POST" && r.RawTarget == "/connector/v3/conversations");
        Assert.Equal("Bearer " + FakeBotFramework.ConnectorToken, create.Authorization);
        var body = create.Json;
        Assert.Equal(Activities.BotId, body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:new-hire", Assert.Single(body["members"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal(FakeBotFramework.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal(FakeBotFramework.TenantId, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());

        // The fake connector answers {"id": "activity-N"}: the new 1:1 conversation.
        var conversation = Uri.EscapeDataString(create.ResponseId!);
        var messages = await Fake.WaitForMessagesAsync(r => r.RawTarget == $"/connector/v3/conversations/{conversation}/activities", 2, "greeting and first topic");
        Assert.Equal(2, messages.Count);
        Assert.Contains("Welcome!", messages[0].Card, StringComparison.Ordinal);
        Assert.Contains(Seed(server).Document.Title, messages[0].Card, StringComparison.Ordinal);
        Assert.Contains(TopicLine(1, Sections(server).Count), messages[1].Card, StringComparison.Ordinal);
        Assert.Equal("29:new-hire", messages[0].Json["recipient"]!["id"]!.GetValue<string>());
        Assert.Single(Fake.ConnectorRequests, r => r.Card.Contains("Welcome!", StringComparison.Ordinal));

        // The new hire answers in that chat (messages carry the object id): the same onboarding continues.
        var chat = new OnboardingChat(Fake, create.ResponseId!, from: ("29:new-hire", "aad-new-hire", "Noor New"));
        var next = await chat.ClickAsync(server, messages[1].Button("Next"), 1);
        Assert.Contains(TopicLine(2, Sections(server).Count), next[0].Card, StringComparison.Ordinal);
    }
}

public sealed class SqliteTeamsOnboardingTests : TeamsOnboardingTests<SqliteServerStore>
{
    [SkippableFact]
    public async Task Onboard_typed_in_a_channel_continues_in_a_personal_chat()
    {
        var server = StartServer();
        var channel = new OnboardingChat(Fake, "19:onboarding-channel-" + Guid.NewGuid().ToString("N") + "@thread.tacv2", "channel");

        var said = await channel.SayAsync(server, "onboard", 1);
        Assert.Contains("I've sent you a private chat", said[0].Text(), StringComparison.Ordinal);
        Assert.Empty(said[0].Buttons());

        var create = Assert.Single(Fake.ConnectorRequests, r => r.Method == "POST" && r.RawTarget == "/connector/v3/conversations");
        Assert.Equal("29:user-1", create.Json["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(FakeBotFramework.TenantId, create.Json["tenantId"]!.GetValue<string>());
        var personal = await Fake.WaitForMessagesAsync(
            r => r.RawTarget == $"/connector/v3/conversations/{Uri.EscapeDataString(create.ResponseId!)}/activities", 2, "greeting and first topic");
        Assert.Contains("Welcome, Dana Teacher!", personal[0].Card, StringComparison.Ordinal);
        Assert.Contains(TopicLine(1, Sections(server).Count), personal[1].Card, StringComparison.Ordinal);

        // In the personal chat, a typed "next" is a step of the same onboarding.
        var chat = new OnboardingChat(Fake, create.ResponseId!);
        var next = await chat.SayAsync(server, "next", 1);
        Assert.Contains(TopicLine(2, Sections(server).Count), next[0].Card, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Onboard_in_a_channel_runs_in_place_when_no_personal_chat_can_be_opened()
    {
        var server = StartServer();
        Fake.Refuse("/connector/v3/conversations");
        var channel = new OnboardingChat(Fake, "19:onboarding-refused-" + Guid.NewGuid().ToString("N") + "@thread.tacv2", "channel");

        var said = await channel.SayAsync(server, "onboard", 2);

        Assert.Single(Fake.ConnectorRequests, r => r.RawTarget == "/connector/v3/conversations");
        Assert.Contains("Welcome, Dana Teacher!", said[0].Card, StringComparison.Ordinal);
        Assert.Contains(TopicLine(1, Sections(server).Count), said[1].Card, StringComparison.Ordinal);
        var next = await channel.ClickAsync(server, said[1].Button("Next"), 1);
        Assert.Contains(TopicLine(2, Sections(server).Count), next[0].Card, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Onboard_in_a_channel_runs_in_place_when_opening_the_personal_chat_times_out()
    {
        // One attempt's timeout (the connector's resilience pipeline) is not an error of the turn: onboarding goes on here.
        var server = StartServer(services: s => s.Configure<OutboundHttpOptions>("ConnectorClient", o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300)));
        Fake.DelayExactly("/connector/v3/conversations", TimeSpan.FromSeconds(3));
        var channel = new OnboardingChat(Fake, "19:onboarding-slow-" + Guid.NewGuid().ToString("N") + "@thread.tacv2", "channel");

        var said = await channel.SayAsync(server, "onboard", 2);

        Assert.Single(Fake.ConnectorRequests, r => r.RawTarget == "/connector/v3/conversations");
        Assert.Contains("Welcome, Dana Teacher!", said[0].Card, StringComparison.Ordinal);
        Assert.Contains(TopicLine(1, Sections(server).Count), said[1].Card, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Paused_onboarding_leaves_typed_questions_to_the_normal_answers()
    {
        var server = StartServer();
        var chat = new OnboardingChat(Fake, "a:onboarding-paused-" + Guid.NewGuid().ToString("N"));
        var topic1 = (await chat.SayAsync(server, "onboard", 2))[1];

        var paused = await chat.ClickAsync(server, topic1.Button("Pause"), 1);
        Assert.Contains("Paused", paused[0].Text(), StringComparison.Ordinal);
        Assert.Equal("onboarding:resume", paused[0].Button("Resume").Value);

        var answer = await chat.SayAsync(server, "can I friend parents?", 1);
        Assert.Empty(answer[0].Buttons());
        Assert.DoesNotContain(OnboardingAnsweredQuestion.ContinuePrompt, answer[0].Card, StringComparison.Ordinal);
        Assert.Contains("Was this helpful?", answer[0].Card, StringComparison.Ordinal);

        // resume (a later step) is answered; by then the question (step 3) got its one answer and no "Continue onboarding?".
        var resumed = await chat.SayAsync(server, "resume", 2);
        Assert.Contains(topic1.Button("Next").Value, resumed[1].Buttons().Select(b => b.Value));
        Assert.Single(chat.RepliesToStep(3));
    }
}

/// <summary>The same on PostgreSQL, plus two replicas sharing it.</summary>
public sealed class PostgresTeamsOnboardingTests : TeamsOnboardingTests<PostgresServerStore>
{
    [SkippableFact]
    [Trait("Category", "Replicas")]
    public async Task Two_servers_on_one_PostgreSQL_take_turns_consistently()
    {
        var a = StartServer();
        var b = StartServer();
        var sections = Sections(a);
        var conversation = "a:onboarding-replicas-" + Guid.NewGuid().ToString("N");
        var chat = new OnboardingChat(Fake, conversation);

        var topic1 = (await chat.SayAsync(a, "onboard", 2))[1];
        var topic2 = (await chat.ClickAsync(b, topic1.Button("Next"), 1))[0];
        Assert.Contains(sections[1].Heading, topic2.Card, StringComparison.Ordinal);
        var topic3 = (await chat.ClickAsync(a, topic2.Button("Next"), 1))[0];
        Assert.Contains(sections[2].Heading, topic3.Card, StringComparison.Ordinal);

        // B knows where A left it: topic 1's button is stale there.
        var stale = await chat.ClickAsync(b, topic1.Button("Next"), 2);
        Assert.Contains("from an earlier step", stale[0].Text(), StringComparison.Ordinal);
        Assert.Contains(sections[2].Heading, stale[1].Card, StringComparison.Ordinal);

        // The same click reaching both replicas at once moves one step, not two; the other press is a double click's
        // second, which says nothing.
        var here = Uri.EscapeDataString(conversation);
        var before = Fake.ConnectorRequests.Count;
        await Task.WhenAll(chat.ClickAsync(a, topic3.Button("Next"), 0), chat.ClickAsync(b, topic3.Button("Next"), 0));
        await Fake.WaitForAsync(r => r.RawTarget.Contains(here, StringComparison.Ordinal) && r.Card.Contains(TopicLine(4, sections.Count), StringComparison.Ordinal), "topic 4");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a second reply, were there one
        var state = await a.Services.GetRequiredService<IOnboardingStore>().GetAsync(new OnboardingKey("teams", "aad-user-1"), CancellationToken.None);
        Assert.Equal(3, state!.SectionIndex);
        Assert.Single(Fake.ConnectorRequests.Skip(before), r => r.RawTarget.Contains(here, StringComparison.Ordinal) && r.ActivityType == "message");
    }
}
