using System.Text.Json;

namespace GuidelineBot.Testing;

/// <summary>
/// The Block Kit rules Slack enforces on what GuidelineBot sends (it refuses a message that breaks one with
/// <c>invalid_blocks</c>): every text object has its <c>type</c>, headers, buttons, labels and modal titles are
/// <c>plain_text</c>, and the documented length and count limits. Linked into the unit and integration tests; the
/// fake Slack API refuses what breaks them, as Slack does.
/// </summary>
internal static class BlockKitRules
{
    private static readonly HashSet<string> BlockTypes = ["header", "section", "context", "actions", "input", "divider"];

    /// <summary>What breaks the rules in a message (top-level <c>text</c> and <c>blocks</c>) or a modal (<c>type: modal</c>); empty when nothing does.</summary>
    public static List<string> Violations(JsonElement root)
    {
        var found = new List<string>();
        TextObjects(root, "$", isRoot: true, found);
        var isModal = root.TryGetProperty("type", out var type) && type.GetString() == "modal";
        if (isModal)
        {
            PlainText(root, "title", 24, "modal", found);
            PlainText(root, "submit", 24, "modal", found);
        }

        if (!root.TryGetProperty("blocks", out var blocks))
        {
            return found;
        }

        var all = blocks.EnumerateArray().ToList();
        if (all.Count > (isModal ? 100 : 50))
        {
            found.Add($"{all.Count} blocks (at most {(isModal ? 100 : 50)})");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in all)
        {
            var kind = block.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            if (!BlockTypes.Contains(kind))
            {
                found.Add($"a block of type '{kind}'");
                continue;
            }

            if (block.TryGetProperty("block_id", out var blockId) && !blockIds.Add(blockId.GetString()!))
            {
                found.Add($"block_id '{blockId.GetString()}' twice");
            }

            switch (kind)
            {
                case "header":
                    PlainText(block, "text", 150, "header", found);
                    break;
                case "section" when !block.TryGetProperty("text", out var text) || text.GetProperty("text").GetString()!.Length is 0 or > 3000:
                    found.Add("a section without text or over 3,000 characters");
                    break;
                case "context" when block.GetProperty("elements").GetArrayLength() > 10:
                    found.Add("a context block of more than 10 elements");
                    break;
                case "actions":
                    var elements = block.GetProperty("elements").EnumerateArray().ToList();
                    if (elements.Count > 25)
                    {
                        found.Add("an actions block of more than 25 elements");
                    }

                    var actionIds = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var element in elements)
                    {
                        PlainText(element, "text", 75, "button", found);
                        var id = element.GetProperty("action_id").GetString()!;
                        if (!actionIds.Add(id))
                        {
                            found.Add($"action_id '{id}' twice in one block");
                        }
                    }

                    break;
                case "input":
                    PlainText(block, "label", 2000, "input", found);
                    break;
            }
        }

        return found;
    }

    /// <summary>Every object with a string <c>text</c> (other than the message itself) is a text object: it needs its type.</summary>
    private static void TextObjects(JsonElement element, string path, bool isRoot, List<string> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                TextObjects(item, $"{path}[{i++}]", isRoot: false, found);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (!isRoot && element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
        {
            var kind = element.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (kind is not ("plain_text" or "mrkdwn"))
            {
                found.Add($"{path}: a text object of type '{kind ?? "(none)"}'");
            }
            else if (kind == "mrkdwn" && element.TryGetProperty("emoji", out _))
            {
                found.Add($"{path}: 'emoji' on a mrkdwn text object");
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            TextObjects(property.Value, path + "." + property.Name, isRoot: false, found);
        }
    }

    private static void PlainText(JsonElement owner, string property, int maxLength, string what, List<string> found)
    {
        if (!owner.TryGetProperty(property, out var text) || text.ValueKind != JsonValueKind.Object)
        {
            found.Add($"a {what} without its {property}");
            return;
        }

        if (!text.TryGetProperty("type", out var type) || type.GetString() != "plain_text")
        {
            found.Add($"a {what}'s {property} that is not plain_text");
        }

        if (text.GetProperty("text").GetString() is not { Length: > 0 } value || value.Length > maxLength)
        {
            found.Add($"a {what}'s {property} of {text.GetProperty("text").GetString()?.Length ?? 0} characters (1–{maxLength})");
        }
    }
}
