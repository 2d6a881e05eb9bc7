using System.Text.Json;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Teams.Cards;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Teams.Onboarding;

/// <summary>
/// Onboarding in Teams: translates triggers, card buttons and typed text into <see cref="OnboardingInput"/>s for the
/// core's <see cref="OnboardingService"/> and sends its outputs back as cards. Triggers typed in a channel or group chat
/// start (or resume) the walk-through in the person's 1:1 chat with the bot. People added to a team get it proactively
/// when <c>Onboarding:AutoStart</c> is on.
/// </summary>
internal sealed class TeamsOnboarding(OnboardingService engine, PersonalChat chats, ILogger<TeamsOnboarding> log) : ITeamsOnboarding
{
    public async Task<bool> TryHandleMessageAsync(TeamsTurn turn, string text, CancellationToken cancellationToken)
    {
        var person = turn.Activity.From;
        var key = TeamsOnboardingKey.For(person);
        var name = person?.Name ?? "";

        // A button on an onboarding card: the step it stands for, answered where the card is.
        if (CardActions.Read(turn.Activity.Value) is OnboardingSubmit submit)
        {
            var clicked = OnboardingInput.TryParseButtonValue(submit.Value, out var input) ? input : new OnboardingInput.Resume();
            await ReplyAsync(turn, await engine.HandleAsync(key, clicked, name, cancellationToken), cancellationToken);
            return true;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (OnboardingInput.IsTrigger(text))
        {
            var trigger = OnboardingInput.FromText(text);
            if (IsPersonal(turn) || person?.Id is not { Length: > 0 })
            {
                await ReplyAsync(turn, await engine.HandleAsync(key, trigger, name, cancellationToken), cancellationToken);
            }
            else
            {
                await RunInPersonalChatAsync(turn, person, key, trigger, cancellationToken);
            }

            return true;
        }

        // Mid-way (started, not paused, not finished) everything typed in the 1:1 belongs to the walk-through: a choice,
        // next/pause, or a free question answered from the guidelines followed by "Continue onboarding?".
        if (IsPersonal(turn) && await engine.IsActiveAsync(key, cancellationToken))
        {
            await turn.TypingAsync(cancellationToken);
            await ReplyAsync(turn, await engine.HandleAsync(key, new OnboardingInput.FreeText(text), name, cancellationToken), cancellationToken);
            return true;
        }

        return false;
    }

    public async Task MembersAddedAsync(TeamsTurn turn, IReadOnlyList<ChannelAccount> people, CancellationToken cancellationToken)
    {
        if (!IsTeam(turn.Activity))
        {
            return;
        }

        foreach (var person in people)
        {
            var key = TeamsOnboardingKey.For(person);
            // The store decides: only the first of duplicate or retried events (on any replica) gets outputs here.
            var outputs = await engine.AutoStartAsync(key, person.Name ?? "", cancellationToken);
            if (outputs.Count == 0)
            {
                log.LogDebug("No onboarding auto-start for {Key}: switched off, or started before", key);
                continue;
            }

            try
            {
                var chat = await chats.OpenAsync(turn, person, cancellationToken);
                await chats.SendAsync(OnboardingMessages.For(outputs, chat), cancellationToken);
                log.LogInformation("Started onboarding for {Person} in a 1:1 chat", LogText.Pseudonym(key.UserId));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The state is stored (so a retried event will not start it again): the person can still type "resume".
                log.LogError(ex, "Onboarding for {Person} was started but its 1:1 chat could not be opened or written to", LogText.Pseudonym(key.UserId));
            }
        }
    }

    /// <summary>From a channel or group chat: open the 1:1 chat, take the step there and say so here.</summary>
    private async Task RunInPersonalChatAsync(TeamsTurn turn, ChannelAccount person, OnboardingKey key, OnboardingInput trigger,
        CancellationToken cancellationToken)
    {
        Activity? chat = null;
        try
        {
            chat = await chats.OpenAsync(turn, person, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Could not open a 1:1 chat with {Person}; running onboarding in conversation {ConversationId}", LogText.Pseudonym(key.UserId), LogText.Clip(turn.ConversationId));
        }

        var outputs = await engine.HandleAsync(key, trigger, person.Name ?? "", cancellationToken);
        if (chat is null)
        {
            await ReplyAsync(turn, outputs, cancellationToken);
            return;
        }

        await chats.SendAsync(OnboardingMessages.For(outputs, chat), cancellationToken);
        var who = string.IsNullOrWhiteSpace(person.Name) ? "" : person.Name + ", ";
        await turn.ReplyAsync(turn.Message($"{who}I've sent you a private chat: your onboarding continues there."), cancellationToken);
    }

    private static Task ReplyAsync(TeamsTurn turn, IReadOnlyList<OnboardingOutput> outputs, CancellationToken cancellationToken) =>
        SendAllAsync(turn, OnboardingMessages.For(outputs, turn.Outgoing()), cancellationToken);

    private static async Task SendAllAsync(TeamsTurn turn, IEnumerable<Activity> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await turn.ReplyAsync(message, cancellationToken);
        }
    }

    /// <summary>The 1:1 chat with the bot (the Emulator and older clients send no conversation type).</summary>
    private static bool IsPersonal(TeamsTurn turn) =>
        turn.Activity.Conversation?.ConversationType is null or "personal";

    /// <summary>A team's channel (Teams adds <c>channelData.team</c>); group chats and 1:1 installs do not auto-start.</summary>
    private static bool IsTeam(Activity activity) =>
        activity.Conversation?.ConversationType == "channel" ||
        (activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object);
}
