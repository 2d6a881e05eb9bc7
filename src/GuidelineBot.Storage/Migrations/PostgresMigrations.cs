namespace GuidelineBot.Storage.Migrations;

/// <summary>PostgreSQL schema: the same tables and columns as <see cref="SqliteMigrations"/>, in native types.</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "feedback and once-claims", """
            CREATE TABLE feedback (
                id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                channel     TEXT        NOT NULL,
                user_id     TEXT        NOT NULL,
                question    TEXT        NOT NULL,
                section_id  TEXT        NULL,
                helpful     BOOLEAN     NOT NULL,
                created_at  TIMESTAMPTZ NOT NULL
            );
            CREATE TABLE once_claims (
                scope       TEXT        NOT NULL,
                claim_key   TEXT        NOT NULL,
                claimed_at  TIMESTAMPTZ NOT NULL,
                expires_at  TIMESTAMPTZ NULL,
                PRIMARY KEY (scope, claim_key)
            );
            CREATE INDEX ix_once_claims_expires_at ON once_claims (expires_at) WHERE expires_at IS NOT NULL;
            """),
    ];
}
