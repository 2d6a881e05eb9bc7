using YamlDotNet.RepresentationModel;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>deploy/slack/manifest.yml grants what the bot's Slack features call and subscribes to what they handle.</summary>
public sealed class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "deploy", "slack", "manifest.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => (YamlMappingNode)current[key]);

    private static List<string> List(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Children.Select(c => c.ToString()).ToList();

    [Theory]
    [InlineData("chat:write")]        // answers; ticket posts and chat.update
    [InlineData("im:write")]          // conversations.open: onboarding, expert answers to DMs
    [InlineData("im:history")]        // message.im
    [InlineData("app_mentions:read")] // app_mention
    [InlineData("users:read")]        // users.info, team_join
    [InlineData("channels:read")]     // conversations.members (public experts' channel)
    [InlineData("groups:read")]       // conversations.members (private experts' channel)
    [InlineData("channels:history")]  // message.channels: thread replies in the experts' channel
    [InlineData("groups:history")]    // message.groups: the same in a private channel
    [InlineData("commands")]
    public void Bot_scopes_include_what_the_bot_calls(string scope) =>
        Assert.Contains(scope, List(Map(Manifest, "oauth_config", "scopes"), "bot"));

    [Theory]
    [InlineData("app_mention")]
    [InlineData("message.im")]
    [InlineData("message.channels")]
    [InlineData("message.groups")]
    [InlineData("team_join")]
    [InlineData("member_joined_channel")]
    public void Events_include_what_the_bot_handles(string botEvent) =>
        Assert.Contains(botEvent, List(Map(Manifest, "settings", "event_subscriptions"), "bot_events"));

    [Fact]
    public void Interactivity_for_buttons_and_modals_is_on_at_the_interactions_endpoint()
    {
        var interactivity = Map(Manifest, "settings", "interactivity");
        Assert.Equal("true", interactivity["is_enabled"].ToString());
        Assert.EndsWith("/slack/interactions", interactivity["request_url"].ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/slack/events", Map(Manifest, "settings", "event_subscriptions")["request_url"].ToString(), StringComparison.Ordinal);
    }
}
