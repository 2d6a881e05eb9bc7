using System.Text.Json.Serialization;
using GuidelineBot.Core.Answers;

namespace GuidelineBot.Cli;

/// <summary>The stable JSON contract of <c>ask --json</c>: one object per question.</summary>
internal sealed record AskJson(
    string Question,
    bool Answered,
    string? Document,
    string? Section,
    string? Text,
    string? Citation,
    double Score,
    IReadOnlyList<string> Suggestions)
{
    public static AskJson From(Reply reply) => reply switch
    {
        AnswerReply a => new AskJson(a.Question, true, a.Section.DocumentTitle, a.Section.Heading, a.Text, a.Citation,
            Math.Round(a.Score, 4), a.Related.Select(r => r.Heading).ToArray()),
        NoAnswerReply n => new AskJson(n.Question, false, null, null, n.Text, null, Math.Round(n.Score, 4),
            n.Suggestions.Select(s => s.Heading).ToArray()),
        HelpReply h => new AskJson(h.Question, false, null, null, ReplyText.Render(h), null, 0, h.Examples.Select(s => s.Heading).ToArray()),
        _ => new AskJson(reply.Question, false, null, null, ReplyText.Render(reply), null, 0, []),
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AskJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
