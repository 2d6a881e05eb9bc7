using System.Runtime.CompilerServices;
using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Commands;

/// <summary>
/// The ephemeral slash-command response for a reply, as JSON bytes. Memoised per reply instance: when the answer
/// cache hands out the same reply again, it goes out as the same bytes without rendering or serialising it again. An
/// entry lives exactly as long as its reply (a <see cref="ConditionalWeakTable{TKey, TValue}"/>), so it needs no
/// bound or invalidation of its own.
/// </summary>
public sealed class SlashCommandReplies(SlackReplyRenderer renderer)
{
    public const string ContentType = "application/json; charset=utf-8";

    private readonly ConditionalWeakTable<Reply, byte[]> _json = [];

    public byte[] Json(Reply reply) => _json.GetValue(reply, r => JsonSerializer.SerializeToUtf8Bytes(
        CommandResponse.From(renderer.Render(r, AnswerButtons.ShareAndFeedback), CommandResponse.Ephemeral),
        SlackJsonContext.Default.CommandResponse));
}
