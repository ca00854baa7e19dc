//! The app finds its database like the CLI: `--db PATH`, else `NIANBAO_DB`, else the OS data
//! directory. Started directly (WebKitWebDriver starts it with a bare environment).

mod harness;

use std::{
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// Waits until `db` is a Nianbao database (the app created and migrated it), then quits.
fn wait_for_database(mut app: Child, db: &Path) {
    let started = Instant::now();
    let created = loop {
        let ready = std::fs::read(db)
            .is_ok_and(|b| b.len() >= 72 && b[68..72] == 0x4E42_4452u32.to_be_bytes());
        if ready || started.elapsed() > Duration::from_secs(20) {
            break ready;
        }
        if let Ok(Some(status)) = app.try_wait() {
            panic!("the app exited early: {status}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = app.kill();
    let _ = app.wait();
    assert!(
        created,
        "{} was not created as a Nianbao database",
        db.display()
    );
}

fn app() -> Command {
    let mut c = Command::new(harness::app_binary());
    c.stdout(Stdio::null())
        .stderr(Stdio::null())
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    c
}

#[test]
fn the_app_opens_the_database_named_by_nianbao_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("办公室甲").join("env.db");
    wait_for_database(
        app().env("NIANBAO_DB", &db).spawn().expect("start the app"),
        &db,
    );
}

#[test]
fn db_argument_wins_over_nianbao_db() {
    let dir = tempfile::tempdir().unwrap();
    let (arg, env) = (dir.path().join("arg.db"), dir.path().join("env.db"));
    let child = app()
        .env("NIANBAO_DB", &env)
        .arg("--db")
        .arg(&arg)
        .spawn()
        .expect("start the app");
    wait_for_database(child, &arg);
    assert!(!env.exists(), "NIANBAO_DB was used although --db was given");
}
