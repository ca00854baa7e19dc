//! A report with what travels with it to another database (the `.nianbao` file): its status
//! and its named versions, read out whole and written back in one transaction.

use nianbao_report::Report;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::{
    SnapshotReason, Status, Store, StoreError,
    history::{chars, encode},
    reports::insert_report,
    schema::NOW,
};

/// A named version (送审稿, 定稿, …) as it travels with its report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptVersion {
    /// The drafter's name for it.
    pub label: String,
    /// When it was taken, RFC 3339 UTC.
    pub created_at: String,
    /// The report as it was then.
    pub report: Report,
}

/// Everything of one report that moves to another database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// The report now.
    pub report: Report,
    /// 草稿 or 定稿.
    pub status: Status,
    /// Its named versions, oldest first.
    pub versions: Vec<KeptVersion>,
    /// The database's clock at the time of reading, RFC 3339 UTC.
    pub read_at: String,
}

impl Store {
    /// Reads report `id` with its status and named versions, for a `.nianbao` file.
    pub fn transfer_out(&self, id: i64) -> Result<Transfer, StoreError> {
        let report = self.load_report(id)?;
        let (status, read_at): (String, String) = self
            .conn
            .prepare_cached(&format!("SELECT status, {NOW} FROM reports WHERE id = ?1"))?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut versions = Vec::new();
        for s in self.list_snapshots(id)?.into_iter().rev() {
            if s.reason == SnapshotReason::Named {
                versions.push(KeptVersion {
                    label: s.label.unwrap_or_default(),
                    created_at: s.created_at,
                    report: self.load_snapshot(id, s.id)?,
                });
            }
        }
        Ok(Transfer {
            report,
            // The column's CHECK admits only the two values.
            status: status.parse().unwrap_or_default(),
            versions,
            read_at,
        })
    }

    /// Stores a report brought from another database as a new one (new ids), with its status
    /// and named versions, in one transaction: either all of it is there or none.
    pub fn transfer_in(
        &mut self,
        report: &Report,
        status: Status,
        versions: &[KeptVersion],
    ) -> Result<i64, StoreError> {
        report.validate()?;
        for v in versions {
            v.report.validate()?;
        }
        self.write(|tx| {
            let id = insert_report(tx, report)?;
            tx.prepare_cached("UPDATE reports SET status = ?2 WHERE id = ?1")?
                .execute(params![id, status.as_str()])?;
            let mut add = tx.prepare_cached(
                "INSERT INTO snapshots (report_id, created_at, reason, label, chars, content) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for v in versions {
                add.execute(params![
                    id,
                    v.created_at,
                    SnapshotReason::Named.as_str(),
                    v.label,
                    chars(&v.report) as i64,
                    encode(&v.report)
                ])?;
            }
            Ok(id)
        })
    }
}
