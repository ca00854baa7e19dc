//! 备份与恢复 in the real window: 立即备份 in the library, then a damaged database at the next
//! start is moved aside and the newest backup put in its place from the recovery screen; the
//! same for a database whose header was destroyed.

mod harness;

use std::{fs, path::Path, time::Duration};

use harness::{Driver, root, tid};

/// Keeps the 100-byte header (so the file is still recognisably ours) and fills the rest
/// with garbage; the -wal and -shm go, so nothing masks the damage.
fn damage(db: &Path) {
    let mut bytes = fs::read(db).expect("database");
    for b in bytes.iter_mut().skip(100) {
        *b = 0xA5;
    }
    fs::write(db, bytes).unwrap();
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(p);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_set_aside_and_the_newest_backup_restored() {
    let driver = Driver::start().await;
    let shots = root().join("target/e2e-screenshots");
    fs::create_dir_all(&shots).unwrap();

    let app = driver.launch().await;
    app.import_sample_into_empty_library().await;
    // 备份与恢复: today's automatic backup is there; 立即备份 adds one with the sample in it.
    app.click("backups").await;
    app.id("backups-view").await;
    let dir = app.text_of_id("backups-dir").await;
    assert!(dir.ends_with("backups"), "{dir}");
    let before = app.all(&tid("backup-item")).await.len();
    assert_eq!(before, 1, "the daily backup");
    app.click("backup-now").await;
    app.until(10, "the new backup in the list", || async {
        (app.all(&tid("backup-item")).await.len() == before + 1).then_some(())
    })
    .await;
    let newest = app.text_of_id("backup-item").await;
    assert!(newest.contains("手动备份"), "{newest}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    fs::write(
        shots.join("backups.png"),
        app.client.screenshot().await.unwrap(),
    )
    .unwrap();
    app.quit().await;

    // Its closing checkpoint must not write over the damage about to be made.
    driver.until_released().await;
    damage(&driver.db);
    let damaged = fs::read(&driver.db).unwrap();
    let app = driver.launch().await;
    app.id("open-error").await;
    app.id("recovery").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    fs::write(
        shots.join("recovery.png"),
        app.client.screenshot().await.unwrap(),
    )
    .unwrap();
    // Nothing was written to the damaged file by opening it.
    assert_eq!(fs::read(&driver.db).unwrap(), damaged);

    app.click("recover-from-backup").await;
    app.id("report-item").await;
    let title = app.text_of_id("report-item").await;
    assert!(title.contains("长子营镇"), "{title}");
    let aside: Vec<String> = fs::read_dir(driver.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("e2e.db.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = driver.dir.path().join(&aside[0]);
    assert_eq!(fs::read(kept).unwrap(), damaged, "set aside untouched");
    app.quit().await;

    // A destroyed header (no longer "SQLite format 3"): with Nianbao backups beside it the
    // file is ours, so it is offered for recovery too rather than refused as foreign.
    // Its closing checkpoint must not write over the damage about to be made.
    driver.until_released().await;
    let mut bytes = fs::read(&driver.db).expect("database");
    bytes[..100].fill(0x5A);
    fs::write(&driver.db, &bytes).unwrap();
    let app = driver.launch().await;
    app.id("recovery").await;
    assert_eq!(fs::read(&driver.db).unwrap(), bytes, "not written to");
    app.click("recover-from-backup").await;
    app.id("report-item").await;
    let aside = fs::read_dir(driver.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with("e2e.db.damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .count();
    assert_eq!(
        aside, 2,
        "both damaged files kept aside (with their -wal and -shm)"
    );

    app.quit().await;
    driver.stop().await;
}
