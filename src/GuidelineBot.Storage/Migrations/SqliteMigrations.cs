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
        new(6, "ask an expert: tickets, posts, answers, outbox, knowledge suggestions, settings", """
            CREATE TABLE tickets (
                id                    TEXT    NOT NULL PRIMARY KEY,
                question              TEXT    NOT NULL,
                context               TEXT    NULL,
                asker_channel         TEXT    NOT NULL,
                asker_user_id         TEXT    NOT NULL,
                asker_name            TEXT    NOT NULL,
                asker_tenant_id       TEXT    NULL,
                asker_conversation_id TEXT    NOT NULL,
                asker_is_direct       INTEGER NOT NULL,
                asker_reply_address   TEXT    NULL,
                guess_section_id      TEXT    NULL,
                guess_heading         TEXT    NULL,
                guess_confidence      REAL    NOT NULL,
                asked_at              TEXT    NOT NULL,
                assigned_channel      TEXT    NULL,
                assigned_user_id      TEXT    NULL,
                assigned_name         TEXT    NULL,
                assigned_at           TEXT    NULL,
                reminded_at           TEXT    NULL,
                answered_at           TEXT    NULL,
                dedupe_key            TEXT    NOT NULL,
                open_key              TEXT    NULL
            );
            -- One unanswered ticket per asker and question: open_key = dedupe_key until the first answer, then NULL.
            CREATE UNIQUE INDEX ux_tickets_open_key ON tickets (open_key) WHERE open_key IS NOT NULL;
            CREATE INDEX ix_tickets_asked_at ON tickets (asked_at);
            CREATE INDEX ix_tickets_unanswered ON tickets (asked_at) WHERE answered_at IS NULL;
            CREATE INDEX ix_tickets_asker ON tickets (asker_channel, asker_user_id);
            CREATE TABLE ticket_posts (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                ticket_id       TEXT NOT NULL REFERENCES tickets (id),
                channel         TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                message_id      TEXT NOT NULL,
                UNIQUE (channel, conversation_id, message_id)
            );
            CREATE INDEX ix_ticket_posts_ticket ON ticket_posts (ticket_id);
            CREATE TABLE ticket_answers (
                id               TEXT    NOT NULL PRIMARY KEY,
                ticket_id        TEXT    NOT NULL REFERENCES tickets (id),
                expert_channel   TEXT    NOT NULL,
                expert_user_id   TEXT    NOT NULL,
                expert_name      TEXT    NOT NULL,
                text             TEXT    NOT NULL,
                add_to_knowledge INTEGER NOT NULL,
                answered_at      TEXT    NOT NULL,
                delivered_at     TEXT    NULL,
                dedupe_key       TEXT    NOT NULL,
                UNIQUE (ticket_id, dedupe_key)
            );
            CREATE INDEX ix_ticket_answers_undelivered ON ticket_answers (ticket_id) WHERE delivered_at IS NULL;
            CREATE TABLE expert_outbox (
                id          TEXT    NOT NULL PRIMARY KEY,
                kind        TEXT    NOT NULL,
                ticket_id   TEXT    NOT NULL,
                answer_id   TEXT    NULL,
                channel     TEXT    NULL,
                due_at      TEXT    NOT NULL,
                attempts    INTEGER NOT NULL DEFAULT 0,
                lease_until TEXT    NULL,
                done_at     TEXT    NULL,
                last_error  TEXT    NULL
            );
            CREATE INDEX ix_expert_outbox_due ON expert_outbox (due_at) WHERE done_at IS NULL;
            CREATE INDEX ix_expert_outbox_done ON expert_outbox (done_at) WHERE done_at IS NOT NULL;
            CREATE TABLE knowledge_suggestions (
                id             TEXT    NOT NULL PRIMARY KEY,
                ticket_id      TEXT    NOT NULL,
                answer_id      TEXT    NOT NULL UNIQUE,
                question       TEXT    NOT NULL,
                answer         TEXT    NOT NULL,
                expert_channel TEXT    NOT NULL,
                expert_user_id TEXT    NOT NULL,
                expert_name    TEXT    NOT NULL,
                suggested_at   TEXT    NOT NULL,
                status         TEXT    NOT NULL,
                decided_at     TEXT    NULL,
                decided_by     TEXT    NULL,
                revision       INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE settings (
                key        TEXT NOT NULL PRIMARY KEY,
                value      TEXT NOT NULL,
                updated_at TEXT    NOT NULL
            );
            """),
        new(7, "onboarding: the version of the document being read, and since when", """
            ALTER TABLE onboarding_states ADD COLUMN document_hash TEXT NOT NULL DEFAULT '';
            ALTER TABLE onboarding_states ADD COLUMN document_begun_at TEXT NULL;
            """),
        new(8, "the key ring of the browser's cookies and form tokens, shared by every replica", """
            CREATE TABLE key_ring (
                name     TEXT NOT NULL PRIMARY KEY,
                xml      TEXT NOT NULL,
                added_at TEXT NOT NULL
            );
            """),
        new(9, "expert outbox: the person a job is for (told that their ticket was taken over)", """
            ALTER TABLE expert_outbox ADD COLUMN user_id TEXT NULL;
            """),
    ];
}
