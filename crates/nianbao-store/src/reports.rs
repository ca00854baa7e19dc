//! Rows of the `reports` table: creating and replacing whole reports, meta, the list,
//! status and the trash.

use std::{fmt, str::FromStr};

use nianbao_report::{DocDate, Imprint, Meta, Report};
use rusqlite::{Row, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::{
    Missing, Refusal, Store, StoreError, blocks::report_exists, schema::NOW, tree::Writer,
};

/// Where a report stands: 草稿 while it is being written, 定稿 once signed off.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 草稿.
    #[default]
    Draft,
    /// 定稿.
    Final,
}

impl Status {
    /// The value stored in the `status` column and printed by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Final => "final",
        }
    }

    /// The label the drafter sees.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "草稿",
            Status::Final => "定稿",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "draft" | "草稿" => Ok(Status::Draft),
            "final" | "定稿" => Ok(Status::Final),
            _ => Err(format!("unknown status {s:?} (expected draft or final)")),
        }
    }
}

/// One line of the report library.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// The report's id.
    pub id: i64,
    /// 机关全称.
    pub issuer: String,
    /// 年度.
    pub year: u16,
    /// The title as printed: the drafter's override or the template's generated one.
    pub title: String,
    /// 草稿 or 定稿.
    pub status: Status,
    /// When the report was created, RFC 3339 UTC.
    pub created_at: String,
    /// When anything in the report last changed, RFC 3339 UTC.
    pub updated_at: String,
    /// When the report went to the trash, RFC 3339 UTC; `None` outside the trash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<String>,
    /// Characters of text in the preface, parts and blocks, for page estimates.
    pub chars: usize,
}

/// Replaces meta and tree of report `id` inside a transaction, keeping the ids it holds.
/// Its figures, planned items and 保密审查 stay as stored (they have their own commands, and
/// an undo must not take back a value or a link set since); each planned item keeps its link
/// when the block it points at is in the new tree, and is unlinked otherwise.
pub(crate) fn replace_in(tx: &Transaction<'_>, id: i64, report: &Report) -> Result<(), StoreError> {
    if !write_meta(tx, id, &report.meta)? {
        return Err(StoreError::NotFound(Missing::Report(id)));
    }
    // Deleting the blocks sets every link to NULL (ON DELETE SET NULL): remember them first.
    let links = crate::plan::links(tx, id)?;
    tx.prepare_cached("DELETE FROM blocks WHERE report_id = ?1")?
        .execute([id])?;
    Writer {
        tx,
        report_id: id,
        keep_ids: true,
    }
    .tree(report)?;
    crate::plan::relink(tx, id, &links)
}

/// Reads the meta columns (template … sealed, in that order); the inner error says which
/// stored value does not parse.
pub(crate) fn read_meta(r: &Row<'_>) -> rusqlite::Result<Result<Meta, String>> {
    let template: String = r.get(0)?;
    let issuer: String = r.get(1)?;
    let year: i64 = r.get(2)?;
    let title: Option<String> = r.get(3)?;
    let recipient: Option<String> = r.get(4)?;
    let signature: Option<String> = r.get(5)?;
    let date: Option<String> = r.get(6)?;
    let attachments: String = r.get(7)?;
    let imprint: Option<String> = r.get(8)?;
    let sealed: bool = r.get(9)?;
    Ok((|| {
        Ok(Meta {
            template,
            issuer,
            year: u16::try_from(year).map_err(|_| format!("year {year} out of range"))?,
            title,
            recipient,
            signature,
            date: date
                .map(|d| d.parse::<DocDate>())
                .transpose()
                .map_err(|e| e.to_string())?,
            attachments: serde_json::from_str(&attachments)
                .map_err(|e| format!("attachments: {e}"))?,
            imprint: imprint
                .map(|i| serde_json::from_str::<Imprint>(&i))
                .transpose()
                .map_err(|e| format!("imprint: {e}"))?,
            sealed,
        })
    })())
}

