-- Nianbao schema 1: one row per report, one row per part, heading and paragraph.
-- Numbering is derived from `position`, never stored.

-- Marks the file as ours ('NBDR'); `open` refuses SQLite files that lack it.
PRAGMA application_id = 1312965714; -- 0x4E424452

CREATE TABLE reports (
    -- AUTOINCREMENT: a purged report's id is never handed out again (scripts keep ids).
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    template    TEXT NOT NULL,
    issuer      TEXT NOT NULL,
    year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    title       TEXT,
    recipient   TEXT,
    signature   TEXT,
    date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    attachments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments)),
    imprint     TEXT CHECK (imprint IS NULL OR json_valid(imprint)),
    sealed      INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    -- RFC 3339 UTC with milliseconds, e.g. 2024-03-28T02:09:01.123Z
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    -- Set while the report is in the trash.
    deleted_at  TEXT
) STRICT;

CREATE TABLE blocks (
    -- AUTOINCREMENT: a deleted block's id is never reused, so a stale id held by an editor
    -- (another window, an undo stack) can never hit a different block.
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES blocks (id) ON DELETE CASCADE,
    -- preface: 导语 paragraphs; part: the parts 一、二、…; body: everything inside a part.
    section   TEXT NOT NULL,
    -- 0-based among the siblings of one (report, section, parent); kept dense by the program.
    position  INTEGER NOT NULL CHECK (position >= 0),
    kind      TEXT NOT NULL,
    -- Key of the template's statutory part (parts only).
    statutory TEXT,
    -- Paragraph text, heading sentence, or a part's heading.
    text      TEXT NOT NULL,
    -- Run-in body of a heading or part; always empty for paragraphs.
    body      TEXT NOT NULL DEFAULT '',
    CHECK (
        (section = 'preface' AND kind = 'paragraph' AND parent_id IS NULL)
        OR (section = 'part' AND kind = 'part' AND parent_id IS NULL)
        OR (section = 'body' AND kind IN ('heading', 'paragraph') AND parent_id IS NOT NULL)
    ),
    CHECK (statutory IS NULL OR kind = 'part'),
    CHECK (kind <> 'paragraph' OR body = '')
) STRICT;

-- Loading a report reads this index in order; sibling renumbering stays inside one parent.
CREATE INDEX blocks_tree ON blocks (report_id, parent_id, position);
-- ON DELETE CASCADE looks children up by parent; without this each deleted row scans the table.
CREATE INDEX blocks_parent ON blocks (parent_id);

-- A child's parent must be a part or heading of the same report. Depth and cycles are
-- checked by the program, which knows the whole path.
CREATE TRIGGER blocks_parent_insert BEFORE INSERT ON blocks
WHEN NEW.parent_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'parent is a paragraph or belongs to another report')
    WHERE NOT EXISTS (
        SELECT 1 FROM blocks
        WHERE id = NEW.parent_id AND report_id = NEW.report_id AND kind <> 'paragraph'
    );
END;

CREATE TRIGGER blocks_parent_update BEFORE UPDATE OF parent_id, report_id ON blocks
WHEN NEW.parent_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'parent is a paragraph or belongs to another report')
    WHERE NOT EXISTS (
        SELECT 1 FROM blocks
        WHERE id = NEW.parent_id AND report_id = NEW.report_id AND kind <> 'paragraph'
    );
END;
