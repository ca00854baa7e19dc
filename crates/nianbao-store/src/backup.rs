//! 备份: consistent copies of the whole database file, made with SQLite's online backup API
//! into `backups/` beside it — one a day (the newest seven kept), one before every schema
//! upgrade, one before every restore — and restoring from such a copy.

use std::{
    fs,
    path::{Path, PathBuf},
};

use rusqlite::{Connection, MAIN_DB, OpenFlags, backup::Backup};
use serde::{Deserialize, Serialize};
use tracing::info;

use crate::{Store, StoreError, open, schema};

/// Daily backups kept; older ones are deleted when a new one is made.
const KEEP_DAILY: usize = 7;
/// File-name prefix of the daily backups: `nianbao-2024-03-28.db`.
const DAILY_PREFIX: &str = "nianbao-";

/// One file in the backups folder.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    /// The file's full path.
    pub path: String,
    /// The file name, which says when and why it was made.
    pub name: String,
    /// Its size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
}

/// `backups/` beside the database file.
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

/// Copies the database behind `conn` to `dest` through a temporary file, so that `dest`
/// is either the old file or a whole copy.
pub(crate) fn backup_connection(conn: &Connection, dest: &Path) -> Result<(), StoreError> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".nianbao-backup-")
        .suffix(".db")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io(dir, e))?;
    conn.backup(MAIN_DB, tmp.path(), None)?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(tmp.path(), e))?;
    tmp.persist(dest)
        .map_err(|e| StoreError::io(dest, e.error))?;
    Ok(())
}

/// A local timestamp from SQLite, for file names (`20240328-141503`).
pub(crate) fn local_stamp(conn: &Connection, format: &str) -> Result<String, StoreError> {
    Ok(
        conn.query_row("SELECT strftime(?1, 'now', 'localtime')", [format], |r| {
            r.get(0)
        })?,
    )
}

/// `backups/{what}-{local time}.db`, never the name of an existing file (two in one second
/// get `-2`, `-3`, …): a safety copy must not overwrite the copy being restored.
pub(crate) fn stamped_path(
    conn: &Connection,
    db: &Path,
    what: &str,
) -> Result<PathBuf, StoreError> {
    let stamp = local_stamp(conn, "%Y%m%d-%H%M%S")?;
    let dir = backups_dir(db);
    let mut path = dir.join(format!("{what}-{stamp}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{what}-{stamp}-{n}.db"));
        n += 1;
    }
    Ok(path)
}

impl Store {
    /// A new file name in `backups/` for a copy made on request: `{what}-{local time}.db`.
    pub fn new_backup_path(&self, what: &str) -> Result<PathBuf, StoreError> {
        stamped_path(&self.conn, &self.path, what)
    }

    /// Writes a consistent copy of the whole database to `dest`.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        backup_connection(&self.conn, dest)
    }

    /// Makes today's backup if there is none yet (`backups/nianbao-YYYY-MM-DD.db`) and keeps
    /// the newest seven; returns the new file's path when one was made.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>, StoreError> {
        let today = local_stamp(&self.conn, "%Y-%m-%d")?;
        let dir = backups_dir(&self.path);
        let dest = dir.join(format!("{DAILY_PREFIX}{today}.db"));
        if dest.exists() {
            return Ok(None);
        }
        self.backup_to(&dest)?;
        info!(path = %dest.display(), "made today's backup");
        let mut daily: Vec<BackupInfo> = self
            .list_backups()?
            .into_iter()
            .filter(|b| is_daily(&b.name))
            .collect();
        // Names sort by date; the list is newest first.
        for old in daily.split_off(KEEP_DAILY.min(daily.len())) {
            let _ = fs::remove_file(&old.path);
        }
        Ok(Some(dest))
    }

    /// The files in the backups folder, newest name first.
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        let dir = backups_dir(&self.path);
        let Ok(entries) = fs::read_dir(&dir) else {
            return Ok(Vec::new());
        };
        let mut all: Vec<BackupInfo> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let bytes = e.metadata().ok()?.len();
                (name.ends_with(".db") && !name.starts_with('.')).then(|| BackupInfo {
                    path: e.path().display().to_string(),
                    name,
                    bytes,
                })
            })
            .collect();
        all.sort_by(|a, b| b.name.cmp(&a.name));
        Ok(all)
    }

    /// Replaces the whole database with the copy at `source`, after checking it like
    /// [`Store::open`] (ours, whole, not newer) and after backing up the current state;
    /// returns that safety copy's path. An older copy is brought up to date.
    pub fn restore_from(&mut self, source: &Path) -> Result<PathBuf, StoreError> {
        open::verify(source)?;
        let safety = stamped_path(&self.conn, &self.path, "before-restore")?;
        self.backup_to(&safety)?;
        // Read-only: restoring never writes to the drafter's backup file.
        let src = Connection::open_with_flags(
            source,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Backup::new(&src, &mut self.conn)?.run_to_completion(
            256,
            std::time::Duration::ZERO,
            None,
        )?;
        drop(src);
        schema::migrations().to_latest(&mut self.conn)?;
        info!(from = %source.display(), safety = %safety.display(), "restored the database");
        Ok(safety)
    }
}

fn is_daily(name: &str) -> bool {
    name.strip_prefix(DAILY_PREFIX)
        .and_then(|rest| rest.strip_suffix(".db"))
        .is_some_and(|date| {
            date.len() == 10 && date.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
}
