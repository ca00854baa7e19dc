//! `nianbao export ID --out FILE.nianbao` and `nianbao import FILE.nianbao` between two real
//! database files: every field and every character arrives, with the named versions; files
//! that are not usable are refused with one line and the database is not touched.

mod common;

use std::{fs, io::Write};

use common::{Cli, command_on, sample_path, without_ids};
use nianbao_store::{SnapshotReason, Store};

#[test]
fn a_report_moves_between_databases_whole() {
    let from = Cli::new();
    let id = from.import(&sample_path());
    {
        // A named version, as the app's 保存为命名版本 takes it.
        let mut store = Store::open(&from.db).unwrap();
        store
            .snapshot(id.parse().unwrap(), SnapshotReason::Named, Some("送审稿"))
            .unwrap();
    }
    let file = from.path("长子营镇 2023.nianbao");
    let out = from.run(&["export", &id, "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 named version"));

    let to = Cli::new();
    to.ok(&["new", "--issuer", "某镇人民政府", "--year", "2024"]);
    let new_id = to.import(&file);
    assert_ne!(new_id, id, "a new id in the other database");
    assert_eq!(
        without_ids(&to.ok(&["show", &new_id, "--json"])),
        without_ids(&from.ok(&["show", &id, "--json"]))
    );
    // The printed text, character for character.
    assert_eq!(to.ok(&["show", &new_id]), from.ok(&["show", &id]));
    let history = to.ok(&["history", &new_id]);
    assert_eq!(history.lines().count(), 1, "{history}");
    assert!(
        history.contains("named") && history.contains("送审稿"),
        "{history}"
    );
    // Importing twice gives two reports: ids are always new.
    let again = to.import(&file);
    assert_ne!(again, new_id);
}

#[test]
fn unusable_files_are_refused_and_the_database_is_untouched() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());

    let text = cli.path("文本.nianbao");
    fs::write(&text, "2023年法治政府建设年度情况报告").unwrap();
    let err = cli.user_error(&["import", text.to_str().unwrap()]);
    assert!(err.contains("not a Nianbao file"), "{err}");

    let newer = cli.path("新版.nianbao");
    let mut zip = zip::ZipWriter::new(fs::File::create(&newer).unwrap());
    zip.start_file("manifest.json", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(br#"{"format":"nianbao","version":7}"#)
        .unwrap();
    zip.finish().unwrap();
    let err = cli.user_error(&["import", newer.to_str().unwrap()]);
    assert!(err.contains("made by a newer Nianbao"), "{err}");
    assert!(err.contains("update Nianbao"), "{err}");

    let good = cli.path("好.nianbao");
    cli.ok(&["export", &id, "--out", good.to_str().unwrap()]);
    let mut damaged = fs::read(&good).unwrap();
    let len = damaged.len();
    damaged.truncate(len - 30);
    let cut = cli.path("坏.nianbao");
    fs::write(&cut, damaged).unwrap();
    let err = cli.user_error(&["import", cut.to_str().unwrap()]);
    assert!(err.contains("not a Nianbao file"), "{err}");

    let nowhere = cli.path("无此目录/x.nianbao");
    let err = cli.user_error(&["export", &id, "--out", nowhere.to_str().unwrap()]);
    assert!(err.contains("x.nianbao"), "{err}");

    assert_eq!(cli.ok(&["list"]).lines().count(), 1);
    // A fresh database is not even created for a refused file.
    let fresh = cli.path("fresh.db");
    let out = command_on(&fresh)
        .args(["import", text.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!fresh.exists());
}
