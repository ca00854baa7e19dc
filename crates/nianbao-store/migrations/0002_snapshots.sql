-- 历史版本: whole-report snapshots, deflated JSON of the model, taken on open, every ten
-- minutes of editing, before bulk changes, on export and on request (named versions).
CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    reason TEXT NOT NULL CHECK (
        reason IN ('opened', 'interval', 'before_change', 'exported', 'named', 'before_restore')
    ),
    -- The drafter's name for a named version, or the exported file's name.
    label TEXT,
    -- Characters of text, for the list without inflating the content.
    chars INTEGER NOT NULL CHECK (chars >= 0),
    content BLOB NOT NULL
) STRICT;

CREATE INDEX snapshots_by_report ON snapshots (report_id, id);
