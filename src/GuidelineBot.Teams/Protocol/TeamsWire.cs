using System.Text.Encodings.Web;
using System.Text.Json;

namespace GuidelineBot.Teams.Protocol;

/// <summary>
/// What is sent to the Bot Connector: <see cref="TeamsJsonContext"/> as <see cref="TeamsJsonContext.Default"/> has it, but
/// text outside ASCII as itself (UTF-8) rather than as <c>\uXXXX</c> escapes, which took six characters each of Teams'
/// message size limit (a card of Cyrillic text got about a sixth of its room). HTML-sensitive characters are
/// not escaped either: this JSON is an API's body, never a page's.
/// </summary>
internal static class TeamsWire
{
    public static TeamsJsonContext Json { get; } =
        new(new JsonSerializerOptions(TeamsJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
