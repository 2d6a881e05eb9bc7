using System.Text.Json.Nodes;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Cards;

/// <summary>The core's replies as Adaptive Cards (schema 1.5, the newest Teams renders).</summary>
internal static class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    public const string HelpfulPrompt = "Was this helpful?";

    /// <summary>The card for a reply, or null for a reply that is plain text (small talk).</summary>
    public static Attachment? Render(Reply reply) => reply switch
    {
        AnswerReply a => Answer(a),
        NoAnswerReply n => NoAnswer(n),
        HelpReply h => Help(h, "How I can help"),
        TopicsReply t => Topics(t),
        _ => null,
    };

    /// <summary>Heading, the guideline text verbatim, the citation, 👍/👎 and related topics as buttons.</summary>
    public static Attachment Answer(AnswerReply a, bool? feedbackGiven = null)
    {
        var body = new JsonArray
        {
            TextBlock(a.Section.Heading, size: "Large", weight: "Bolder"),
            TextBlock(a.Text),
            Citation(a.Section),
        };
        if (feedbackGiven is { } helpful)
        {
            body.Add(TextBlock(helpful ? "👍 Thanks for your feedback — glad it helped!" : "👎 Thanks for your feedback — we'll use it to improve the guidelines.",
                weight: "Bolder", separator: true));
        }
        else
        {
            body.Add(TextBlock(HelpfulPrompt, weight: "Bolder", separator: true));
            body.Add(ActionSet(
                Submit("👍 Yes", new JsonObject { ["action"] = CardActions.Feedback, ["helpful"] = true, ["question"] = a.Question, ["sectionId"] = a.Section.Id }),
                Submit("👎 No", new JsonObject { ["action"] = CardActions.Feedback, ["helpful"] = false, ["question"] = a.Question, ["sectionId"] = a.Section.Id })));
        }

        if (a.Related.Count > 0)
        {
            body.Add(TextBlock("Related topics", weight: "Bolder", separator: true));
            body.Add(AskButtons(a.Related.Select(r => r.Heading)));
        }

        return Card(body);
    }

    /// <summary>A plain thank-you, when the answered card can no longer be rebuilt.</summary>
    public static Attachment FeedbackThanks(bool helpful) => Card(new JsonArray
    {
        TextBlock(helpful ? "👍 Thanks for your feedback — glad it helped!" : "👎 Thanks for your feedback — we'll use it to improve the guidelines.", weight: "Bolder"),
    });

    public static Attachment NoAnswer(NoAnswerReply n)
    {
        var body = new JsonArray { TextBlock(n.Text) };
        if (n.Suggestions.Count > 0)
        {
            body.Add(AskButtons(n.Suggestions.Select(s => s.Heading)));
        }

        return Card(body);
    }

    public static Attachment Help(HelpReply h, string title)
    {
        var body = new JsonArray
        {
            TextBlock(title, size: "Large", weight: "Bolder"),
            TextBlock(((ParagraphBlock)MessageContent.Help(new HelpMessage(h))[1]).Text.PlainText),
        };
        if (h.ExampleQuestions.Count > 0)
        {
            body.Add(TextBlock("Try asking", weight: "Bolder", separator: true));
            body.Add(AskButtons(h.ExampleQuestions.Take(5)));
        }

        body.Add(TextBlock("Topics I cover", weight: "Bolder", separator: true));
        AddDocuments(body, h.Documents, withSections: false);
        return Card(body);
    }

    /// <summary>Sent once per conversation when the bot is installed.</summary>
    public static Attachment Welcome(HelpReply h) => Help(h, "Hi, I'm GuidelineBot 👋");

    public static Attachment Topics(TopicsReply t)
    {
        var body = new JsonArray { TextBlock("Topics I cover", size: "Large", weight: "Bolder") };
        AddDocuments(body, t.Documents, withSections: true);
        return Card(body);
    }

    private static void AddDocuments(JsonArray body, IReadOnlyList<GuidelineDocument> documents, bool withSections)
    {
        if (documents.Count == 0)
        {
            body.Add(TextBlock("No guideline documents are loaded yet."));
            return;
        }

        foreach (var d in documents)
        {
            body.Add(TextBlock($"**{d.Title}** ({d.Sections.Count} topics)"));
            if (withSections)
            {
                body.Add(TextBlock(string.Join("\n", d.Sections.Select(s => "- " + s.Heading))));
            }
        }
    }

    internal static JsonObject Citation(GuidelineSection section)
    {
        var text = section.SourceUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out _)
            ? $"Source: [{section.Breadcrumb}]({url})"
            : "Source: " + section.Citation;
        var block = TextBlock(text, size: "Small");
        block["isSubtle"] = true;
        return block;
    }

    /// <summary>Buttons that ask a question: a messageBack shows the question in the chat and sends it back as text and value.</summary>
    internal static JsonObject AskButtons(IEnumerable<string> questions) =>
        ActionSet(questions.Select(q => Submit(q, new JsonObject
        {
            ["action"] = CardActions.Ask,
            ["question"] = q,
            ["msteams"] = new JsonObject
            {
                ["type"] = "messageBack",
                ["text"] = q,
                ["displayText"] = q,
                ["value"] = new JsonObject { ["action"] = CardActions.Ask, ["question"] = q },
            },
        })).ToArray());

    internal static JsonObject Submit(string title, JsonObject data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    internal static JsonObject ActionSet(params JsonObject[] actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions.Cast<JsonNode?>().ToArray()) };

    internal static JsonObject TextBlock(string text, string? size = null, string? weight = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        return block;
    }

    internal static Attachment Card(JsonArray body, string? fallbackText = null)
    {
        var content = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (fallbackText is not null)
        {
            content["fallbackText"] = fallbackText;
        }

        return new(Attachment.AdaptiveCard, content);
    }
}
