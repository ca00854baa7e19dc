//! Every kind of file that is not a usable `.nianbao` is refused with its own typed error,
//! before anything is stored.

use std::{
    fs,
    io::{Cursor, Write},
    path::{Path, PathBuf},
};

use nianbao_bundle::{Bundle, BundleError, MAX_FILE_BYTES, from_bytes, read, to_bytes};
use nianbao_report::{Report, template};
use nianbao_store::Status;
use zip::{CompressionMethod, ZipWriter, write::SimpleFileOptions};

fn report() -> Report {
    let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
    r.preface[0].text = "2023年，我镇坚持依法行政。".into();
    r
}

fn good() -> Vec<u8> {
    let b = Bundle::new(
        report(),
        Status::Draft,
        Vec::new(),
        "0.1.0",
        "2024-03-01T08:00:00.000Z",
    );
    to_bytes(&b).unwrap()
}

/// Zip entries: name and contents.
type Entries<'a> = &'a [(&'a str, &'a [u8])];

/// A zip of the given entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn manifest(version: u64) -> Vec<u8> {
    format!(
        r#"{{"format":"nianbao","version":{version},"app_version":"9.0.0",
            "exported_at":"2030-01-01T00:00:00Z","status":"draft","title":"t","versions":[]}}"#
    )
    .into_bytes()
}

fn report_json(r: &Report) -> Vec<u8> {
    serde_json::to_vec(r).unwrap()
}

fn refuse(bytes: &[u8]) -> BundleError {
    from_bytes(bytes, Path::new("报告.nianbao")).expect_err("refused")
}

#[test]
fn a_good_file_reads() {
    let b = from_bytes(&good(), Path::new("x.nianbao")).unwrap();
    assert_eq!(b.report, report());
    assert_eq!(b.manifest.format, "nianbao");
    assert_eq!(b.manifest.version, 1);
}

