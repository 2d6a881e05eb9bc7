using System.Text.Json.Serialization;

namespace GuidelineBot.Storage;

/// <summary>The few values the stores keep as JSON text (a list in one column), serialized without reflection.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
