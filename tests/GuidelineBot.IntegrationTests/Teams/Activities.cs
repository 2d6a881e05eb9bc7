using System.Text.Json.Nodes;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>Activities shaped like the ones Teams sends (msteams-docs).</summary>
public static class Activities
{
    public const string BotId = "28:" + FakeBotFramework.AppId;

    public static JsonObject Message(string serviceUrl, string conversationId, string text, string conversationType = "personal", string id = "1700000000001") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = "2026-11-28T10:00:00.000Z",
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Dana Teacher", ["aadObjectId"] = "aad-user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidelineBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = FakeBotFramework.TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId } },
        ["text"] = text,
        ["locale"] = "en-US",
    };

    public static JsonObject ChannelMention(string serviceUrl, string conversationId, string question)
    {
        var activity = Message(serviceUrl, conversationId, $"<at>GuidelineBot</at> {question}", "channel");
        activity["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidelineBot" },
                ["text"] = "<at>GuidelineBot</at>",
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" });
        return activity;
    }

    public static JsonObject CardSubmit(string serviceUrl, string conversationId, string replyToId, JsonObject value)
    {
        var activity = Message(serviceUrl, conversationId, "", id: "1700000000099");
        activity.Remove("text");
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        return activity;
    }

    public static JsonObject BotAdded(string serviceUrl, string conversationId) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["aadObjectId"] = "aad-user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidelineBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["tenantId"] = FakeBotFramework.TenantId },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["eventType"] = "teamMemberAdded", ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId } },
    };

    public static JsonObject InstallationAdd(string serviceUrl, string conversationId) => new()
    {
        ["type"] = "installationUpdate",
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["action"] = "add",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidelineBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = FakeBotFramework.TenantId },
    };

    /// <summary>A person (not the bot) added to a team: <c>conversationUpdate</c> with <c>membersAdded</c> and <c>teamMemberAdded</c>.</summary>
    public static JsonObject MemberAdded(string serviceUrl, string conversationId, string memberId, string aadObjectId) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:team-owner", ["aadObjectId"] = "aad-team-owner" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidelineBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["tenantId"] = FakeBotFramework.TenantId },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = memberId, ["aadObjectId"] = aadObjectId }),
        ["channelData"] = new JsonObject
        {
            ["eventType"] = "teamMemberAdded",
            ["team"] = new JsonObject { ["id"] = conversationId },
            ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId },
        },
    };
}
