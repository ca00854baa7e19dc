//! Crash safety: a writer process is killed (SIGKILL on Unix) at a random instant, again and
//! again; every commit it reported must still load, and the file must pass quick_check.
//!
//! The writer is this test binary itself, re-run with `CHILD_ENV` set so that only
//! `crash_child` does anything. `NIANBAO_KILLS` sets the number of kills (200 by default; a
//! longer local run: `NIANBAO_KILLS=2000 cargo test -p nianbao-store --test crash`).

mod common;

use std::{
    env,
    io::{BufRead, BufReader, Write},
    path::Path,
    process::{Command, Stdio},
    thread,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use common::{full_report, temp_db};
use nianbao_report::synthetic;
use nianbao_store::Store;

const CHILD_ENV: &str = "NIANBAO_STORE_CRASH_CHILD";
const JOURNAL_CHILD_ENV: &str = "NIANBAO_STORE_JOURNAL_CHILD";

/// The writer: creates reports and edits them, printing each id once committed.
#[test]
fn crash_child() {
    let Some(path) = env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&path)).expect("child: open");
    let report = synthetic::report(2);
    let mut out = std::io::stdout().lock();
    // libtest has printed "test crash_child ... " without a newline; keep our lines whole.
    writeln!(out).expect("child: print");
    loop {
        let id = store.create_report(&report).expect("child: create");
        writeln!(out, "created {id}")
            .and_then(|()| out.flush())
            .expect("child: print");
        let first = store.load_report(id).expect("child: load").preface[0]
            .id
            .expect("child: id");
        store
            .update_block(first, &format!("第{id}次修改。"), "")
            .expect("child: update");
        writeln!(out, "edited {id}")
            .and_then(|()| out.flush())
            .expect("child: print");
    }
}

#[test]
fn a_killed_writer_loses_no_commit() {
    if env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let (_dir, path) = temp_db();
    let exe = env::current_exe().expect("test binary");
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.subsec_nanos() as u64 | 1);
    eprintln!("crash test seed {seed}");
    let mut x = seed;
    let mut random = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let kills: usize = env::var("NIANBAO_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let (mut created, mut edited) = (Vec::new(), Vec::new());
    let mut integrity_failures = 0;
    for round in 0..kills {
        let child = Command::new(&exe)
            .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the writer");
        // The first round also covers a kill while the new file is being created.
        // From before the file exists to deep into a run of commits.
        let delay = if round == 0 { 20 } else { 5 } + random() % 120;
        thread::sleep(Duration::from_millis(delay));
        let mut child = child;
        child.kill().expect("kill");
        let out = child.wait_with_output().expect("wait");
        let text = String::from_utf8_lossy(&out.stdout);
        let (created_before, edited_before) = (created.len(), edited.len());
        // Only whole lines count: the kill may cut the last one.
        for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            let mut words = line.split_whitespace();
            match (
                words.next(),
                words.next().and_then(|n| n.parse::<i64>().ok()),
            ) {
                (Some("created"), Some(id)) => created.push(id),
                (Some("edited"), Some(id)) => edited.push(id),
                _ => {}
            }
        }

        // Opening runs quick_check; a refused file fails here.
        let store =
            Store::open(&path).unwrap_or_else(|e| panic!("round {round}, seed {seed}: {e}"));
        // This round's acknowledged commits; all of them are checked again at the end.
        for &id in &created[created_before..] {
            let r = store
                .load_report(id)
                .unwrap_or_else(|e| panic!("round {round}: report {id}: {e}"));
            assert_eq!(r.parts.len(), 5);
        }
        for &id in &edited[edited_before..] {
            let r = store.load_report(id).expect("load");
            assert_eq!(
                r.preface[0].text,
                format!("第{id}次修改。"),
                "round {round}"
            );
        }
        drop(store);
        let conn = rusqlite::Connection::open(&path).expect("peek");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        if check != "ok" {
            integrity_failures += 1;
        }
        assert_eq!(check, "ok", "round {round}");
    }
    let store = Store::open(&path).expect("open after the last kill");
    let lost = created
        .iter()
        .filter(|&&id| store.load_report(id).is_err())
        .count()
        + edited
            .iter()
            .filter(|&&id| {
                store
                    .load_report(id)
                    .map_or(true, |r| r.preface[0].text != format!("第{id}次修改。"))
            })
            .count();
    eprintln!(
        "{kills} kills: {integrity_failures} integrity failures, {} reports created and {} edited \
         with acknowledgement, {lost} acknowledged commits lost",
        created.len(),
        edited.len()
    );
    assert_eq!(lost, 0);
    assert!(created.len() > 5, "the writer got to commit");
    assert!(
        edited.iter().all(|id| created.contains(id)),
        "every edited report was seen created"
    );
}

/// A writer on a file system without WAL: it starts a rollback-journal transaction that
/// spills into the main file, says so, and waits to be killed.
#[test]
fn journal_child() {
    let Some(path) = env::var_os(JOURNAL_CHILD_ENV) else {
        return;
    };
    let conn = rusqlite::Connection::open(&path).expect("child: open");
    let _: String = conn
        .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
        .expect("child: journal mode");
    // A tiny cache makes SQLite write changed pages into the main file before the commit.
    conn.execute_batch(
        "PRAGMA cache_size = 1;
         BEGIN;
         UPDATE blocks SET text = '丢失的修改' || text;
         UPDATE reports SET issuer = '丢失的修改';",
    )
    .expect("child: update");
    println!("\nready");
    thread::sleep(Duration::from_secs(60));
}

#[test]
fn an_interrupted_rollback_journal_is_rolled_back_at_open() {
    if env::var_os(JOURNAL_CHILD_ENV).is_some() {
        return;
    }
    let (_dir, path) = temp_db();
    let (id, before) = {
        let mut store = Store::open(&path).expect("open");
        for _ in 0..3 {
            store.create_report(&synthetic::report(20)).expect("filler");
        }
        let id = store.create_report(&full_report()).expect("create");
        (id, store.load_report(id).expect("load"))
    };
    let mut child = Command::new(env::current_exe().expect("test binary"))
        .args([
            "journal_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(JOURNAL_CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|l| l == "ready");
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert!(ready, "the child started its transaction");
    let journal = common::snapshot(path.parent().expect("dir"))
        .into_iter()
        .find(|(name, _)| name.ends_with("-journal"));
    assert!(
        journal.is_some_and(|(_, bytes)| !bytes.is_empty()),
        "a hot journal is left"
    );
    let main = std::fs::read(&path).expect("read");
    let lost = "丢失的修改".as_bytes();
    assert!(
        main.windows(lost.len()).any(|w| w == lost),
        "the uncommitted change reached the main file, so opening must roll it back"
    );

    let mut store = Store::open(&path).expect("open after the kill");
    assert_eq!(store.load_report(id).expect("load"), before);
    // The store is back in WAL mode and writes as usual.
    store
        .update_block(before.preface[0].id.expect("id"), "写入正常。", "")
        .expect("write");
}
