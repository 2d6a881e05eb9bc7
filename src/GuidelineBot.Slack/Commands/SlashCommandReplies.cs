using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BitFaster.Caching.Lru;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Commands;

/// <summary>
/// The ephemeral slash-command response for a message, as JSON bytes. An answer (or "not covered") is rendered and
/// serialised once per reply instance — the answer cache hands out the same reply for a repeated question of the same
/// knowledge version — with placeholders where the question id and the question go; each request builds its bytes
/// from that template, its own question id and the reply's question (ids are 32 hex digits, so their JSON is the same
/// length). The bytes are exactly what rendering the message afresh gives. An entry lives as long as its reply (a
/// <see cref="ConditionalWeakTable{TKey, TValue}"/>): no bound or invalidation of its own. Other messages are rendered
/// each time.
/// </summary>
/// <remarks>
/// The question appears only in button values (<see cref="AnswerRef.Encode"/>), so different questions with the same
/// answer have the same template: templates are shared by content (<see cref="SharedTemplates"/> of them), and a
/// cached reply keeps little more than its question. A question too long for a button value whole is cut there, and
/// its reply's template holds it as rendered instead.
/// </remarks>
public sealed class SlashCommandReplies
{
    /// <summary>How many different templates are looked up for sharing (the least recently used are forgotten first).</summary>
    private const int SharedTemplates = 1024;

    private const int IdLength = 32;

    private readonly ConditionalWeakTable<Reply, Template> _templates = [];

    // Random per instance, so neither can occur in guideline text by chance, and the same for every reply, so templates
    // of the same answer are byte for byte the same. Both are 32 characters long, like an id.
    private readonly string _idPlaceholder = Guid.NewGuid().ToString("N");
    private readonly string _questionPlaceholder = Guid.NewGuid().ToString("N");
    private readonly ConcurrentLru<int, WeakReference<byte[]>> _shared = new(SharedTemplates);

    /// <summary>How many different templates are kept for sharing and still in use.</summary>
    internal int SharedTemplateCount => _shared.Count(e => e.Value.TryGetTarget(out _));

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

        var template = _templates.GetValue(reply, _ => Create(message, share));
        return template.Share == share ? template.With(id!) : Serialize(message, share);
    }

    private static byte[] Serialize(OutboundMessage message, bool share) => JsonSerializer.SerializeToUtf8Bytes(
        CommandResponse.From(SlackRenderer.Render(message, share), CommandResponse.Ephemeral), SlackJsonContext.Default.CommandResponse);

    private static bool IsSpliceable(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigit);

    private Template Create(OutboundMessage message, bool share)
    {
        var (question, offer) = message switch
        {
            AnswerMessage a => (a.Reply.Question, (AnswerRef?)a.Ref),
            NoAnswerMessage n => (n.Reply.Question, n.ExpertOffer),
            _ => throw new UnreachableException(),
        };

        // The question goes in as a placeholder only where every button value would hold it whole, placeholder or not.
        var placeQuestion = offer is null || (Whole(offer with { QuestionId = _idPlaceholder, Question = question })
            && Whole(offer with { QuestionId = _idPlaceholder, Question = _questionPlaceholder }));
        var asked = placeQuestion ? _questionPlaceholder : question;
        var json = Serialize(message switch
        {
            AnswerMessage a => a with { QuestionId = _idPlaceholder, Reply = a.Reply with { Question = asked } },
            NoAnswerMessage n => n with
            {
                QuestionId = _idPlaceholder,
                Reply = n.Reply with { Question = asked },
                ExpertOffer = n.ExpertOffer is { } o && o.QuestionId == n.QuestionId
                    ? o with { QuestionId = _idPlaceholder, Question = o.Question == question ? asked : o.Question }
                    : n.ExpertOffer,
            },
            _ => message,
        }, share);

        var splices = new List<(int At, bool Question)>();
        Find(json, _idPlaceholder, question: false, splices);
        if (placeQuestion)
        {
            Find(json, _questionPlaceholder, question: true, splices);
        }

        splices.Sort((x, y) => x.At.CompareTo(y.At));
        var escaped = placeQuestion && splices.Any(s => s.Question)
            ? JsonEncodedText.Encode(question, SlackJsonContext.Default.Options.Encoder).EncodedUtf8Bytes.ToArray()
            : [];
        return new Template(Shared(json), [.. splices], escaped, share);
    }

    /// <summary>
    /// The kept template with the same bytes, else <paramref name="json"/>, which is then kept. Weakly: a template no
    /// cached reply uses any more is left to the collector, whatever its size.
    /// </summary>
    private byte[] Shared(byte[] json)
    {
        var hash = new HashCode();
        hash.AddBytes(json);
        var key = hash.ToHashCode();
        if (_shared.TryGet(key, out var kept) && kept.TryGetTarget(out var same) && same.AsSpan().SequenceEqual(json))
        {
            return same;
        }

        _shared.AddOrUpdate(key, new WeakReference<byte[]>(json));
        return json;
    }

    private static bool Whole(AnswerRef offer) => offer.Encode().EndsWith(offer.Question, StringComparison.Ordinal);

    private static void Find(byte[] json, string placeholder, bool question, List<(int At, bool Question)> splices)
    {
        var marker = Encoding.ASCII.GetBytes(placeholder);
        for (var at = json.AsSpan().IndexOf(marker); at >= 0;)
        {
            splices.Add((at, question));
            var next = json.AsSpan(at + marker.Length).IndexOf(marker);
            at = next < 0 ? -1 : at + marker.Length + next;
        }
    }

    /// <summary>
    /// The serialised message with placeholders (shared between replies with the same content), where they stand in it,
    /// and this reply's question as JSON string content.
    /// </summary>
    private sealed class Template(byte[] json, (int At, bool Question)[] splices, byte[] escapedQuestion, bool share)
    {
        // Each question placeholder gives way to the question: the reply's length, whatever the id.
        private readonly int _length = json.Length + (splices.Count(s => s.Question) * (escapedQuestion.Length - IdLength));

        public bool Share => share;

        public byte[] With(string id)
        {
            var bytes = new byte[_length];
            var from = 0;
            var to = 0;
            foreach (var (at, question) in splices)
            {
                json.AsSpan(from, at - from).CopyTo(bytes.AsSpan(to));
                to += at - from;
                if (question)
                {
                    escapedQuestion.CopyTo(bytes.AsSpan(to));
                    to += escapedQuestion.Length;
                }
                else
                {
                    Encoding.ASCII.GetBytes(id, bytes.AsSpan(to, IdLength));
                    to += IdLength;
                }

                from = at + IdLength;
            }

            json.AsSpan(from).CopyTo(bytes.AsSpan(to));
            return bytes;
        }
    }
}
