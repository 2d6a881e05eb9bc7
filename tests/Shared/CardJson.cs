using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Teams.Cards;

namespace GuidelineBot.Testing;

/// <summary>Finding things in a rendered Adaptive Card, and clicking its buttons the way Teams does. Linked into the unit and integration tests.</summary>
internal static class CardJson
{
    /// <summary>The card as JSON text, non-ASCII and quotes unescaped (for "contains" checks).</summary>
    public static string Text(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Every Action.Submit of the card, in order.</summary>
    public static List<JsonObject> Submits(JsonNode? node) => OfType(node, "Action.Submit");

    /// <summary>Every element of <paramref name="type"/> (e.g. <c>Input.Text</c>), in order.</summary>
    public static List<JsonObject> OfType(JsonNode? node, string type)
    {
        var found = new List<JsonObject>();
        Walk(node);
        return found;

        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (o["type"]?.GetValue<string>() == type)
                    {
                        found.Add(o);
                    }

                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    /// <summary>What Teams sends back when <paramref name="submit"/> is clicked: its data with the field values merged in, read as the core's inbound.</summary>
    public static ConversationInbound? Click(JsonObject submit, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var json = JsonDocument.Parse(SubmitValue(submit, fields).ToJsonString());
        return CardActions.Read(json.RootElement.Clone());
    }

    /// <summary>The activity <c>value</c> Teams sends when <paramref name="submit"/> is clicked: its data with the field values merged in.</summary>
    public static JsonObject SubmitValue(JsonObject submit, IReadOnlyDictionary<string, string>? fields = null)
    {
        var value = submit["data"]!.DeepClone().AsObject();
        foreach (var (id, text) in fields ?? new Dictionary<string, string>())
        {
            value[id] = text;
        }

        return value;
    }

    /// <summary>The Action.Submit titled <paramref name="title"/>.</summary>
    public static JsonObject SubmitTitled(JsonNode? card, string title) => Submits(card).Single(s => s["title"]?.GetValue<string>() == title);
}
