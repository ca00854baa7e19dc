//! Real conversions by the installed LibreOffice, checked with poppler's `pdfinfo`/`pdffonts`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use nianbao_pdf::{Finder, LibreOffice, PdfError, export_pdf};
use nianbao_report::Report;

fn sample() -> Report {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples/changziying-2023.txt");
    let text = std::fs::read_to_string(&path).expect("the sample is readable");
    nianbao_import::import_text(&text)
        .expect("the sample imports")
        .report
}

fn office() -> LibreOffice {
    Finder::system()
        .find()
        .expect("LibreOffice is installed on build machines (scripts/setup.sh)")
}

fn tool(name: &str, pdf: &Path) -> String {
    let out = Command::new(name)
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) runs: {e}"));
    assert!(
        out.status.success(),
        "{name} cannot read {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The page count poppler reads from the file (which also proves the file opens).
fn pages(pdf: &Path) -> usize {
    tool("pdfinfo", pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// (font name, embedded?) of every font `pdffonts` lists; columns are cut at the dashes line.
fn fonts(pdf: &Path) -> Vec<(String, bool)> {
    let text = tool("pdffonts", pdf);
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    let dashes = lines.next().expect("a rule");
    let emb = header.find("emb").expect("an emb column");
    let name_end = dashes.find(' ').expect("columns");
    lines
        .map(|l| {
            (
                l[..name_end].trim().to_string(),
                l[emb..].trim_start().starts_with("yes"),
            )
        })
        .collect()
}

/// LibreOffice's own rendering of the .docx, done the plain way a tester would.
fn libreoffice_pages_of_docx(report: &Report, dir: &Path) -> usize {
    let docx = dir.join("plain.docx");
    nianbao_docx::write_docx(report, &docx).unwrap();
    let profile = dir.join("plain-profile");
    let status = Command::new(office().program())
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&docx)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    pages(&dir.join("plain.pdf"))
}

#[test]
fn the_sample_becomes_a_pdf_with_embedded_fonts_and_the_pages_of_its_docx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("长子营镇2023年报告.pdf");
    let report = sample();
    export_pdf(&report, &out, &office()).expect("the sample converts");

    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    let n = pages(&out);
    assert!(n >= 3, "the sample fills several pages, got {n}");
    assert_eq!(n, libreoffice_pages_of_docx(&report, dir.path()));
    // The preview's engine breaks the pages where LibreOffice does.
    assert_eq!(n, nianbao_layout::paginate(&report).pages.len());

    let fonts = fonts(&out);
    assert!(!fonts.is_empty(), "the PDF names its fonts");
    let missing: Vec<_> = fonts.iter().filter(|(_, emb)| !emb).collect();
    assert!(
        missing.is_empty(),
        "every font is embedded; not: {missing:?}"
    );
    assert!(
        fonts
            .iter()
            .any(|(name, _)| name.contains("CJK") || name.contains("UKai")),
        "the Chinese text is set in a CJK font: {fonts:?}"
    );
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".nianbao-pdf-")
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file is left: {leftovers:?}"
    );
}

#[test]
fn a_conversion_that_takes_too_long_is_stopped_and_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    std::fs::write(&out, "the previous export").unwrap();
    let slow = office().with_timeout(Duration::from_millis(1));
    let err = export_pdf(&sample(), &out, &slow).unwrap_err();
    assert!(matches!(err, PdfError::Timeout { .. }), "got {err}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the previous export"
    );
}

#[cfg(unix)]
#[test]
fn a_program_that_fails_is_a_failed_conversion_and_leaves_the_old_file() {
    let bin = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/bin/false", bin.path().join("soffice")).unwrap();
    let office = Finder::in_dirs([bin.path()])
        .find()
        .expect("the failing program is found");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    std::fs::write(&out, "the previous export").unwrap();
    let err = export_pdf(&sample(), &out, &office).unwrap_err();
    assert!(
        matches!(err, PdfError::ConversionFailed { .. }),
        "got {err}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the previous export"
    );
}

#[cfg(unix)]
#[test]
fn a_program_that_exits_without_writing_a_pdf_is_a_failed_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    // `true` succeeds and writes nothing, as LibreOffice does when it cannot load a file.
    let err = LibreOffice::at("/bin/true")
        .docx_to_pdf(b"PK", &out)
        .unwrap_err();
    match err {
        PdfError::ConversionFailed { reason } => assert!(reason.contains("no PDF"), "{reason}"),
        other => panic!("expected ConversionFailed, got {other}"),
    }
    assert!(!out.exists());
}

#[test]
fn an_empty_search_list_reports_libreoffice_missing_without_touching_the_target() {
    let empty = tempfile::tempdir().unwrap();
    let err = Finder::in_dirs([empty.path()]).find().unwrap_err();
    assert!(matches!(err, PdfError::NotInstalled { .. }));
    assert!(
        err.to_string().contains("https://www.libreoffice.org"),
        "{err}"
    );
}