/// The meta fields that are stored as text (date, JSON lists).
struct MetaValues {
    date: Option<String>,
    attachments: String,
    imprint: Option<String>,
}

impl MetaValues {
    fn of(meta: &Meta) -> Result<Self, StoreError> {
        // Serialising strings and dates cannot fail; the error is mapped rather than unwrapped.
        let json = |e: serde_json::Error| {
            StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into()))
        };
        Ok(MetaValues {
            date: meta.date.map(|d| d.to_string()),
            attachments: serde_json::to_string(&meta.attachments).map_err(json)?,
            imprint: meta
                .imprint
                .as_ref()
                .map(serde_json::to_string)
                .transpose()
                .map_err(json)?,
        })
    }
}

/// Refuses meta that [`Report::validate`] would refuse.
fn validate_meta(meta: &Meta) -> Result<(), StoreError> {
    let probe = Report::empty(meta.clone());
    Ok(probe.validate()?)
}

/// Writes all meta columns of report `id`; false when there is no such report.
fn write_meta(tx: &Transaction<'_>, id: i64, meta: &Meta) -> Result<bool, StoreError> {
    let v = MetaValues::of(meta)?;
    let n = tx
        .prepare_cached(&format!(
            "UPDATE reports SET template = ?2, issuer = ?3, year = ?4, title = ?5,
                 recipient = ?6, signature = ?7, date = ?8, attachments = ?9, imprint = ?10,
                 sealed = ?11, updated_at = {NOW}
             WHERE id = ?1"
        ))?
        .execute(params![
            id,
            meta.template,
            meta.issuer,
            meta.year,
            meta.title,
            meta.recipient,
            meta.signature,
            v.date,
            v.attachments,
            v.imprint,
            meta.sealed
        ])?;
    Ok(n > 0)
}

const SUMMARY: &str = "SELECT r.id, r.template, r.issuer, r.year, r.title, r.status, r.created_at,
        r.updated_at, r.deleted_at,
        (SELECT coalesce(sum(length(b.text) + length(b.body)), 0)
         FROM blocks b WHERE b.report_id = r.id)
    FROM reports r";

fn read_summary(r: &Row<'_>) -> rusqlite::Result<ReportSummary> {
    let mut meta = Meta::new(r.get::<_, String>(2)?, 0);
    meta.template = r.get(1)?;
    meta.year = u16::try_from(r.get::<_, i64>(3)?).unwrap_or(0);
    meta.title = r.get(4)?;
    let probe = Report::empty(meta);
    let status: String = r.get(5)?;
    Ok(ReportSummary {
        id: r.get(0)?,
        title: probe.title(),
        issuer: probe.meta.issuer,
        year: probe.meta.year,
        // The column's CHECK admits only the two values.
        status: status.parse().unwrap_or_default(),
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
        deleted_at: r.get(8)?,
        chars: usize::try_from(r.get::<_, i64>(9)?).unwrap_or(0),
    })
}

/// Inserts a whole report (status 草稿) inside a transaction; returns its new id.
pub(crate) fn insert_report(tx: &Transaction<'_>, report: &Report) -> Result<i64, StoreError> {
    let v = MetaValues::of(&report.meta)?;
    let m = &report.meta;
    tx.prepare_cached(&format!(
        "INSERT INTO reports (template, issuer, year, title, recipient, signature, date,
             attachments, imprint, sealed, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'draft', {NOW}, {NOW})"
    ))?
    .execute(params![
        m.template,
        m.issuer,
        m.year,
        m.title,
        m.recipient,
        m.signature,
        v.date,
        v.attachments,
        v.imprint,
        m.sealed
    ])?;
    let id = tx.last_insert_rowid();
    Writer {
        tx,
        report_id: id,
        keep_ids: false,
    }
    .tree(report)?;
    crate::plan::write_extras(tx, id, report)?;
    Ok(id)
}

