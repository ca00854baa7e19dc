//! Files that are not text reports are refused quickly, each with a message naming what is wrong.

mod common;

use std::{
    fs::{self, File},
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use nianbao_import::{
    ImportError, Input, MAX_TEXT_BYTES, import_file, import_text, import_text_bytes,
};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn refused(path: &Path) -> ImportError {
    let started = Instant::now();
    let e = import_file(path).expect_err("must be refused");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "refusing took {:?}",
        started.elapsed()
    );
    let line = e.to_string();
    assert!(!line.contains('\n'), "one line: {line}");
    e
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.txt");
    let e = refused(&path);
    assert_eq!(e, ImportError::NotFound { path: path.clone() });
    assert!(e.to_string().contains("none.txt"), "{e}");
}

#[test]
fn a_directory_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folder.txt");
    fs::create_dir(&path).unwrap();
    let e = refused(&path);
    assert!(matches!(e, ImportError::Unreadable { .. }), "{e}");
    assert!(e.to_string().contains("folder.txt"), "{e}");
}

#[test]
fn empty_and_whitespace_only() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let e = refused(&empty);
    assert_eq!(
        e,
        ImportError::Empty {
            input: Input::File(empty)
        }
    );
    assert!(e.to_string().contains("empty.txt is empty"), "{e}");
    let blank = write(dir.path(), "blank.txt", " \r\n\t\n\u{3000}\n".as_bytes());
    assert!(matches!(refused(&blank), ImportError::Empty { .. }));
    assert!(matches!(import_text(""), Err(ImportError::Empty { .. })));
    assert!(matches!(
        import_text_bytes(b"\xEF\xBB\xBF \n"),
        Err(ImportError::Empty { .. })
    ));
}

#[test]
fn binary_data() {
    let dir = tempfile::tempdir().unwrap();
    // Deterministic noise with NULs on both byte parities, as real binary data has.
    let mut x: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..4096)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            if i % 7 == 0 { 0 } else { (x >> 24) as u8 }
        })
        .collect();
    let path = write(dir.path(), "noise.txt", &bytes);
    let e = refused(&path);
    assert!(matches!(e, ImportError::Binary { .. }), "{e}");
    assert!(e.to_string().contains("binary"), "{e}");
    // Many control characters but no NUL.
    let controls: String = "标题\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}".repeat(20);
    assert!(matches!(
        import_text(&controls),
        Err(ImportError::Binary { .. })
    ));
}

#[test]
fn renamed_zip_pdf_ole_and_images_say_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "report.txt",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml",
            "ZIP",
        ),
        (
            "report2.txt",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
            "PDF",
        ),
        (
            "report3.txt",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00",
            ".doc",
        ),
        ("scan.txt", b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", "PNG"),
        ("photo.txt", b"\xFF\xD8\xFF\xE0\x00\x10JFIF", "JPEG"),
    ];
    for (name, bytes, what) in cases {
        let path = write(dir.path(), name, bytes);
        let e = refused(&path);
        assert!(matches!(e, ImportError::NotText { .. }), "{name}: {e}");
        let line = e.to_string();
        assert!(line.contains(what) && line.contains(name), "{line}");
    }
    let e = import_text_bytes(b"PK\x03\x04rest").unwrap_err();
    assert_eq!(
        e.to_string(),
        "the text is not plain text: it looks like a ZIP archive (a Word .docx, WPS or OFD file, perhaps)"
    );
}

#[test]
fn too_large_is_refused_from_the_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // Sparse: 50 MB on paper, nothing on disk, and never read.
    File::create(&path)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let e = refused(&path);
    assert_eq!(
        e,
        ImportError::TooLarge {
            input: Input::File(path.clone()),
            size: 50 * 1024 * 1024
        }
    );
    let line = e.to_string();
    assert!(
        line.contains("10 MB") && line.contains(&MAX_TEXT_BYTES.to_string()),
        "{line}"
    );
    // One byte over the limit, in memory.
    let big = vec![b'a'; usize::try_from(MAX_TEXT_BYTES).unwrap() + 1];
    assert!(matches!(
        import_text_bytes(&big),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn word_files_and_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    // Word extensions are read as .docx packages whatever they hold (see tests/docx_hostile.rs).
    for name in ["report.docx", "report.DOC", "report.wps"] {
        let path = write(dir.path(), name, b"PK\x03\x04");
        let e = refused(&path);
        assert!(matches!(e, ImportError::NotDocx { .. }), "{e}");
        assert!(
            e.to_string().contains("is not a Word .docx document"),
            "{e}"
        );
    }
    for name in ["report.pdf", "report.md", "report"] {
        let path = write(dir.path(), name, b"text");
        let e = refused(&path);
        assert!(matches!(e, ImportError::UnsupportedExtension { .. }), "{e}");
        assert!(
            e.to_string().contains(".txt") && e.to_string().contains(".docx"),
            "{e}"
        );
    }
}

#[test]
fn undecodable_text() {
    // Neither UTF-8 nor valid GB18030: a lead byte with nothing after it.
    let e = import_text_bytes(b"\xC4\xE3\xBA\xC3\x81").unwrap_err();
    assert_eq!(e, ImportError::Undecodable { input: Input::Text });
    assert!(e.to_string().contains("GB18030"), "{e}");
}

#[test]
fn text_that_is_not_a_report() {
    let no_parts = import_text("某镇2023年工作总结\n今年做了很多工作。\n").unwrap_err();
    assert!(
        matches!(no_parts, ImportError::NoReport { .. }),
        "{no_parts}"
    );
    assert!(no_parts.to_string().contains("一、"), "{no_parts}");
    let no_title = import_text("一、举措\n做了工作。").unwrap_err();
    assert!(
        matches!(no_title, ImportError::NoReport { .. }),
        "{no_title}"
    );
    let no_year = import_text("某镇法治政府建设情况报告\n一、举措\n做了工作。").unwrap_err();
    assert!(matches!(no_year, ImportError::NoYear { .. }), "{no_year}");
    assert!(no_year.to_string().contains("2023年"), "{no_year}");
    let no_issuer = import_text("2023年法治政府建设情况报告\n一、举措\n做了工作。").unwrap_err();
    assert!(
        matches!(no_issuer, ImportError::NoIssuer { .. }),
        "{no_issuer}"
    );
}
