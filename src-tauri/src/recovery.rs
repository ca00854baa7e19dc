//! A damaged database: the file is never written to. Recovery moves it (with its `-wal`,
//! `-shm` and `-journal`) aside under a stamped name, then puts the newest usable backup in its
//! place, or nothing (a blank database is created on open). Plain functions over paths, so
//! they are tested without a window.

use std::{
    fs,
    path::{Path, PathBuf},
    time::UNIX_EPOCH,
};

use nianbao_store::{BackupInfo, Store, backups_dir};

use crate::{
    error::IpcError,
    history_ipc::{BackupFile, BackupKind},
};

/// Files SQLite may keep next to a database.
const SIDECARS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// What takes the damaged file's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replacement {
    /// The newest backup that opens.
    NewestBackup,
    /// Nothing: a blank database.
    Blank,
}

/// What a recovery did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// Where the damaged file (and its companions) now are.
    pub moved_aside: Vec<PathBuf>,
    /// The backup copied into place, if one was.
    pub restored_from: Option<PathBuf>,
}

/// The local time as the store stamps its backups (`20240328-141503`), from SQLite's clock.
pub fn local_stamp() -> String {
    rusqlite::Connection::open_in_memory()
        .and_then(|c| {
            c.query_row(
                "SELECT strftime('%Y%m%d-%H%M%S', 'now', 'localtime')",
                [],
                |r| r.get(0),
            )
        })
        .unwrap_or_else(|_| {
            let secs = UNIX_EPOCH
                .elapsed()
                .map(|d| d.as_secs())
                .unwrap_or_default();
            format!("t{secs}")
        })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// `nianbao.db.damaged-20240328-141503`, or `…-2`, `…-3` when that name (or one of its
/// companions' names) is taken.
pub fn aside_path(db: &Path, stamp: &str) -> PathBuf {
    let taken = |p: &Path| p.exists() || SIDECARS.iter().any(|s| with_suffix(p, s).exists());
    let mut path = with_suffix(db, &format!(".damaged-{stamp}"));
    let mut n = 2;
    while taken(&path) {
        path = with_suffix(db, &format!(".damaged-{stamp}-{n}"));
        n += 1;
    }
    path
}

/// Renames the database and its companions aside; the companions keep their suffix after the
/// new name, so the set still opens together for whoever examines it. Returns the new paths.
pub fn move_aside(db: &Path, stamp: &str) -> Result<Vec<PathBuf>, IpcError> {
    let aside = aside_path(db, stamp);
    let mut moved = Vec::new();
    if db.exists() {
        fs::rename(db, &aside).map_err(|e| IpcError::io("无法移走损坏的数据库", db, &e))?;
        moved.push(aside.clone());
    }
    for suffix in SIDECARS {
        let from = with_suffix(db, suffix);
        if from.exists() {
            let to = with_suffix(&aside, suffix);
            fs::rename(&from, &to).map_err(|e| IpcError::io("无法移走损坏的数据库", &from, &e))?;
            moved.push(to);
        }
    }
    tracing::warn!(from = %db.display(), to = ?moved, "moved the damaged database aside");
    Ok(moved)
}

/// What a backup's name says it is.
pub fn backup_kind(name: &str) -> BackupKind {
    if name.starts_with("manual-") {
        BackupKind::Manual
    } else if name.starts_with("before-restore-") {
        BackupKind::BeforeRestore
    } else if name.starts_with("before-schema-") {
        BackupKind::BeforeUpgrade
    } else if name.starts_with("nianbao-") {
        BackupKind::Daily
    } else {
        BackupKind::Other
    }
}

/// A backup as the window lists it: the store's facts, its kind and when it was written.
pub fn backup_file(info: BackupInfo) -> BackupFile {
    let modified_ms = fs::metadata(&info.path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    BackupFile {
        kind: backup_kind(&info.name),
        path: info.path,
        name: info.name,
        bytes: info.bytes,
        modified_ms,
    }
}

/// The backups in `dir` (the store's rule: `*.db`, not hidden), most recently written first.
pub fn backups_newest_first(dir: &Path) -> Vec<BackupFile> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<BackupFile> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let meta = e.metadata().ok()?;
            (meta.is_file() && name.ends_with(".db") && !name.starts_with('.')).then(|| {
                backup_file(BackupInfo {
                    path: e.path().display().to_string(),
                    name,
                    bytes: meta.len(),
                })
            })
        })
        .collect();
    sort_newest_first(&mut files);
    files
}

