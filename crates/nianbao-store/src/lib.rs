//! The SQLite store of Nianbao: reports as rows in one file, each edit one small transaction.
//!
//! A report is one row of `reports` (its meta) and one row of `blocks` per part, heading and
//! paragraph, so that saving a keystroke's worth of change updates one row whatever the size
//! of the report. Files that are not ours, damaged or written by a newer version are refused
//! at [`Store::open`] and never written to.

mod backup;
mod blocks;
mod error;
mod fault;
mod figures;
mod history;
mod load;
pub(crate) mod open;
mod paths;
mod plan;
mod reports;
mod schema;
mod transfer;
mod tree;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use backup::{BackupInfo, backups_dir};
pub use blocks::Position;
pub use error::{Missing, Refusal, StoreError};
pub use figures::FigureYear;
pub use history::{SnapshotReason, SnapshotSummary};
pub use paths::{DB_FILE, ENV_DB, default_db_path, resolve_db_path};
pub use reports::{ReportSummary, Status};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION, migrations_up_to};
pub use transfer::{KeptVersion, Transfer};

/// An open Nianbao database; writes take `&mut self`, each one a single transaction.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: std::path::PathBuf,
}

impl Store {
    /// Runs `f` in one IMMEDIATE transaction and commits; any error rolls everything back.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result = (|| {
            // IMMEDIATE takes the write lock up front, so a second process (app and CLI at
            // once) waits on busy_timeout instead of failing halfway with SQLITE_BUSY.
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        result.map_err(|e| fault::classify(&self.conn, &self.path, e))
    }
}