#[test]
fn what_is_not_a_zip_or_not_ours_is_not_a_nianbao_file() {
    for bytes in [
        "2023年法治政府建设年度情况报告".as_bytes(),
        b"",
        b"PK\x03\x04 truncated right after the signature",
    ] {
        let e = refuse(bytes);
        assert!(matches!(e, BundleError::NotBundle { .. }), "{e}");
    }
    let docx_like = zip_of(&[("word/document.xml", b"<w:document/>")]);
    let e = refuse(&docx_like);
    assert!(
        matches!(e, BundleError::NotBundle { ref reason, .. } if reason.contains("manifest")),
        "{e}"
    );
    let other = zip_of(&[("manifest.json", br#"{"format":"epub","version":1}"#)]);
    let e = refuse(&other);
    assert!(
        matches!(e, BundleError::NotBundle { ref reason, .. } if reason.contains("epub")),
        "{e}"
    );
    // Cut in half: the central directory is gone.
    let whole = good();
    let e = refuse(&whole[..whole.len() / 2]);
    assert!(matches!(e, BundleError::NotBundle { .. }), "{e}");
    assert!(
        e.to_string()
            .starts_with("报告.nianbao: not a Nianbao file"),
        "{e}"
    );
}

#[test]
fn a_newer_format_asks_for_an_update_even_when_its_shape_changed() {
    let newer = zip_of(&[
        (
            "manifest.json",
            br#"{"format":"nianbao","version":2,"everything":"else changed"}"#,
        ),
        ("report.json", b"{}"),
    ]);
    let e = refuse(&newer);
    assert!(
        matches!(
            e,
            BundleError::TooNew {
                found: 2,
                known: 1,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("newer Nianbao"), "{e}");
    assert!(e.to_string().contains("update"), "{e}");
}

#[test]
fn damaged_json_is_named_by_its_entry() {
    let cases: [(Entries, &str); 5] = [
        (
            &[("manifest.json", b"{\"format\":\"nianbao\",")],
            "manifest.json",
        ),
        (
            &[("manifest.json", br#"{"format":"nianbao"}"#)],
            "manifest.json",
        ),
        (
            &[
                ("manifest.json", &manifest(1)),
                ("report.json", b"{\"meta\":"),
            ],
            "report.json",
        ),
        (&[("manifest.json", &manifest(1))], "report.json"),
        (
            &[
                ("manifest.json", &manifest(1)),
                ("report.json", br#"{"meta":{"issuer":1}}"#),
            ],
            "report.json",
        ),
    ];
    for (entries, entry) in cases {
        let e = refuse(&zip_of(entries));
        assert!(
            matches!(e, BundleError::Damaged { entry: ref got, .. } if got == entry),
            "{entry}: {e}"
        );
    }
}

#[test]
fn a_report_that_fails_validation_is_refused() {
    let mut r = report();
    r.meta.issuer = "  ".into();
    let e = refuse(&zip_of(&[
        ("manifest.json", &manifest(1)),
        ("report.json", &report_json(&r)),
    ]));
    assert!(matches!(e, BundleError::Invalid { .. }), "{e}");
    let mut r = report();
    r.meta.year = 20;
    let e = refuse(&zip_of(&[
        ("manifest.json", &manifest(1)),
        ("report.json", &report_json(&r)),
    ]));
    assert!(e.to_string().contains("year 20"), "{e}");
}

#[test]
fn a_version_the_manifest_lists_must_be_there_and_valid() {
    let listed = r#"{"format":"nianbao","version":1,"app_version":"0.1.0","exported_at":"x",
        "status":"final","title":"t",
        "versions":[{"file":"versions/1.json","label":"送审稿","created_at":"2024-01-01T00:00:00Z"}]}"#
        .as_bytes();
    let e = refuse(&zip_of(&[
        ("manifest.json", listed),
        ("report.json", &report_json(&report())),
    ]));
    assert!(
        matches!(e, BundleError::Damaged { ref entry, .. } if entry == "versions/1.json"),
        "{e}"
    );
    let mut bad = report();
    bad.meta.issuer.clear();
    let e = refuse(&zip_of(&[
        ("manifest.json", listed),
        ("report.json", &report_json(&report())),
        ("versions/1.json", &report_json(&bad)),
    ]));
    assert!(
        matches!(e, BundleError::Invalid { ref entry, .. } if entry == "versions/1.json"),
        "{e}"
    );
}

#[test]
fn a_zip_bomb_stops_at_the_entry_limit() {
    // 40 MB of spaces inside a valid JSON string deflates to about 40 KB.
    let mut huge = b"{\"meta\":{\"issuer\":\"".to_vec();
    huge.resize(40 << 20, b' ');
    huge.extend_from_slice(b"\",\"year\":2023}}");
    let bomb = zip_of(&[("manifest.json", &manifest(1)), ("report.json", &huge)]);
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let e = refuse(&bomb);
    assert!(
        matches!(e, BundleError::TooLarge { ref reason, .. } if reason.contains("report.json")),
        "{e}"
    );
}

#[test]
fn the_declared_size_is_not_trusted() {
    // Entry headers that understate the size: the zip crate stops at the declared size and
    // fails the checksum, or the counter stops at the limit; either way nothing is accepted.
    let mut huge = b"{\"meta\":{\"issuer\":\"".to_vec();
    huge.resize(34 << 20, b'a');
    huge.extend_from_slice(b"\",\"year\":2023}}");
    let mut bomb = zip_of(&[("manifest.json", &manifest(1)), ("report.json", &huge)]);
    let declared = (huge.len() as u32).to_le_bytes();
    let small = 100u32.to_le_bytes();
    // Rewrite every copy of the uncompressed size (local header and central directory).
    let mut i = 0;
    while let Some(at) = bomb[i..].windows(4).position(|w| w == declared) {
        bomb[i + at..i + at + 4].copy_from_slice(&small);
        i += at + 4;
    }
    assert!(i > 0, "the size was found and rewritten");
    assert!(from_bytes(&bomb, Path::new("x.nianbao")).is_err());
}

#[test]
fn too_many_entries_or_versions_are_refused() {
    let names: Vec<String> = (0..600).map(|i| format!("e{i}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let e = refuse(&zip_of(&entries));
    assert!(
        matches!(e, BundleError::TooLarge { ref reason, .. } if reason.contains("600 entries")),
        "{e}"
    );
}

#[test]
fn a_file_past_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("大.nianbao");
    let f = fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    let e = read(&path).unwrap_err();
    assert!(matches!(e, BundleError::TooLarge { .. }), "{e}");
    let missing: PathBuf = dir.path().join("无.nianbao");
    assert!(matches!(
        read(&missing).unwrap_err(),
        BundleError::Io { .. }
    ));
}