/// Most recently written first; the name breaks ties.
pub fn sort_newest_first(files: &mut [BackupFile]) {
    files.sort_by(|a, b| {
        b.modified_ms
            .cmp(&a.modified_ms)
            .then_with(|| b.name.cmp(&a.name))
    });
}

/// Copies a backup next to the database under a temporary name and checks it opens as a
/// Nianbao database; the copy is removed when it does not.
fn usable_copy(backup: &Path, db: &Path) -> Option<PathBuf> {
    let tmp = with_suffix(db, ".recovering");
    let remove = |p: &Path| {
        for s in ["", "-wal", "-shm", "-journal"] {
            let _ = fs::remove_file(with_suffix(p, s));
        }
    };
    remove(&tmp);
    let copied = fs::copy(backup, &tmp).and_then(|_| fs::File::open(&tmp)?.sync_all());
    if let Err(e) = copied {
        tracing::warn!(backup = %backup.display(), "the backup could not be copied: {e}");
        remove(&tmp);
        return None;
    }
    match Store::open(&tmp) {
        // Closing the store merges its -wal into the copy.
        Ok(store) => {
            drop(store);
            Some(tmp)
        }
        Err(e) => {
            tracing::warn!(backup = %backup.display(), "the backup does not open: {e}");
            remove(&tmp);
            None
        }
    }
}

/// Moves the damaged database aside and puts the replacement in place. With
/// [`Replacement::NewestBackup`], nothing is moved unless a backup that opens was found.
pub fn recover(db: &Path, stamp: &str, with: Replacement) -> Result<Recovered, IpcError> {
    let chosen = match with {
        Replacement::Blank => None,
        Replacement::NewestBackup => {
            let dir = backups_dir(db);
            let backups = backups_newest_first(&dir);
            if backups.is_empty() {
                return Err(IpcError::new(
                    format!(
                        "没有找到备份（{}）。损坏的数据库未做任何改动；可以选择“新建空白数据库”。",
                        dir.display()
                    ),
                    format!("no backups in {}", dir.display()),
                ));
            }
            let found = backups.iter().find_map(|b| {
                let path = PathBuf::from(&b.path);
                usable_copy(&path, db).map(|copy| (path, copy))
            });
            let Some(found) = found else {
                return Err(IpcError::new(
                    "备份文件都无法打开。损坏的数据库未做任何改动；请联系技术支持。",
                    format!("none of the {} backups opens", backups.len()),
                ));
            };
            Some(found)
        }
    };
    let moved_aside = move_aside(db, stamp)?;
    let restored_from = match chosen {
        Some((backup, copy)) => {
            fs::rename(&copy, db).map_err(|e| IpcError::io("无法放回备份", db, &e))?;
            tracing::info!(from = %backup.display(), "restored the newest backup");
            Some(backup)
        }
        None => None,
    };
    Ok(Recovered {
        moved_aside,
        restored_from,
    })
}

