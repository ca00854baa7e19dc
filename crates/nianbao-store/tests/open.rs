//! Opening: new files, reopening, and refusing what is not ours, damaged or too new without
//! writing a byte (nor creating -wal/-shm files next to it).

mod common;

use std::{fs, path::Path};

use common::{full_report, snapshot, temp_db, without_ids};
use nianbao_report::synthetic;
use nianbao_store::{ENV_DB, Store, StoreError, resolve_db_path};

/// Opens `path`, expects a refusal, and checks the directory is byte for byte unchanged.
fn refused(path: &Path) -> StoreError {
    let dir = path.parent().expect("parent");
    let before = snapshot(dir);
    let err = Store::open(path).expect_err("the file must be refused");
    assert_eq!(
        snapshot(dir),
        before,
        "refusing {err} changed the directory"
    );
    let line = err.to_string();
    eprintln!("refused: {line}");
    assert!(!line.contains('\n'), "one line: {line}");
    assert!(
        line.contains(&path.display().to_string()),
        "names the file: {line}"
    );
    err
}

/// A Nianbao database with a few reports in it, closed.
fn our_db(path: &Path) {
    let mut store = Store::open(path).expect("open");
    for pages in [3, 5, 8] {
        store
            .create_report(&synthetic::report(pages))
            .expect("create");
    }
}

#[test]
fn a_missing_file_in_missing_directories_becomes_a_new_database() {
    let (dir, _) = temp_db();
    let path = dir.path().join("a").join("b c").join("报告.db");
    let mut store = Store::open(&path).expect("open");
    assert_eq!(store.path(), path);
    let id = store.create_report(&full_report()).expect("create");
    drop(store);
    let store = Store::open(&path).expect("reopen");
    assert_eq!(
        without_ids(&store.load_report(id).expect("load")),
        full_report()
    );
    drop(store);
    // Only the database itself remains once it is closed: no temporary file is left behind.
    let names: Vec<_> = snapshot(path.parent().expect("dir"))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["报告.db"]);
}

#[test]
fn an_empty_file_becomes_a_new_database() {
    let (_dir, path) = temp_db();
    fs::write(&path, b"").expect("write");
    let store = Store::open(&path).expect("open");
    assert!(store.list_reports().expect("list").is_empty());
    drop(store);
    assert!(fs::metadata(&path).expect("meta").len() > 0);
}

#[test]
fn refuses_a_text_file() {
    let (_dir, path) = temp_db();
    fs::write(&path, "区委、区政府：\n现将有关情况报告如下：\n").expect("write");
    assert!(matches!(refused(&path), StoreError::Foreign { .. }));
}

fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn refuses_random_bytes_that_show_no_sign_of_being_ours() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("data.db");
    fs::write(&path, noise(8192)).expect("write");
    assert!(matches!(refused(&path), StoreError::Foreign { .. }));
}

/// A real database of ours at `path`, its first `n` bytes then overwritten with noise.
fn with_destroyed_header(path: &Path, n: usize) -> Vec<u8> {
    let mut store = Store::open(path).expect("create");
    store.create_report(&full_report()).expect("report");
    drop(store);
    let mut bytes = fs::read(path).expect("read");
    bytes[..n].copy_from_slice(&noise(n));
    fs::write(path, &bytes).expect("write");
    bytes
}

#[test]
fn our_file_with_a_destroyed_header_is_damaged_and_left_as_it_is() {
    // Our file name: the evidence is the name.
    let (_dir, path) = temp_db();
    let bytes = with_destroyed_header(&path, 100);
    let err = refused(&path);
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("header is destroyed"), "{err}");
    assert_eq!(fs::read(&path).expect("read"), bytes, "never written to");

    // Another name: the evidence is a Nianbao backup beside it.
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("某镇.db");
    {
        let store = Store::open(&other).expect("create");
        store
            .backup_to(&store.new_backup_path("daily").expect("path"))
            .expect("backup");
    }
    fs::remove_file(&other).expect("remove");
    with_destroyed_header(&other, 4096);
    assert!(matches!(refused(&other), StoreError::Damaged { .. }));
    // Without the backups it could be anybody's: refused, never moved.
    fs::remove_dir_all(dir.path().join("backups")).expect("rm backups");
    assert!(matches!(refused(&other), StoreError::Foreign { .. }));
}

