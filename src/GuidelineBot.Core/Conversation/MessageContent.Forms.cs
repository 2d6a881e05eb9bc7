namespace GuidelineBot.Core.Conversation;

/// <summary>Words channels need around a form's fields.</summary>
public static partial class MessageContent
{
    /// <summary>The text beside a <see cref="ToggleBlock"/>'s box, for channels that show the label above the box (Slack checkboxes).</summary>
    public const string ToggleOnLabel = "Yes";
}
