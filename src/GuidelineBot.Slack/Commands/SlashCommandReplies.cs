using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Commands;

/// <summary>
/// The ephemeral slash-command response for a message, as JSON bytes. An answer (or "not covered") is rendered and
/// serialised once per reply instance — the answer cache hands out the same reply for a repeated question of the same
/// knowledge version — with a random placeholder where the question id goes; each request copies those bytes and writes
/// its own question id over the placeholder (ids are 32 hex digits, so their JSON is the same length). The bytes are
/// exactly what rendering the message afresh gives. An entry lives as long as its reply (a
/// <see cref="ConditionalWeakTable{TKey, TValue}"/>): no bound or invalidation of its own. Other messages are rendered
/// each time.
/// </summary>
public sealed class SlashCommandReplies
{
    private const int IdLength = 32;

    private readonly ConditionalWeakTable<Reply, Template> _templates = [];

    public byte[] Json(OutboundMessage message, bool share = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        (Reply? reply, string? id) = message switch
        {
            AnswerMessage { Feedback: null, SharedBy: null } a => ((Reply?)a.Reply, a.QuestionId),
            NoAnswerMessage n => (n.Reply, n.QuestionId),
            _ => (null, null),
        };
        if (reply is null || !IsSpliceable(id))
        {
            return Serialize(message, share);
        }

        var template = _templates.GetValue(reply, r => Template.For(message, share));
        return template.Share == share ? template.With(id!) : Serialize(message, share);
    }

    private static byte[] Serialize(OutboundMessage message, bool share) => JsonSerializer.SerializeToUtf8Bytes(
        CommandResponse.From(SlackRenderer.Render(message, share), CommandResponse.Ephemeral), SlackJsonContext.Default.CommandResponse);

    private static bool IsSpliceable(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigit);

    /// <summary>The serialised message with a placeholder id, and where the placeholder stands in it.</summary>
    private sealed class Template(byte[] json, int[] offsets, bool share)
    {
        public bool Share => share;

        public static Template For(OutboundMessage message, bool share)
        {
            // A fresh random id cannot occur in the guideline text by chance, so every occurrence is the id.
            var placeholder = Guid.NewGuid().ToString("N");
            var json = Serialize(message switch
            {
                AnswerMessage a => a with { QuestionId = placeholder },
                NoAnswerMessage n => n with { QuestionId = placeholder, ExpertOffer = WithId(n.ExpertOffer, n.QuestionId, placeholder) },
                _ => message,
            }, share);
            var marker = Encoding.ASCII.GetBytes(placeholder);
            var offsets = new List<int>();
            for (var at = json.AsSpan().IndexOf(marker); at >= 0;)
            {
                offsets.Add(at);
                var next = json.AsSpan(at + marker.Length).IndexOf(marker);
                at = next < 0 ? -1 : at + marker.Length + next;
            }

            return new Template(json, [.. offsets], share);
        }

        /// <summary>The "Ask an expert" button carries the question id too: the placeholder goes there as well.</summary>
        private static AnswerRef? WithId(AnswerRef? offer, string? id, string placeholder) =>
            offer is not null && offer.QuestionId == id ? offer with { QuestionId = placeholder } : offer;

        public byte[] With(string id)
        {
            var copy = json.AsSpan().ToArray();
            foreach (var at in offsets)
            {
                Encoding.ASCII.GetBytes(id, copy.AsSpan(at, IdLength));
            }

            return copy;
        }
    }
}
