//! The TypeScript declarations of every IPC payload, generated from the Rust types by ts-rs
//! into `ui/src/lib/ipc/bindings/`. The test fails when the checked-in files drift from the
//! Rust types; `NIANBAO_WRITE_BINDINGS=1 cargo test -p nianbao-app bindings` rewrites them.

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

use ts_rs::{Config, TS};

use crate::{
    commands::check::{CheckOutcome, FixOutcome, FixPreview, FixSelection},
    error::IpcError,
    history_ipc::{BackupFile, Backups, RecoveryInfo, RecoveryOutcome},
    ipc::{AppInfo, ExportOutcome, ImportPreview},
};

fn checked_in_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/ipc/bindings")
}

/// Every payload type with its dependencies, as files under `dir`.
fn export_into(dir: &Path) {
    // Ids are i64 in Rust but always within 2^53: plain numbers in TypeScript.
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    nianbao_report::Report::export_all(&cfg).expect("Report");
    nianbao_store::ReportSummary::export_all(&cfg).expect("ReportSummary");
    nianbao_store::Position::export_all(&cfg).expect("Position");
    nianbao_store::FigureYear::export_all(&cfg).expect("FigureYear");
    nianbao_report::figures::Segment::export_all(&cfg).expect("Segment");
    nianbao_report::ReviewState::export_all(&cfg).expect("ReviewState");
    AppInfo::export_all(&cfg).expect("AppInfo");
    ImportPreview::export_all(&cfg).expect("ImportPreview");
    ExportOutcome::export_all(&cfg).expect("ExportOutcome");
    IpcError::export_all(&cfg).expect("IpcError");
    nianbao_store::SnapshotSummary::export_all(&cfg).expect("SnapshotSummary");
    nianbao_report::ReportDiff::export_all(&cfg).expect("ReportDiff");
    BackupFile::export_all(&cfg).expect("BackupFile");
    Backups::export_all(&cfg).expect("Backups");
    RecoveryInfo::export_all(&cfg).expect("RecoveryInfo");
    RecoveryOutcome::export_all(&cfg).expect("RecoveryOutcome");
    CheckOutcome::export_all(&cfg).expect("CheckOutcome");
    FixOutcome::export_all(&cfg).expect("FixOutcome");
    FixPreview::export_all(&cfg).expect("FixPreview");
    FixSelection::export_all(&cfg).expect("FixSelection");
    nianbao_layout::Layout::export_all(&cfg).expect("Layout");
    nianbao_layout::LayoutDelta::export_all(&cfg).expect("LayoutDelta");
    nianbao_report::TextEdit::export_all(&cfg).expect("TextEdit");
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let generated = tempfile::tempdir().expect("temp dir");
    export_into(generated.path());
    let fresh = read_dir(generated.path());
    assert!(
        fresh.contains_key("Report.ts") && fresh.contains_key("Position.ts"),
        "{:?}",
        fresh.keys()
    );
    if std::env::var_os("NIANBAO_WRITE_BINDINGS").is_some() {
        let dir = checked_in_dir();
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("bindings dir");
        for (name, text) in &fresh {
            fs::write(dir.join(name), text).expect("write binding");
        }
    }
    assert_eq!(
        read_dir(&checked_in_dir()),
        fresh,
        "ui/src/lib/ipc/bindings/ is out of date: run NIANBAO_WRITE_BINDINGS=1 cargo test -p nianbao-app bindings"
    );
}
