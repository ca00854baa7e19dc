//! 历史版本: snapshots of whole reports. Each is the report's JSON, deflated (a 30-page
//! report takes about 20 KB); one identical to the report's newest snapshot is not stored
//! again, and automatic ones are pruned by [`prune`]'s rule, which never touches named or
//! exported versions.

use std::io::{Read, Write};

use flate2::{Compression, read::DeflateDecoder, write::DeflateEncoder};
use nianbao_report::Report;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::{Missing, Store, StoreError, blocks::report_exists};

/// Why a snapshot was taken.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotReason {
    /// The report was opened in the editor.
    Opened,
    /// Ten minutes of editing passed.
    Interval,
    /// A bulk change (import over it, carry-over, fixes) is about to run.
    BeforeChange,
    /// The report was exported; the label is the file name.
    Exported,
    /// The drafter named this version (送审稿, 定稿, …).
    Named,
    /// An earlier version is about to be restored over this state.
    BeforeRestore,
}

impl SnapshotReason {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SnapshotReason::Opened => "opened",
            SnapshotReason::Interval => "interval",
            SnapshotReason::BeforeChange => "before_change",
            SnapshotReason::Exported => "exported",
            SnapshotReason::Named => "named",
            SnapshotReason::BeforeRestore => "before_restore",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            SnapshotReason::Opened,
            SnapshotReason::Interval,
            SnapshotReason::BeforeChange,
            SnapshotReason::Exported,
            SnapshotReason::Named,
            SnapshotReason::BeforeRestore,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }

    /// Kept whatever the pruning rule says.
    fn is_kept(self) -> bool {
        matches!(self, SnapshotReason::Named | SnapshotReason::Exported)
    }
}

/// One line of the 历史版本 list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotSummary {
    /// The snapshot's id.
    pub id: i64,
    /// When it was taken, RFC 3339 UTC.
    pub created_at: String,
    /// Why it was taken.
    pub reason: SnapshotReason,
    /// The version's name, or the exported file's name.
    pub label: Option<String>,
    /// Characters of text in the report then.
    pub chars: usize,
}

/// Automatic snapshots kept regardless of age.
const KEEP_RECENT: i64 = 30;
/// Beyond those, the newest automatic snapshot of each of this many days is kept.
const KEEP_DAYS: i64 = 30;

impl Store {
    /// Takes a snapshot of a report as stored now; returns its id, or `None` when it would
    /// repeat the newest snapshot (a named or exported one is always taken).
    pub fn snapshot(
        &mut self,
        report_id: i64,
        reason: SnapshotReason,
        label: Option<&str>,
    ) -> Result<Option<i64>, StoreError> {
        let report = self.load_report(report_id)?;
        self.write(|tx| insert(tx, report_id, &report, reason, label))
    }

    /// The snapshots of a report, newest first.
    pub fn list_snapshots(&self, report_id: i64) -> Result<Vec<SnapshotSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, created_at, reason, label, chars FROM snapshots \
             WHERE report_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([report_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (id, created_at, reason, label, chars) = row?;
            Ok(SnapshotSummary {
                id,
                created_at,
                reason: SnapshotReason::parse(&reason).ok_or_else(|| damaged_row(id, "reason"))?,
                label,
                chars: usize::try_from(chars).unwrap_or_default(),
            })
        })
        .collect()
    }

    /// The report as snapshot `snapshot_id` of report `report_id` holds it; a snapshot of
    /// another report is refused as missing, so one report's window never shows another's text.
    pub fn load_snapshot(&self, report_id: i64, snapshot_id: i64) -> Result<Report, StoreError> {
        let content: Vec<u8> = self
            .conn
            .prepare_cached("SELECT content FROM snapshots WHERE id = ?1 AND report_id = ?2")?
            .query_row([snapshot_id, report_id], |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NotFound(Missing::Snapshot(snapshot_id)))?;
        decode(&content).ok_or_else(|| damaged_row(snapshot_id, "content"))
    }

    /// Puts a snapshot back: the current state is snapshotted first (so the restore can
    /// itself be undone), then the report's tree, meta, figures, planned items and review
    /// are replaced in the same transaction. Ids the snapshot holds are kept where free. A
    /// snapshot taken before 数据项 existed holds no figures: the stored figures, planned
    /// items and review then stay, as after [`Store::replace_report`].
    pub fn restore_snapshot(&mut self, report_id: i64, snapshot_id: i64) -> Result<(), StoreError> {
        let current = self.load_report(report_id)?;
        let earlier = self.load_snapshot(report_id, snapshot_id)?;
        self.write(|tx| {
            insert(tx, report_id, &current, SnapshotReason::BeforeRestore, None)?;
            crate::reports::replace_in(tx, report_id, &earlier)?;
            // Every report since schema 3 holds its template's figures, which cannot be removed.
            if earlier.figures.is_empty() {
                return Ok(());
            }
            crate::plan::write_extras(tx, report_id, &earlier)
        })
    }
}