/// A stamped path in the backups folder for a backup made on request: `manual-….db`.
pub fn manual_backup_path(db: &Path, stamp: &str) -> PathBuf {
    let dir = backups_dir(db);
    let mut path = dir.join(format!("manual-{stamp}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("manual-{stamp}-{n}.db"));
        n += 1;
    }
    path
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A missing file reads as `NotFound` for the drafter.
pub fn require_file(path: &Path) -> Result<(), IpcError> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(IpcError::new(
            "请选择一个备份文件（.db），而不是文件夹。",
            format!("{} is not a file", path.display()),
        )),
        Err(e) => Err(IpcError::io("无法读取备份", path, &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with_report(path: &Path, issuer: &str) {
        let mut store = Store::open(path).expect("open");
        let report = nianbao_report::Report::from_template(
            nianbao_report::template::default_template(),
            issuer,
            2024,
        );
        store.create_report(&report).expect("create");
    }

    fn issuers(path: &Path) -> Vec<String> {
        let store = Store::open(path).expect("open");
        store
            .list_reports()
            .expect("list")
            .into_iter()
            .map(|r| r.issuer)
            .collect()
    }

    fn damage(path: &Path) {
        let mut bytes = fs::read(path).unwrap();
        for b in bytes.iter_mut().skip(100).take(4000) {
            *b = 0xA5;
        }
        fs::write(path, bytes).unwrap();
    }

    #[test]
    fn the_damaged_file_goes_aside_with_its_companions_and_the_newest_backup_takes_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nianbao.db");
        store_with_report(&db, "旧备份局");
        let backups = backups_dir(&db);
        fs::create_dir_all(&backups).unwrap();
        {
            let store = Store::open(&db).unwrap();
            store
                .backup_to(&backups.join("nianbao-2024-03-27.db"))
                .unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        store_with_report(&db, "新备份局");
        {
            let store = Store::open(&db).unwrap();
            store
                .backup_to(&backups.join("manual-20240328-090000.db"))
                .unwrap();
        }
        damage(&db);
        fs::write(dir.path().join("nianbao.db-wal"), b"stale").unwrap();
        assert!(Store::open(&db).is_err(), "the file should read as damaged");
        let damaged_bytes = fs::read(&db).unwrap();

        let done = recover(&db, "20240328-141503", Replacement::NewestBackup).unwrap();

        let aside = dir.path().join("nianbao.db.damaged-20240328-141503");
        assert_eq!(done.moved_aside[0], aside);
        // The -wal goes with it (and the -shm that reading it made, if any).
        assert!(
            done.moved_aside
                .contains(&dir.path().join("nianbao.db.damaged-20240328-141503-wal"))
        );
        assert!(done.moved_aside.iter().all(|p| p.exists()));
        assert_eq!(
            fs::read(&aside).unwrap(),
            damaged_bytes,
            "moved, never written to"
        );
        assert_eq!(
            done.restored_from,
            Some(backups.join("manual-20240328-090000.db"))
        );
        let mut names = issuers(&db);
        names.sort();
        assert_eq!(names, ["新备份局", "旧备份局"]);
        assert!(!dir.path().join("nianbao.db.recovering").exists());
    }

    #[test]
    fn a_backup_that_does_not_open_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nianbao.db");
        store_with_report(&db, "可用备份局");
        let backups = backups_dir(&db);
        fs::create_dir_all(&backups).unwrap();
        Store::open(&db)
            .unwrap()
            .backup_to(&backups.join("nianbao-2024-03-27.db"))
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(backups.join("manual-20240328-090000.db"), b"not a database").unwrap();
        damage(&db);

        let done = recover(&db, "20240328-141503", Replacement::NewestBackup).unwrap();
        assert_eq!(
            done.restored_from,
            Some(backups.join("nianbao-2024-03-27.db"))
        );
        assert_eq!(issuers(&db), ["可用备份局"]);
    }

    #[test]
    fn without_a_backup_nothing_is_moved() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nianbao.db");
        store_with_report(&db, "某局");
        damage(&db);
        let before = fs::read(&db).unwrap();
        let err = recover(&db, "20240328-141503", Replacement::NewestBackup).unwrap_err();
        assert!(err.message.contains("没有找到备份"), "{}", err.message);
        assert_eq!(fs::read(&db).unwrap(), before);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_blank_database_replaces_the_damaged_one_and_names_never_collide() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nianbao.db");
        fs::write(&db, b"garbage").unwrap();
        fs::write(
            dir.path().join("nianbao.db.damaged-20240328-141503"),
            b"earlier",
        )
        .unwrap();

        let done = recover(&db, "20240328-141503", Replacement::Blank).unwrap();
        assert_eq!(
            done.moved_aside,
            vec![dir.path().join("nianbao.db.damaged-20240328-141503-2")]
        );
        assert_eq!(done.restored_from, None);
        assert!(!db.exists());
        assert!(
            issuers(&db).is_empty(),
            "a blank database opens in its place"
        );
    }

    #[test]
    fn backup_names_say_their_kind() {
        assert_eq!(backup_kind("nianbao-2024-03-28.db"), BackupKind::Daily);
        assert_eq!(backup_kind("manual-20240328-141503.db"), BackupKind::Manual);
        assert_eq!(
            backup_kind("before-restore-20240328-141503.db"),
            BackupKind::BeforeRestore
        );
        assert_eq!(
            backup_kind("before-schema-2-20240328-141503.db"),
            BackupKind::BeforeUpgrade
        );
        assert_eq!(backup_kind("报告.db"), BackupKind::Other);
    }

    #[test]
    fn stamps_are_local_times() {
        let s = local_stamp();
        assert_eq!(s.len(), 15, "{s}");
        assert!(s.chars().enumerate().all(|(i, c)| if i == 8 {
            c == '-'
        } else {
            c.is_ascii_digit()
        }));
    }
}
