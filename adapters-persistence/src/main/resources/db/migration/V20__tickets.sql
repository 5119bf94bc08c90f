-- Support tickets (SPEC section 3 "Tickets"). Messages are append-only; internal staff notes are
-- flagged and filtered out for customers. Attachment bytes live in their own table so that lists
-- and ticket details never read them, and so that every instance sees them (no shared disk).
CREATE TABLE tickets (
    id                uuid          PRIMARY KEY,
    customer_id       uuid          NOT NULL REFERENCES users (id),
    subject           varchar(200)  NOT NULL,
    category          varchar(16)   NOT NULL,
    priority          varchar(16)   NOT NULL,
    vm_id             uuid          REFERENCES vms (id),
    status            varchar(16)   NOT NULL,
    assignee_id       uuid          REFERENCES users (id),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    last_activity_at  timestamptz   NOT NULL,
    closed_at         timestamptz,
    version           bigint        NOT NULL DEFAULT 0
);
CREATE INDEX tickets_customer_idx ON tickets (customer_id, last_activity_at DESC);
CREATE INDEX tickets_activity_idx ON tickets (last_activity_at DESC);
CREATE INDEX tickets_assignee_idx ON tickets (assignee_id) WHERE assignee_id IS NOT NULL;

CREATE TABLE ticket_messages (
    id          uuid          PRIMARY KEY,
    ticket_id   uuid          NOT NULL REFERENCES tickets (id),
    author_id   uuid          NOT NULL REFERENCES users (id),
    body        text          NOT NULL,
    staff       boolean       NOT NULL,
    internal    boolean       NOT NULL,
    created_at  timestamptz   NOT NULL
);
CREATE INDEX ticket_messages_ticket_idx ON ticket_messages (ticket_id, created_at);

CREATE TABLE ticket_attachments (
    id            uuid          PRIMARY KEY,
    ticket_id     uuid          NOT NULL REFERENCES tickets (id),
    message_id    uuid          NOT NULL REFERENCES ticket_messages (id),
    file_name     varchar(100)  NOT NULL,
    content_type  varchar(64)   NOT NULL,
    size_bytes    bigint        NOT NULL,
    created_at    timestamptz   NOT NULL
);
CREATE INDEX ticket_attachments_ticket_idx ON ticket_attachments (ticket_id);

CREATE TABLE ticket_attachment_data (
    attachment_id  uuid   PRIMARY KEY REFERENCES ticket_attachments (id),
    bytes          bytea  NOT NULL
);
