using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Configuration;

namespace GuidelineBot.Slack.Experts;

/// <summary>
/// Brings an expert's answer to a Slack asker where they asked: into the thread of their mention
/// (<see cref="SlackReplyAddress"/>), else into their DM (<c>conversations.open</c> + <c>chat.postMessage</c>); also into
/// their DM when that thread's channel is gone (deleted, archived, the bot removed), which no retry would mend. A failed
/// post throws, so the core's outbox tries again later.
/// </summary>
internal sealed class SlackExpertDelivery(SlackDirectMessages poster) : IExpertAnswerDelivery
{
    public string Channel => Channels.Slack;

    /// <summary>
    /// Slack is on and some experts' channel is configured (Slack's or Teams'): answers reach Slack askers whichever
    /// channel the expert answered in.
    /// </summary>
    public static bool IsNeeded(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.SigningSecret)}"]) &&
        !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.BotToken)}"]) &&
        (!string.IsNullOrWhiteSpace(configuration[$"{ExpertOptions.SectionName}:{nameof(ExpertOptions.SlackChannel)}"]) ||
         !string.IsNullOrWhiteSpace(configuration[$"{ExpertOptions.SectionName}:{nameof(ExpertOptions.TeamsChannel)}"]));

    public async Task DeliverAsync(ExpertAsker asker, ExpertAnswerMessage message, CancellationToken cancellationToken)
    {
        var logId = $"expert answer {message.Answer.Id} (ticket #{message.Ticket.ShortId})";
        SlackMessage[] rendered = [SlackRenderer.Render(message)];
        var delivered = SlackReplyAddress.TryParse(asker.ReplyAddress, out var thread)
            ? await poster.PostAsync(asker.UserId, thread.Channel, rendered, logId, cancellationToken, thread.ThreadTs, directMessageWhenGone: true)
            : await poster.PostAsync(asker.UserId, channel: null, rendered, logId, cancellationToken);
        if (!delivered)
        {
            throw new SlackApiException($"The {logId} was not delivered to the asker");
        }
    }
}
