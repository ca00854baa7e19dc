//! 备份: daily copies, a copy before every schema upgrade, and restoring a copy.

mod common;

use std::fs;

use common::{full_report, temp_db};
use nianbao_store::{SCHEMA_VERSION, Store, backups_dir, migrations_up_to};

#[test]
fn backup_and_restore_round_trip() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.create_report(&full_report()).unwrap();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).unwrap();
    let saved = store.load_report(id).unwrap();

    // Later work, then the restore of the copy.
    let pid = saved.preface[0].id.unwrap();
    store.update_block(pid, "备份之后的修改。", "").unwrap();
    let second = store.create_report(&full_report()).unwrap();
    let copy_bytes = fs::read(&copy).unwrap();
    let safety = store.restore_from(&copy).unwrap();

    assert_eq!(store.load_report(id).unwrap(), saved);
    assert!(
        store.load_report(second).is_err(),
        "the restored state has no second report"
    );
    assert_eq!(
        fs::read(&copy).unwrap(),
        copy_bytes,
        "the backup file is only read"
    );
    // The state before the restore is kept, and it can be restored in turn.
    store.restore_from(&safety).unwrap();
    assert_eq!(
        store.load_report(id).unwrap().preface[0].text,
        "备份之后的修改。"
    );
    drop(store);
    Store::open(&path).expect("the restored database opens");
}

#[test]
fn a_foreign_file_is_not_restored_and_nothing_changes() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store.create_report(&full_report()).unwrap();
    let before = store.load_report(id).unwrap();
    let notes = dir.path().join("notes.db");
    fs::write(&notes, b"not a database at all").unwrap();
    assert!(store.restore_from(&notes).is_err());
    assert!(store.restore_from(&dir.path().join("missing.db")).is_err());
    assert_eq!(store.load_report(id).unwrap(), before);
}

#[test]
fn one_daily_backup_and_only_seven_kept() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let backups = backups_dir(&path);
    fs::create_dir_all(&backups).unwrap();
    for day in 1..=9 {
        fs::write(backups.join(format!("nianbao-2020-01-{day:02}.db")), b"old").unwrap();
    }
    fs::write(backups.join("before-restore-20200101-000000.db"), b"keep").unwrap();
    let made = store.daily_backup().unwrap().expect("today's backup");
    assert!(store.daily_backup().unwrap().is_none(), "one a day");
    let names: Vec<String> = store
        .list_backups()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    let daily: Vec<&String> = names.iter().filter(|n| n.starts_with("nianbao-")).collect();
    assert_eq!(daily.len(), 7, "{names:?}");
    assert_eq!(*daily[0], made.file_name().unwrap().to_string_lossy());
    assert!(names.contains(&"before-restore-20200101-000000.db".to_string()));
    Store::open(&made).expect("the backup is a whole database");
}

#[test]
fn an_older_schema_is_backed_up_then_upgraded() {
    let (_dir, path) = temp_db();
    {
        // A database as the first version of Nianbao left it, with a report in it.
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations_up_to(1).to_latest(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO reports (template, issuer, year, attachments, created_at, updated_at) \
             VALUES ('fazhi-zhengfu', '某镇人民政府', 2023, '[]', '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_reports().unwrap()[0].issuer, "某镇人民政府");
    let backups = store.list_backups().unwrap();
    let before = backups
        .iter()
        .find(|b| {
            b.name
                .starts_with(&format!("before-schema-{SCHEMA_VERSION}-"))
        })
        .expect("a backup before the upgrade");
    let conn = rusqlite::Connection::open(&before.path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, 1,
        "the backup holds the data as it was before the upgrade"
    );
}
