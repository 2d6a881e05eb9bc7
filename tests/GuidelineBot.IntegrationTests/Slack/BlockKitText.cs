using System.Text.Json;

namespace GuidelineBot.IntegrationTests.Slack;

public static class BlockKitText
{
    /// <summary>Every <c>"text": "…"</c> string anywhere under <paramref name="element"/>, in document order.</summary>
    public static IEnumerable<string> All(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name == "text" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return p.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var t in All(p.Value))
                        {
                            yield return t;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var t in All(item))
                    {
                        yield return t;
                    }
                }

                break;
        }
    }

    public static JsonElement[] Blocks(JsonElement message, string type) =>
        message.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == type).ToArray();

    /// <summary>An answer's own buttons (share, 👍, 👎): its <c>answer_actions</c> block, not a row of topics to ask.</summary>
    public static JsonElement AnswerActions(JsonElement message) =>
        Blocks(message, "actions").Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == "answer_actions");
}
