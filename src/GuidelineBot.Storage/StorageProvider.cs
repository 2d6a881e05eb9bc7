namespace GuidelineBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
