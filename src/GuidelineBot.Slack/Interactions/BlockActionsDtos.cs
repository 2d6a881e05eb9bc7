namespace GuidelineBot.Slack.Interactions;

/// <summary>The <c>payload</c> of an interaction: <c>block_actions</c> (buttons) and <c>view_submission</c> (a modal's submit).</summary>
public sealed record InteractionPayload(
    string? Type,
    SlackActor? User = null,
    SlackChannelRef? Channel = null,
    SlackContainer? Container = null,
    string? ResponseUrl = null,
    string? TriggerId = null,
    IReadOnlyList<SlackAction>? Actions = null,
    SlackTeamRef? Team = null,
    SlackMessageRef? Message = null,
    SlackView? View = null);

/// <param name="Name">The person's Slack handle (Slack sends it as <c>name</c> in modal payloads, <c>username</c> in others).</param>
public sealed record SlackActor(string? Id, string? Username = null, string? TeamId = null, string? Name = null);

public sealed record SlackTeamRef(string? Id, string? Domain = null);

public sealed record SlackChannelRef(string? Id, string? Name = null);

/// <param name="ThreadTs">Set when the message with the button is in a thread: the thread's root.</param>
public sealed record SlackContainer(string? Type = null, string? MessageTs = null, string? ChannelId = null, bool? IsEphemeral = null,
    string? ThreadTs = null);

/// <summary>The message that carried the button (its <c>thread_ts</c> when it is in a thread).</summary>
public sealed record SlackMessageRef(string? Ts = null, string? ThreadTs = null);

public sealed record SlackAction(string? ActionId, string? BlockId = null, string? Value = null, string? Type = null, string? ActionTs = null);

/// <summary>The submitted modal: which form (<c>callback_id</c>), our metadata, and the field values.</summary>
public sealed record SlackView(string? Id = null, string? CallbackId = null, string? PrivateMetadata = null, SlackViewState? State = null);

/// <summary><c>values[block_id][action_id]</c>.</summary>
public sealed record SlackViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackViewValue?>?>? Values = null);

/// <summary>One field's value: <c>value</c> of a text input, <c>selected_options</c> of checkboxes.</summary>
public sealed record SlackViewValue(string? Type = null, string? Value = null, IReadOnlyList<SlackOption?>? SelectedOptions = null);

public sealed record SlackOption(string? Value = null);
