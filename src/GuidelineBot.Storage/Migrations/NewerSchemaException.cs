namespace GuidelineBot.Storage.Migrations;

/// <summary>
/// The store was migrated by a newer build: this one refuses it (its message says so). The store opened fine, so a
/// failed start does not point at the connection settings.
/// </summary>
public sealed class NewerSchemaException(string message) : InvalidOperationException(message);
