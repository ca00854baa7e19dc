//! 备份与恢复: the backups folder, 立即备份, 从备份恢复, and the recovery of a damaged database.

use std::path::PathBuf;

use nianbao_store::{BackupInfo, backups_dir};
use tauri::State;

use crate::{
    error::IpcError,
    history_ipc::{BackupFile, Backups, RecoveryInfo, RecoveryOutcome},
    recovery::{self, Replacement},
    state::AppState,
};

type Result<T> = std::result::Result<T, IpcError>;

fn db_path(state: &AppState) -> Result<PathBuf> {
    state.db_path.clone().ok_or_else(|| {
        IpcError::new(
            "找不到存放数据的文件夹，请用 --db 参数指定数据库位置。",
            "no database path",
        )
    })
}

/// The backups folder and its files, most recently written first.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Backups> {
    let db = db_path(&state)?;
    let mut files: Vec<BackupFile> = state
        .store()?
        .list_backups()?
        .into_iter()
        .map(recovery::backup_file)
        .collect();
    recovery::sort_newest_first(&mut files);
    Ok(Backups {
        dir: backups_dir(&db).display().to_string(),
        files,
    })
}

/// 立即备份: a consistent copy of the whole database, `backups/manual-<time>.db`.
#[tauri::command]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupFile> {
    let db = db_path(&state)?;
    let store = state.store()?;
    let dest = recovery::manual_backup_path(&db, &recovery::local_stamp());
    store.backup_to(&dest)?;
    drop(store);
    tracing::info!(path = %dest.display(), "backup made on request");
    let bytes = std::fs::metadata(&dest)
        .map(|m| m.len())
        .unwrap_or_default();
    Ok(recovery::backup_file(BackupInfo {
        path: dest.display().to_string(),
        name: dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes,
    }))
}

/// 从备份恢复: the whole database is replaced by the copy at `path`, after the current state
/// is backed up; returns that safety copy's path.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> Result<String> {
    let db = db_path(&state)?;
    recovery::require_file(&path)?;
    if recovery::same_file(&path, &db) {
        return Err(IpcError::new(
            "这是正在使用的数据库本身，不能用它来恢复。请选择备份文件夹中的文件。",
            format!("{} is the database in use", path.display()),
        ));
    }
    let safety = state.store()?.restore_from(&path)?;
    Ok(safety.display().to_string())
}

/// What the recovery screen offers when the database did not open.
#[tauri::command]
pub fn recovery_info(state: State<'_, AppState>) -> RecoveryInfo {
    let db = state.db_path.clone().unwrap_or_default();
    let dir = backups_dir(&db);
    RecoveryInfo {
        damaged: state.is_damaged(),
        db_path: db.display().to_string(),
        backups_dir: dir.display().to_string(),
        newest_backup: recovery::backups_newest_first(&dir).into_iter().next(),
    }
}

/// 移到一旁并从最新备份恢复.
#[tauri::command]
pub fn recover_from_backup(state: State<'_, AppState>) -> Result<RecoveryOutcome> {
    state.recover(Replacement::NewestBackup)
}

/// 新建空白数据库: the damaged file goes aside and a blank database takes its place.
#[tauri::command]
pub fn recover_with_blank_database(state: State<'_, AppState>) -> Result<RecoveryOutcome> {
    state.recover(Replacement::Blank)
}
