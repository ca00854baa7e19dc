//! `backup` and `restore`, and the history the CLI's bulk changes leave.

mod common;

use common::{Cli, sample_path};

#[test]
fn backup_then_restore_brings_back_the_reports() {
    let cli = Cli::new();
    let first = cli.import(&sample_path());
    let copy = cli.path("copy.db");
    let printed = cli.ok(&["backup", "--out", copy.to_str().unwrap()]);
    assert_eq!(printed.trim(), copy.to_str().unwrap());
    let before = cli.ok(&["list", "--json"]);

    let second = cli.import(&sample_path());
    assert_ne!(first, second);
    cli.ok(&["restore", copy.to_str().unwrap()]);
    assert_eq!(
        cli.ok(&["list", "--json"]),
        before,
        "the second report is gone again"
    );

    // A copy into backups/ by default, and never over an existing file.
    let stamped = cli.ok(&["backup"]);
    assert!(stamped.trim().contains("backups"), "{stamped}");
    let err = cli.user_error(&["backup", "--out", copy.to_str().unwrap()]);
    assert!(err.contains("exists"), "{err}");
}

#[test]
fn restoring_a_file_that_is_not_a_backup_changes_nothing() {
    let cli = Cli::new();
    cli.import(&sample_path());
    let before = cli.ok(&["list", "--json"]);
    let junk = cli.path("junk.db");
    std::fs::write(&junk, "不是数据库").unwrap();
    let err = cli.user_error(&["restore", junk.to_str().unwrap()]);
    assert!(err.contains("junk.db"), "{err}");
    assert_eq!(cli.ok(&["list", "--json"]), before);
}

#[test]
fn export_and_fix_are_kept_in_the_history() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let out = cli.path("报告.docx");
    cli.ok(&["fix", &id, "--punctuation"]);
    cli.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    let history = cli.ok(&["history", &id]);
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(
        lines[0].contains("exported") && lines[0].contains("报告.docx"),
        "{history}"
    );
    assert!(
        lines[1].contains("before_change") && lines[1].contains("fix --punctuation"),
        "{history}"
    );
    // Exporting the same text again is recorded again: each export is worth finding later.
    cli.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    assert_eq!(cli.ok(&["history", &id]).lines().count(), 3);
    cli.user_error(&["history", "999"]);
}
