//! Payloads of the 历史版本 and 备份与恢复 commands that are not domain types. TypeScript
//! declarations are generated from these (see `bindings`).

use serde::Serialize;

/// What a file in the backups folder is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// 每日备份 (`nianbao-2024-03-28.db`), made at the first start of a day.
    Daily,
    /// 手动备份 (`manual-20240328-141503.db`), made by 立即备份.
    Manual,
    /// 恢复前备份 (`before-restore-….db`): the state before a restore from a backup.
    BeforeRestore,
    /// 升级前备份 (`before-schema-N-….db`): the state before a schema upgrade.
    BeforeUpgrade,
    /// Any other `.db` file the drafter put there.
    Other,
}

/// One file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BackupFile {
    /// The file's full path.
    pub path: String,
    /// The file name.
    pub name: String,
    /// What it is.
    pub kind: BackupKind,
    /// Its size in bytes.
    #[cfg_attr(test, ts(type = "number"))]
    pub bytes: u64,
    /// When it was last written, in milliseconds since 1970 (shown in local time).
    pub modified_ms: Option<i64>,
}

/// The backups folder and what is in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Backups {
    /// The folder, beside the database file.
    pub dir: String,
    /// The backups, most recently written first.
    pub files: Vec<BackupFile>,
}

/// What the recovery screen needs when the database did not open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RecoveryInfo {
    /// The database is damaged (not merely locked, foreign or too new): recovery is offered.
    pub damaged: bool,
    /// The database file.
    pub db_path: String,
    /// The backups folder.
    pub backups_dir: String,
    /// The backup 从最新备份恢复 would start from.
    pub newest_backup: Option<BackupFile>,
}

/// What a recovery did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RecoveryOutcome {
    /// Where the damaged file and its companions were moved.
    pub moved_aside: Vec<String>,
    /// The backup now in use, if one was restored.
    pub restored_from: Option<String>,
}
