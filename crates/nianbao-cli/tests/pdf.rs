//! `nianbao export ID --out FILE.pdf`: the real LibreOffice, and what happens without it.

mod common;

use std::process::Command;

use common::{Cli, sample_path};

#[test]
fn a_pdf_target_exports_through_libreoffice_and_is_kept_in_the_history() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let out = cli.path("长子营镇.PDF");
    cli.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    let info = Command::new("pdfinfo")
        .arg(&out)
        .output()
        .expect("pdfinfo runs");
    assert!(info.status.success(), "the PDF opens: {info:?}");
    let pages: usize = String::from_utf8(info.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .expect("a page count");
    assert!(pages >= 3, "the sample fills pages, got {pages}");
    let history = cli.ok(&["history", &id]);
    assert!(history.contains("长子营镇.PDF"), "{history}");
}

#[test]
fn without_libreoffice_a_pdf_export_fails_with_one_line_and_writes_nothing() {
    let cli = Cli::new();
    let id = cli.import(&sample_path());
    let out = cli.path("report.pdf");
    let nowhere = tempfile::tempdir().unwrap();
    let done = cli
        .command()
        .args(["export", &id, "--out", out.to_str().unwrap()])
        .env("NIANBAO_LIBREOFFICE_DIRS", nowhere.path())
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(1));
    let err = String::from_utf8(done.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("LibreOffice is not installed"), "{err}");
    assert!(err.contains("https://www.libreoffice.org"), "{err}");
    assert!(!out.exists());
    // Nothing was exported, so nothing is recorded as exported.
    assert!(!cli.ok(&["history", &id]).contains("report.pdf"));
}
