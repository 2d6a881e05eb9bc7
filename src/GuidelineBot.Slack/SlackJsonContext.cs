using System.Text.Json.Serialization;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Interactions;

namespace GuidelineBot.Slack;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(UrlVerificationResponse))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(ChatPostMessageRequest))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(ConversationsOpenRequest))]
[JsonSerializable(typeof(ChatPostEphemeralRequest))]
[JsonSerializable(typeof(ChatUpdateRequest))]
[JsonSerializable(typeof(ViewsOpenRequest))]
[JsonSerializable(typeof(ModalMetadata))]
[JsonSerializable(typeof(ViewSubmissionResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