impl Store {
    /// Stores a whole report in one transaction and returns its id once committed; ids the
    /// report carries are ignored (a copy of a loaded report gets new ones).
    pub fn create_report(&mut self, report: &Report) -> Result<i64, StoreError> {
        report.validate()?;
        self.write(|tx| insert_report(tx, report))
    }

    /// Replaces the meta and the whole tree of report `id` in one transaction (undo of large
    /// edits, fixes). Ids the new tree carries are kept where no other row holds them. The
    /// figures, planned items and review `report` carries are ignored: the stored ones stay,
    /// and planned items stay linked to blocks the new tree still holds.
    pub fn replace_report(&mut self, id: i64, report: &Report) -> Result<(), StoreError> {
        report.validate()?;
        self.write(|tx| replace_in(tx, id, report))
    }

    /// Sets the meta of report `id` (issuer, year, title, recipient, date, 版记, …).
    pub fn update_meta(&mut self, id: i64, meta: &Meta) -> Result<(), StoreError> {
        validate_meta(meta)?;
        self.write(|tx| {
            if !write_meta(tx, id, meta)? {
                return Err(StoreError::NotFound(Missing::Report(id)));
            }
            Ok(())
        })
    }

    /// The reports outside the trash, newest year first, then most recently edited first.
    pub fn list_reports(&self) -> Result<Vec<ReportSummary>, StoreError> {
        let sql = format!(
            "{SUMMARY} WHERE r.deleted_at IS NULL ORDER BY r.year DESC, r.updated_at DESC, r.id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], read_summary)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The reports in the trash, most recently trashed first.
    pub fn list_trash(&self) -> Result<Vec<ReportSummary>, StoreError> {
        let sql = format!(
            "{SUMMARY} WHERE r.deleted_at IS NOT NULL ORDER BY r.deleted_at DESC, r.id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], read_summary)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks report `id` 草稿 or 定稿. 定稿 is refused unless the 保密审查 is recorded for
    /// the text as it is now (see [`Report::review_state`]).
    pub fn set_status(&mut self, id: i64, status: Status) -> Result<(), StoreError> {
        if status == Status::Final {
            match self.load_report(id)?.review_state() {
                nianbao_report::ReviewState::Current => {}
                nianbao_report::ReviewState::Missing => return Err(Refusal::NotReviewed.into()),
                nianbao_report::ReviewState::Stale => return Err(Refusal::ReviewStale.into()),
            }
        }
        self.write(|tx| {
            let n = tx
                .prepare_cached(&format!(
                    "UPDATE reports SET status = ?2, updated_at = {NOW} WHERE id = ?1"
                ))?
                .execute(params![id, status.as_str()])?;
            if n == 0 {
                return Err(StoreError::NotFound(Missing::Report(id)));
            }
            Ok(())
        })
    }

    /// Moves report `id` to the trash (nothing happens if it is there already).
    pub fn trash_report(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx
                .prepare_cached(&format!(
                    "UPDATE reports SET deleted_at = coalesce(deleted_at, {NOW}) WHERE id = ?1"
                ))?
                .execute([id])?;
            if n == 0 {
                return Err(StoreError::NotFound(Missing::Report(id)));
            }
            Ok(())
        })
    }

    /// Takes report `id` out of the trash.
    pub fn restore_report(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx
                .prepare_cached("UPDATE reports SET deleted_at = NULL WHERE id = ?1")?
                .execute([id])?;
            if n == 0 {
                return Err(StoreError::NotFound(Missing::Report(id)));
            }
            Ok(())
        })
    }

    /// Deletes report `id` for good; only a report in the trash can be purged.
    pub fn purge_report(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx
                .prepare_cached("DELETE FROM reports WHERE id = ?1 AND deleted_at IS NOT NULL")?
                .execute([id])?;
            if n == 0 {
                report_exists(tx, id)?;
                return Err(Refusal::NotInTrash(id).into());
            }
            Ok(())
        })
    }
}
