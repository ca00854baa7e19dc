//! What the window shares across commands: the open store, or why it could not be opened.
//! The store's slot is replaceable: recovering a damaged database swaps a new store in.

use std::{
    fs::File,
    ops::{Deref, DerefMut},
    path::{Path, PathBuf},
    sync::{Mutex, MutexGuard},
};

use nianbao_store::{Store, StoreError};

use crate::{
    error::IpcError,
    history_ipc::RecoveryOutcome,
    recovery::{self, Replacement},
};

/// The app's state. A database that cannot be opened leaves the app running, so the window
/// can say why in Chinese instead of vanishing.
pub struct AppState {
    /// Where the database is (or was looked for).
    pub db_path: Option<PathBuf>,
    slot: Mutex<Slot>,
    /// Held for the app's lifetime: one writer per database file.
    _lock: Option<File>,
}

/// The open store, or why there is none.
struct Slot {
    store: Result<Store, IpcError>,
    /// The open failed because the file is damaged: recovery may replace it.
    damaged: bool,
}

/// The store, locked for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Slot>);

impl Deref for StoreGuard<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match &self.0.store {
            Ok(store) => store,
            Err(_) => unreachable!("a guard is only made over an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut self.0.store {
            Ok(store) => store,
            Err(_) => unreachable!("a guard is only made over an open store"),
        }
    }
}

impl AppState {
    /// Resolves the path (`--db`, `NIANBAO_DB`, OS data dir), locks and opens the database,
    /// then makes today's backup if there is none yet.
    pub fn open(cli: Option<&Path>) -> Self {
        let failed = |db_path, error, lock| AppState {
            db_path,
            slot: Mutex::new(Slot {
                store: Err(error),
                damaged: false,
            }),
            _lock: lock,
        };
        let path = match nianbao_store::resolve_db_path(cli) {
            Ok(p) => p,
            Err(e) => return failed(None, IpcError::from(e), None),
        };
        tracing::info!(path = %path.display(), "opening database");
        let lock = match lock_database(&path) {
            Ok(lock) => lock,
            Err(e) => return failed(Some(path), e, None),
        };
        let slot = open_slot(&path);
        if let Ok(store) = &slot.store {
            // A missing backup must never keep the drafter from working.
            match store.daily_backup() {
                Ok(Some(p)) => tracing::info!(path = %p.display(), "daily backup made"),
                Ok(None) => {}
                Err(e) => tracing::warn!("the daily backup failed: {e}"),
            }
        }
        AppState {
            db_path: Some(path),
            slot: Mutex::new(slot),
            _lock: Some(lock),
        }
    }

    fn slot(&self) -> MutexGuard<'_, Slot> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions), so
        // the store stays usable.
        self.slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The store, or the reason it is not open.
    pub fn store(&self) -> Result<StoreGuard<'_>, IpcError> {
        let slot = self.slot();
        if let Err(e) = &slot.store {
            return Err(e.clone());
        }
        Ok(StoreGuard(slot))
    }

    /// Why the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<IpcError> {
        self.slot().store.as_ref().err().cloned()
    }

    /// Whether the database did not open because it is damaged.
    pub fn is_damaged(&self) -> bool {
        self.slot().damaged
    }

    /// Moves the damaged database aside, puts the replacement in its place and opens it.
    pub fn recover(&self, with: Replacement) -> Result<RecoveryOutcome, IpcError> {
        let mut slot = self.slot();
        let Some(db) = self.db_path.as_deref().filter(|_| slot.damaged) else {
            return Err(IpcError::new(
                "数据库没有损坏，无需恢复。",
                "recovery asked for a database that is not damaged",
            ));
        };
        let done = recovery::recover(db, &recovery::local_stamp(), with)?;
        *slot = open_slot(db);
        slot.store.as_ref().map_err(Clone::clone)?;
        Ok(RecoveryOutcome {
            moved_aside: done
                .moved_aside
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            restored_from: done.restored_from.map(|p| p.display().to_string()),
        })
    }
}

fn open_slot(path: &Path) -> Slot {
    match Store::open(path) {
        Ok(store) => Slot {
            store: Ok(store),
            damaged: false,
        },
        Err(e) => {
            let damaged = matches!(e, StoreError::Damaged { .. });
            let e = IpcError::from(e);
            tracing::error!("{}", e.detail);
            Slot {
                store: Err(e),
                damaged,
            }
        }
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
