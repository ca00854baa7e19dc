//! Runs the real `nianbao` binary against a temporary database.

#![allow(dead_code)]

use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
};

/// The sample report shipped in assets/.
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples/changziying-2023.txt")
}

/// A temporary database and the binary to run against it.
pub struct Cli {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Cli {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("test.db");
        Cli { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn command(&self) -> Command {
        command_on(&self.db)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("run nianbao")
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "nianbao {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs a command that must fail as a user error: exit 1, one line on stderr.
    pub fn user_error(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(1), "nianbao {args:?}: {out:?}");
        let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert_eq!(err.lines().count(), 1, "one line on stderr, got: {err}");
        err
    }

    pub fn import(&self, file: &Path) -> String {
        self.ok(&["import", file.to_str().expect("utf-8 path")])
            .trim()
            .to_string()
    }
}

/// The binary on a given database file.
pub fn command_on(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    c.arg("--db").arg(db).env_remove("NIANBAO_DB");
    c
}

/// A report's JSON with every row id removed: ids differ between databases and copies,
/// nothing else may.
pub fn without_ids(json: &str) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("id");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::from_str(json).unwrap();
    strip(&mut v);
    v
}
