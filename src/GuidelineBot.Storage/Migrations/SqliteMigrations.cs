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
        new(2, "onboarding state and acknowledgements", """
            CREATE TABLE onboarding_states (
                channel         TEXT    NOT NULL,
                user_id         TEXT    NOT NULL,
                display_name    TEXT    NOT NULL,
                step            TEXT    NOT NULL,
                document_index  INTEGER NOT NULL,
                document_id     TEXT    NOT NULL,
                section_index   INTEGER NOT NULL,
                check_index     INTEGER NOT NULL,
                started_at      TEXT    NOT NULL,
                updated_at      TEXT    NOT NULL,
                paused_at       TEXT    NULL,
                completed_at    TEXT    NULL,
                version         INTEGER NOT NULL,
                PRIMARY KEY (channel, user_id)
            );
            CREATE TABLE onboarding_acknowledgements (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                channel         TEXT NOT NULL,
                user_id         TEXT NOT NULL,
                display_name    TEXT NOT NULL,
                document_id     TEXT NOT NULL,
                document_title  TEXT NOT NULL,
                content_hash    TEXT NOT NULL,
                acknowledged_at TEXT NOT NULL
            );
            CREATE INDEX ix_onboarding_acknowledgements_user ON onboarding_acknowledgements (channel, user_id);
            """),
        new(3, "one feedback vote per message and person; retention", """
            ALTER TABLE feedback ADD COLUMN vote_key TEXT NULL;
            CREATE UNIQUE INDEX ux_feedback_vote ON feedback (channel, vote_key) WHERE vote_key IS NOT NULL;
            CREATE INDEX ix_feedback_created_at ON feedback (created_at);
            CREATE INDEX ix_once_claims_claimed_at ON once_claims (claimed_at) WHERE expires_at IS NOT NULL;
            """),
        new(4, "sentence vector cache", """
            CREATE TABLE sentence_vectors (
                model       TEXT NOT NULL,
                vector_key  TEXT NOT NULL,
                vector      BLOB NOT NULL,
                PRIMARY KEY (model, vector_key)
            );
            """),
        new(5, "question log", """
            CREATE TABLE question_log (
                id          TEXT    NOT NULL PRIMARY KEY,
                asked_at    TEXT    NOT NULL,
                channel     TEXT    NOT NULL,
                user_hash   TEXT    NOT NULL,
                text        TEXT    NOT NULL,
                outcome     TEXT    NOT NULL,
                document_id TEXT    NULL,
                section_id  TEXT    NULL,
                confidence  REAL    NOT NULL,
                latency_ms  REAL    NOT NULL,
                helpful     INTEGER NULL
            );
            CREATE INDEX ix_question_log_asked_at ON question_log (asked_at);
            """),
    ];
}
