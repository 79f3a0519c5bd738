-- One edition of a conference's mentorship offer, e.g. "ML4H 2025".
CREATE TABLE program (
    id           uuid         PRIMARY KEY,
    conference   varchar(100) NOT NULL,
    name         varchar(200) NOT NULL,
    status       varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    created_at   timestamptz  NOT NULL,
    published_at timestamptz,
    version      bigint       NOT NULL DEFAULT 0,
    CONSTRAINT program_name_unique UNIQUE (name),
    CONSTRAINT program_published_has_instant CHECK (status = 'DRAFT' OR published_at IS NOT NULL)
);

CREATE INDEX program_by_status ON program (status, created_at DESC);
