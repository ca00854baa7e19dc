//! Bad input gets one clear line and exit status 1, and never changes the database.

mod common;

use std::{fs, io::Write};

use common::{Cli, sample_path};

/// The reports in the database, as `list --json` prints them.
fn snapshot(cli: &Cli) -> String {
    cli.ok(&["list", "--json"])
}

fn refused(cli: &Cli, name: &str, bytes: &[u8], expect: &str) {
    let before = snapshot(cli);
    let file = cli.path(name);
    fs::write(&file, bytes).unwrap();
    let err = cli.user_error(&["import", file.to_str().unwrap()]);
    assert!(err.to_lowercase().contains(expect), "{name}: {err}");
    assert_eq!(snapshot(cli), before, "{name} changed the database");
}

#[test]
fn unusable_files_are_refused_with_one_line() {
    let cli = Cli::new();
    cli.import(&sample_path());
    refused(&cli, "empty.txt", b"", "empty");
    refused(&cli, "blank.txt", b"  \n\r\n\t \n", "empty");
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    refused(&cli, "binary.txt", &binary, "binary");
    refused(
        &cli,
        "zip.txt",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        "zip",
    );
    refused(&cli, "doc.pdf", b"%PDF-1.7\n", "");
    refused(
        &cli,
        "report.txt",
        "这不是一份报告。\n只有两行文字。\n".as_bytes(),
        "",
    );
    let err = cli.user_error(&["import", cli.path("missing.txt").to_str().unwrap()]);
    assert!(err.contains("missing.txt"), "{err}");
}

#[test]
fn a_file_above_the_limit_is_refused_before_it_is_read() {
    let cli = Cli::new();
    let before = snapshot(&cli);
    let file = cli.path("huge.txt");
    let mut f = fs::File::create(&file).unwrap();
    let line = "一、推进法治政府建设的主要举措和成效\n".repeat(1000);
    while f.metadata().unwrap().len() < 50 * 1024 * 1024 {
        f.write_all(line.as_bytes()).unwrap();
    }
    drop(f);
    let started = std::time::Instant::now();
    let err = cli.user_error(&["import", file.to_str().unwrap()]);
    assert!(err.contains("MB"), "the message names the limit: {err}");
    assert!(started.elapsed().as_secs() < 5);
    assert_eq!(snapshot(&cli), before);
}

#[test]
fn gbk_text_imports_like_utf8() {
    let cli = Cli::new();
    let text = fs::read_to_string(sample_path()).unwrap();
    let (gbk, _, had_errors) = encoding_rs::GBK.encode(&text);
    assert!(!had_errors);
    let file = cli.path("gbk.txt");
    fs::write(&file, &gbk).unwrap();
    let from_gbk = cli.import(&file);
    let from_utf8 = cli.import(&sample_path());
    assert_eq!(cli.ok(&["show", &from_gbk]), cli.ok(&["show", &from_utf8]));
}

#[test]
fn control_characters_are_dropped_with_a_warning() {
    let cli = Cli::new();
    let text = fs::read_to_string(sample_path())
        .unwrap()
        .replacen("成立了", "成立\u{1}了\u{7}", 1);
    let file = cli.path("controls.txt");
    fs::write(&file, text).unwrap();
    let out = cli.run(&["import", file.to_str().unwrap()]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning") && stderr.contains("control"),
        "{stderr}"
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let shown = cli.ok(&["show", &id]);
    assert!(shown.contains("成立了以镇党委书记为组长"));
    assert!(!shown.contains('\u{1}'));
}

#[test]
fn export_refuses_bad_targets_and_unknown_reports() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let err = cli.user_error(&["export", &id, "--out", cli.path("x.odt").to_str().unwrap()]);
    assert!(err.contains(".docx") && err.contains(".pdf"), "{err}");
    let err = cli.user_error(&[
        "export",
        "999",
        "--out",
        cli.path("x.docx").to_str().unwrap(),
    ]);
    assert!(err.contains("999"), "{err}");
    let missing_dir = cli.path("no/such/dir/x.docx");
    cli.user_error(&["export", &id, "--out", missing_dir.to_str().unwrap()]);
    assert!(!missing_dir.exists());
    cli.user_error(&["show", "abc"]);
    cli.user_error(&["frobnicate"]);
}

#[test]
fn damaged_or_foreign_databases_are_refused_and_left_alone() {
    let cli = Cli::new();
    cli.import(&sample_path());
    let good = fs::read(&cli.db).unwrap();
    let cases: [(&str, Vec<u8>); 3] = [
        ("text.db", b"just some notes, not a database\n".repeat(100)),
        ("truncated.db", good[..good.len() / 3].to_vec()),
        ("scrambled.db", {
            let mut b = good.clone();
            for byte in b.iter_mut().skip(100).step_by(7) {
                *byte ^= 0x5A;
            }
            b
        }),
    ];
    for (name, bytes) in cases {
        let path = cli.path(name);
        fs::write(&path, &bytes).unwrap();
        let out = common::command_on(&path).arg("list").output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.contains(name),
            "{name}: the message names the file: {err}"
        );
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was written to");
    }
}
