//! A full disk: the save fails with a clear error, nothing committed is lost, and saving
//! works again once space returns. (A read-only remount is refused by Linux while the
//! database is open for writing, so a full disk is the fault a test can bring about.)
//!
//! The disk is a 1 MB tmpfs mounted in a private mount namespace: the test re-runs this
//! binary under `unshare -rm` (util-linux), so it needs no privileges and touches nothing
//! outside its own directory.

mod common;

use std::{env, fs, io::Write, path::Path, process::Command};

use common::full_report;
use nianbao_store::Store;

const CHILD_ENV: &str = "NIANBAO_STORE_FAULTS_DIR";

/// Runs `test` of this binary inside a new user and mount namespace, with a fresh directory.
fn in_namespace(test: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new("unshare")
        .args(["--map-root-user", "--mount", "--"])
        .arg(env::current_exe().expect("test binary"))
        .args([
            test,
            "--exact",
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir.path())
        .status()
        .expect("unshare (util-linux) starts the test in a private mount namespace");
    assert!(status.success(), "{test} failed in its namespace");
}

fn mount_tmpfs(dir: &Path, options: &str) {
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", options, "tmpfs"])
        .arg(dir)
        .status()
        .expect("mount")
        .success();
    assert!(ok, "mount tmpfs on {}", dir.display());
}

#[test]
fn a_full_disk_fails_the_save_and_loses_nothing() {
    in_namespace("full_disk_in_namespace");
}

#[test]
#[ignore = "runs inside the namespace of a_full_disk_fails_the_save_and_loses_nothing"]
fn full_disk_in_namespace() {
    let dir = Path::new(&env::var_os(CHILD_ENV).expect("started by the parent test")).to_path_buf();
    mount_tmpfs(&dir, "size=1m");
    let db = dir.join("nianbao.db");
    let mut store = Store::open(&db).expect("open on the small disk");
    let id = store.create_report(&full_report()).expect("create");
    let pid = store.load_report(id).unwrap().preface[0].id.unwrap();
    store
        .update_block(pid, "保存于磁盘写满之前。", "")
        .expect("a save with room");

    // Fill the disk to the last byte.
    let mut filler = fs::File::create(dir.join("filler")).unwrap();
    let block = vec![0u8; 64 * 1024];
    while filler.write_all(&block).is_ok() {}
    while filler.write_all(&block[..512]).is_ok() {}
    drop(filler);

    let big = "磁盘已满时输入的文字。".repeat(20_000);
    let err = store
        .update_block(pid, &big, "")
        .expect_err("no room for the save");
    assert!(err.to_string().contains("full"), "a clear reason: {err}");
    assert_eq!(
        store.load_report(id).unwrap().preface[0].text,
        "保存于磁盘写满之前。"
    );

    // Space returns: the same save goes through, and survives a reopen.
    fs::remove_file(dir.join("filler")).unwrap();
    store
        .update_block(pid, "空间恢复后保存。", "")
        .expect("the retry");
    drop(store);
    let store = Store::open(&db).expect("reopen");
    assert_eq!(
        store.load_report(id).unwrap().preface[0].text,
        "空间恢复后保存。"
    );
}
