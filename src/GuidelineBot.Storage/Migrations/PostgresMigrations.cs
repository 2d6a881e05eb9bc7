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
        new(2, "onboarding state and acknowledgements", """
            CREATE TABLE onboarding_states (
                channel         TEXT        NOT NULL,
                user_id         TEXT        NOT NULL,
                display_name    TEXT        NOT NULL,
                step            TEXT        NOT NULL,
                document_index  INTEGER     NOT NULL,
                document_id     TEXT        NOT NULL,
                section_index   INTEGER     NOT NULL,
                check_index     INTEGER     NOT NULL,
                started_at      TIMESTAMPTZ NOT NULL,
                updated_at      TIMESTAMPTZ NOT NULL,
                paused_at       TIMESTAMPTZ NULL,
                completed_at    TIMESTAMPTZ NULL,
                version         BIGINT      NOT NULL,
                PRIMARY KEY (channel, user_id)
            );
            CREATE TABLE onboarding_acknowledgements (
                id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                channel         TEXT        NOT NULL,
                user_id         TEXT        NOT NULL,
                display_name    TEXT        NOT NULL,
                document_id     TEXT        NOT NULL,
                document_title  TEXT        NOT NULL,
                content_hash    TEXT        NOT NULL,
                acknowledged_at TIMESTAMPTZ NOT NULL
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
                vector      BYTEA NOT NULL,
                PRIMARY KEY (model, vector_key)
            );
            """),
        new(5, "question log", """
            CREATE TABLE question_log (
                id          TEXT             NOT NULL PRIMARY KEY,
                asked_at    TIMESTAMPTZ      NOT NULL,
                channel     TEXT             NOT NULL,
                user_hash   TEXT             NOT NULL,
                text        TEXT             NOT NULL,
                outcome     TEXT             NOT NULL,
                document_id TEXT             NULL,
                section_id  TEXT             NULL,
                confidence  DOUBLE PRECISION NOT NULL,
                latency_ms  DOUBLE PRECISION NOT NULL,
                helpful     BOOLEAN          NULL
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
                asker_is_direct       BOOLEAN NOT NULL,
                asker_reply_address   TEXT    NULL,
                guess_section_id      TEXT    NULL,
                guess_heading         TEXT    NULL,
                guess_confidence      DOUBLE PRECISION NOT NULL,
                asked_at              TIMESTAMPTZ NOT NULL,
                assigned_channel      TEXT    NULL,
                assigned_user_id      TEXT    NULL,
                assigned_name         TEXT    NULL,
                assigned_at           TIMESTAMPTZ NULL,
                reminded_at           TIMESTAMPTZ NULL,
                answered_at           TIMESTAMPTZ NULL,
                dedupe_key            TEXT    NOT NULL,
                open_key              TEXT    NULL
            );
            -- One unanswered ticket per asker and question: open_key = dedupe_key until the first answer, then NULL.
            CREATE UNIQUE INDEX ux_tickets_open_key ON tickets (open_key) WHERE open_key IS NOT NULL;
            CREATE INDEX ix_tickets_asked_at ON tickets (asked_at);
            CREATE INDEX ix_tickets_unanswered ON tickets (asked_at) WHERE answered_at IS NULL;
            CREATE INDEX ix_tickets_asker ON tickets (asker_channel, asker_user_id);
            CREATE TABLE ticket_posts (
                id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
                add_to_knowledge BOOLEAN NOT NULL,
                answered_at      TIMESTAMPTZ NOT NULL,
                delivered_at     TIMESTAMPTZ NULL,
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
                due_at      TIMESTAMPTZ NOT NULL,
                attempts    INTEGER NOT NULL DEFAULT 0,
                lease_until TIMESTAMPTZ NULL,
                done_at     TIMESTAMPTZ NULL,
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
                suggested_at   TIMESTAMPTZ NOT NULL,
                status         TEXT    NOT NULL,
                decided_at     TIMESTAMPTZ NULL,
                decided_by     TEXT    NULL,
                revision       BIGINT NOT NULL DEFAULT 0
            );
            CREATE TABLE settings (
                key        TEXT NOT NULL PRIMARY KEY,
                value      TEXT NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            );
            """),
        new(7, "onboarding: the version of the document being read, and since when", """
            ALTER TABLE onboarding_states ADD COLUMN document_hash TEXT NOT NULL DEFAULT '';
            ALTER TABLE onboarding_states ADD COLUMN document_begun_at TIMESTAMPTZ NULL;
            """),
        new(8, "the key ring of the browser's cookies and form tokens, shared by every replica", """
            CREATE TABLE key_ring (
                name     TEXT NOT NULL PRIMARY KEY,
                xml      TEXT NOT NULL,
                added_at TIMESTAMPTZ NOT NULL
            );
            """),
        new(9, "expert outbox: the person a job is for (told that their ticket was taken over)", """
            ALTER TABLE expert_outbox ADD COLUMN user_id TEXT NULL;
            """),
    ];
}