fn damaged_row(id: i64, column: &str) -> StoreError {
    StoreError::Sqlite(rusqlite::Error::InvalidColumnType(
        0,
        format!("snapshot {id}: {column} does not parse"),
        rusqlite::types::Type::Blob,
    ))
}

pub(crate) fn encode(report: &Report) -> Vec<u8> {
    let json = serde_json::to_vec(report).unwrap_or_default();
    let mut enc = DeflateEncoder::new(Vec::new(), Compression::default());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(&json);
    enc.finish().unwrap_or_default()
}

fn decode(content: &[u8]) -> Option<Report> {
    let mut json = Vec::new();
    DeflateDecoder::new(content).read_to_end(&mut json).ok()?;
    serde_json::from_slice(&json).ok()
}

pub(crate) fn chars(report: &Report) -> usize {
    report
        .printed_paragraphs()
        .iter()
        .map(|p| p.chars().count())
        .sum()
}

/// Inserts a snapshot unless it repeats the newest one; prunes automatic ones.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    report_id: i64,
    report: &Report,
    reason: SnapshotReason,
    label: Option<&str>,
) -> Result<Option<i64>, StoreError> {
    report_exists(tx, report_id)?;
    let content = encode(report);
    // A restore's own snapshot is always taken, so that "undo the restore" is one click.
    if !reason.is_kept() && reason != SnapshotReason::BeforeRestore {
        let newest: Option<Vec<u8>> = tx
            .prepare_cached(
                "SELECT content FROM snapshots WHERE report_id = ?1 ORDER BY id DESC LIMIT 1",
            )?
            .query_row([report_id], |r| r.get(0))
            .optional()?;
        if newest.as_deref() == Some(&content[..]) {
            return Ok(None);
        }
    }
    tx.prepare_cached(
        "INSERT INTO snapshots (report_id, reason, label, chars, content) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![report_id, reason.as_str(), label, chars(report) as i64, content])?;
    let id = tx.last_insert_rowid();
    prune(tx, report_id)?;
    Ok(Some(id))
}

/// Deletes automatic snapshots that are neither among the newest [`KEEP_RECENT`] nor the
/// newest of their day within the last [`KEEP_DAYS`] days. Named and exported versions stay.
fn prune(tx: &Transaction<'_>, report_id: i64) -> Result<(), StoreError> {
    tx.prepare_cached(
        "DELETE FROM snapshots WHERE report_id = ?1 \
           AND reason NOT IN ('named', 'exported') \
           AND id NOT IN (SELECT id FROM snapshots WHERE report_id = ?1 \
                            AND reason NOT IN ('named', 'exported') ORDER BY id DESC LIMIT ?2) \
           AND id NOT IN (SELECT max(id) FROM snapshots WHERE report_id = ?1 \
                            AND reason NOT IN ('named', 'exported') \
                            AND created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?3) \
                            GROUP BY substr(created_at, 1, 10))",
    )?
    .execute(params![
        report_id,
        KEEP_RECENT,
        format!("-{KEEP_DAYS} days")
    ])?;
    Ok(())
}
