-- Nianbao schema 3: 数据项 (figures) per report, last year's planned items carried over as a
-- checklist, and the 保密审查 (secrecy review) recorded on the report. The figures the
-- template declares are added to existing reports by the migration's hook, in Rust.

CREATE TABLE figures (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    -- 0-based, dense: the drafter's order.
    position   INTEGER NOT NULL CHECK (position >= 0),
    -- Quoted by placeholders {{数据:key}} in the text; never changes once created.
    key        TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
    name       TEXT NOT NULL CHECK (name <> ''),
    unit       TEXT NOT NULL,
    meaning    TEXT NOT NULL DEFAULT '',
    -- Exact decimals as text ('15', '97.5'), never REAL; NULL while not filled in.
    value      TEXT CHECK (value IS NULL OR value GLOB '[0-9]*'),
    last_value TEXT CHECK (last_value IS NULL OR last_value GLOB '[0-9]*'),
    -- Added by the drafter (renamable, removable) rather than declared by the template.
    custom     INTEGER NOT NULL DEFAULT 0 CHECK (custom IN (0, 1)),
    UNIQUE (report_id, key),
    UNIQUE (report_id, name)
) STRICT;

CREATE TABLE plan_items (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position >= 0),
    text      TEXT NOT NULL,
    -- Where it was planned: '2023年度报告 四、（一）'.
    source    TEXT NOT NULL DEFAULT '',
    -- The block of this report that reports on the item; deleting the block unlinks it.
    block_id  INTEGER REFERENCES blocks (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX plan_items_by_report ON plan_items (report_id, position);
-- ON DELETE SET NULL looks items up by block; without this each deleted block scans the table.
CREATE INDEX plan_items_by_block ON plan_items (block_id);

-- The three ticks, the day and the fingerprint of the printed content, as JSON
-- ({"no_state_secrets":true,…,"date":"2024-03-20","fingerprint":"…"}); NULL while not recorded.
ALTER TABLE reports ADD COLUMN review TEXT CHECK (review IS NULL OR json_valid(review));