#[test]
fn somebody_elses_file_named_like_ours_is_refused() {
    let mut zip = b"PK\x03\x04".to_vec();
    zip.resize(4096, 0);
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(8192, 0);
    let mut gbk_text = Vec::new();
    while gbk_text.len() < 4096 {
        gbk_text.extend_from_slice(b"\xc7\xf8\xce\xaf\xa1\xa2\xc7\xf8\xd5\xfe\xb8\xae\xa3\xba");
    }
    gbk_text.truncate(4096);
    let odd_length = noise(5000);
    for (what, bytes) in [
        ("zip", zip),
        ("pdf", pdf),
        ("GBK text", gbk_text),
        ("odd length", odd_length),
    ] {
        let (_dir, path) = temp_db();
        fs::write(&path, &bytes).expect("write");
        let err = refused(&path);
        assert!(matches!(err, StoreError::Foreign { .. }), "{what}: {err}");
        assert_eq!(fs::read(&path).expect("read"), bytes, "{what}: untouched");
    }
}

#[test]
fn refuses_a_directory() {
    let (_dir, path) = temp_db();
    fs::create_dir(&path).expect("mkdir");
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::Foreign { .. })
    ));
}

#[test]
fn refuses_another_programs_sqlite_database() {
    for wal in [false, true] {
        let (_dir, path) = temp_db();
        {
            let conn = rusqlite::Connection::open(&path).expect("open");
            if wal {
                let _: String = conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
                    .expect("wal");
            }
            conn.execute_batch(
                "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三');",
            )
            .expect("table");
        }
        let err = refused(&path);
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        assert!(err.to_string().contains("another program"), "{err}");
    }
}

#[test]
fn refuses_a_database_from_a_newer_version() {
    let (_dir, path) = temp_db();
    our_db(&path);
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    let err = refused(&path);
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
}

#[test]
fn refuses_a_truncated_copy() {
    let (_dir, path) = temp_db();
    our_db(&path);
    let bytes = fs::read(&path).expect("read");
    assert!(bytes.len() >= 8 * 4096, "the sample spans pages");
    for keep in [50, bytes.len() / 2, bytes.len() - 4096] {
        fs::write(&path, &bytes[..keep]).expect("truncate");
        let err = refused(&path);
        assert!(matches!(err, StoreError::Damaged { .. }), "{keep}: {err}");
    }
}

#[test]
fn refuses_a_corrupted_copy() {
    let (_dir, path) = temp_db();
    our_db(&path);
    let good = fs::read(&path).expect("read");
    let page = 4096;
    let pages = good.len() / page;
    let scribble = |bytes: &mut Vec<u8>, p: usize, at: usize, with: &[u8]| {
        bytes[p * page + at..p * page + at + with.len()].copy_from_slice(with);
    };
    // A bad free-block pointer in one page of block rows: only quick_check sees it.
    let mut freeblock = good.clone();
    scribble(&mut freeblock, pages - 2, 1, &[0x0F, 0xF0]);
    // One page header overwritten, then every page past the schema.
    let mut one = good.clone();
    scribble(&mut one, pages - 2, 0, &[0x5A; 16]);
    let mut all = good.clone();
    for p in 2..pages {
        scribble(&mut all, p, 0, &[0x5A; 16]);
    }
    for (what, bytes) in [
        ("freeblock", freeblock),
        ("one page", one),
        ("all pages", all),
    ] {
        fs::write(&path, &bytes).expect("corrupt");
        let err = refused(&path);
        assert!(matches!(err, StoreError::Damaged { .. }), "{what}: {err}");
        if what == "freeblock" {
            assert!(err.to_string().contains("quick_check"), "{err}");
        }
    }
}

#[test]
fn reopening_keeps_everything() {
    let (_dir, path) = temp_db();
    our_db(&path);
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.list_reports().expect("list").len(), 3);
}

#[test]
fn db_path_precedence_is_flag_then_env_then_default() {
    // The only test that touches the environment, which is shared by all threads.
    let flag = Path::new("/srv/flag.db");
    unsafe { std::env::set_var(ENV_DB, "/srv/env.db") };
    assert_eq!(resolve_db_path(Some(flag)).expect("flag"), flag);
    assert_eq!(
        resolve_db_path(None).expect("env"),
        Path::new("/srv/env.db")
    );
    unsafe { std::env::set_var(ENV_DB, "") };
    let default = resolve_db_path(None).expect("default");
    assert!(default.ends_with("nianbao.db"), "{}", default.display());
    assert_eq!(default, nianbao_store::default_db_path().expect("default"));
    unsafe { std::env::remove_var(ENV_DB) };
    assert_eq!(resolve_db_path(None).expect("default"), default);
}
