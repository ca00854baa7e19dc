//! What the window shares across commands: the open store, or why it could not be opened.

use std::{
    fs::File,
    path::{Path, PathBuf},
    sync::{Mutex, MutexGuard},
};

use nianbao_store::Store;

use crate::error::IpcError;

/// The app's state. A database that cannot be opened leaves the app running, so the window
/// can say why in Chinese instead of vanishing.
pub struct AppState {
    /// Where the database is (or was looked for).
    pub db_path: Option<PathBuf>,
    store: Result<Mutex<Store>, IpcError>,
    /// Held for the app's lifetime: one writer per database file.
    _lock: Option<File>,
}

impl AppState {
    /// Resolves the path (`--db`, `NIANBAO_DB`, OS data dir), locks and opens the database.
    pub fn open(cli: Option<&Path>) -> Self {
        let path = match nianbao_store::resolve_db_path(cli) {
            Ok(p) => p,
            Err(e) => {
                return AppState {
                    db_path: None,
                    store: Err(IpcError::from(e)),
                    _lock: None,
                };
            }
        };
        tracing::info!(path = %path.display(), "opening database");
        let lock = match lock_database(&path) {
            Ok(lock) => lock,
            Err(e) => {
                return AppState {
                    db_path: Some(path),
                    store: Err(e),
                    _lock: None,
                };
            }
        };
        let store = Store::open(&path).map(Mutex::new).map_err(IpcError::from);
        if let Err(e) = &store {
            tracing::error!("{}", e.detail);
        }
        AppState {
            db_path: Some(path),
            store,
            _lock: Some(lock),
        }
    }

    /// The store, or the reason it is not open.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave SQLite half-written (transactions), so
        // the store stays usable.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Why the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&IpcError> {
        self.store.as_ref().err()
    }
}

/// Takes an exclusive lock on `<db>.lock`, so a second window on the same file is refused
/// even where the single-instance plugin cannot run.
fn lock_database(db: &Path) -> Result<File, IpcError> {
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| IpcError::io("无法创建数据目录", dir, &e))?;
    }
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    let file =
        File::create(&name).map_err(|e| IpcError::io("无法打开数据库", Path::new(&name), &e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(_) => Err(IpcError::new(
            "这个报告库已在另一个年报窗口中打开。请切换到那个窗口，或先关闭它再打开。",
            format!("{} is locked by another Nianbao window", db.display()),
        )),
    }
}
