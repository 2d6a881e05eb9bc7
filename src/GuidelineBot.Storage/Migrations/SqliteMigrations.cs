namespace GuidelineBot.Storage.Migrations;

/// <summary>SQLite schema. Times are fixed-width UTC ISO-8601 text (see <see cref="SqliteDatabase"/>).</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "feedback and once-claims", """
            CREATE TABLE feedback (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                channel     TEXT    NOT NULL,
                user_id     TEXT    NOT NULL,
                question    TEXT    NOT NULL,
                section_id  TEXT    NULL,
                helpful     INTEGER NOT NULL,
                created_at  TEXT    NOT NULL
            );
            CREATE TABLE once_claims (
                scope       TEXT NOT NULL,
                claim_key   TEXT NOT NULL,
                claimed_at  TEXT NOT NULL,
                expires_at  TEXT NULL,
                PRIMARY KEY (scope, claim_key)
            );
            CREATE INDEX ix_once_claims_expires_at ON once_claims (expires_at) WHERE expires_at IS NOT NULL;
            """),
    ];
}
