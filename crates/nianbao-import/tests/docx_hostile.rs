//! Hostile and broken Word files: each is refused with one clear line, quickly, without a panic
//! and without anything written next to the file.

mod common;

use std::{
    fs,
    path::Path,
    time::{Duration, Instant},
};

use common::Noise;
use common::docx::{Doc, P, RawEntry, crc32_of_repeated, deflated_spaces, raw_zip, zip_entries};
use nianbao_import::{ImportError, MAX_DOCX_BYTES, import_docx_bytes, import_file};

/// The names and contents of the files in `dir`.
fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = if e.file_type().unwrap().is_file() {
                fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// Imports `bytes` saved as `name`: must be refused within a second, with one line naming
/// the file, leaving the folder as it was.
fn refused(name: &str, bytes: &[u8]) -> ImportError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let before = listing(dir.path());
    let started = Instant::now();
    let e = import_file(&path).expect_err("must be refused");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{name}: refusing took {:?}",
        started.elapsed()
    );
    assert_eq!(listing(dir.path()), before, "{name}: the folder changed");
    let line = e.to_string();
    assert!(!line.contains('\n'), "one line: {line}");
    assert!(line.contains(name), "names the file: {line}");
    e
}

const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn ole_with(stream: &str) -> Vec<u8> {
    let mut bytes = OLE.to_vec();
    bytes.extend_from_slice(&[0; 1024]);
    bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
    bytes.extend_from_slice(&[0; 512]);
    bytes
}

fn minimal_doc() -> Doc {
    Doc::new().lines(
        "某镇人民政府2023年法治政府建设年度情况报告\n一、推进法治政府建设的主要举措和成效\n正文。",
    )
}

#[test]
fn an_old_word_doc_asks_for_docx() {
    for name in ["report.doc", "report.docx", "report.wps"] {
        let e = refused(name, &ole_with("WordDocument"));
        assert!(matches!(e, ImportError::OldWord { .. }), "{e}");
        assert!(e.to_string().contains("save it as .docx"), "{e}");
    }
}

#[test]
fn an_encrypted_docx_says_so() {
    let e = refused("secret.docx", &ole_with("EncryptedPackage"));
    assert!(matches!(e, ImportError::Encrypted { .. }), "{e}");
    assert!(
        e.to_string().contains("encrypted (password-protected)"),
        "{e}"
    );
}

#[test]
fn zips_and_files_that_are_no_docx() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "notes.docx",
            zip_entries(&[("readme.txt".into(), b"hello".to_vec())]),
            "holds no word/document.xml",
        ),
        (
            "budget.docx",
            zip_entries(&[("xl/workbook.xml".into(), b"<workbook/>".to_vec())]),
            "Excel workbook",
        ),
        ("scan.docx", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3".to_vec(), "PDF"),
        ("old.doc", b"{\\rtf1\\ansi report}".to_vec(), "RTF"),
        (
            "noise.docx",
            b"\x01\x02\x03 not a zip at all".to_vec(),
            "not a zip package",
        ),
        ("cut.docx", minimal_doc().build()[..120].to_vec(), "damaged"),
    ];
    for (name, bytes, says) in cases {
        let e = refused(name, &bytes);
        assert!(matches!(e, ImportError::NotDocx { .. }), "{name}: {e}");
        assert!(e.to_string().contains(says), "{name}: {e}");
    }
}

fn bomb(name: &str, repeats: usize, claimed: u32) -> RawEntry {
    RawEntry {
        name: name.into(),
        deflated: true,
        data: deflated_spaces(repeats),
        crc: 0,
        claimed_size: claimed,
    }
}

/// 33 MB of spaces in 700 KB.
const OVER_PART_LIMIT: usize = 33 * 1024 * 1024 / 258;
/// 25 MB of spaces.
const UNDER_PART_LIMIT: usize = 25 * 1024 * 1024 / 258;

#[test]
fn a_zip_bomb_is_stopped_while_inflating() {
    // Honest headers: one part over 32 MB.
    let bytes = raw_zip(&[bomb(
        "word/document.xml",
        OVER_PART_LIMIT,
        (1 + 258 * OVER_PART_LIMIT) as u32,
    )]);
    assert!(bytes.len() < 1 << 20);
    let e = refused("bomb.docx", &bytes);
    assert!(matches!(e, ImportError::UnpackLimit { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("word/document.xml inflates to more than 32 MB"),
        "{e}"
    );
    // Lying headers (a few bytes claimed): refused all the same, memory bounded by the cap.
    let bytes = raw_zip(&[bomb("word/document.xml", OVER_PART_LIMIT, 100)]);
    let e = refused("liar.docx", &bytes);
    assert!(matches!(e, ImportError::UnpackLimit { .. }), "{e}");
    // Each part under the cap (with true checksums), together over 64 MB.
    let size = 1 + 258 * UNDER_PART_LIMIT;
    let crc = crc32_of_repeated(b' ', size);
    let part = |name: &str| RawEntry {
        crc,
        ..bomb(name, UNDER_PART_LIMIT, size as u32)
    };
    let bytes = raw_zip(&[
        part("word/document.xml"),
        part("word/styles.xml"),
        part("word/numbering.xml"),
    ]);
    let e = refused("trio.docx", &bytes);
    assert!(
        e.to_string().contains("inflate to more than 64 MB in all"),
        "{e}"
    );
}

#[test]
fn too_many_entries() {
    let mut entries: Vec<(String, Vec<u8>)> = (0..2001)
        .map(|i| (format!("word/media/image{i}.png"), Vec::new()))
        .collect();
    entries.push((
        "word/document.xml".into(),
        minimal_doc().document_xml().into_bytes(),
    ));
    let e = refused("many.docx", &zip_entries(&entries));
    assert!(matches!(e, ImportError::UnpackLimit { .. }), "{e}");
    assert!(
        e.to_string().contains("2002 entries (more than 2000)"),
        "{e}"
    );
}

#[test]
fn doctype_and_entities_are_never_expanded() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let external = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#;
    for (name, xml) in [("laughs.docx", laughs), ("external.docx", external)] {
        let e = refused(name, &minimal_doc().build_with(xml.as_bytes()));
        assert!(matches!(e, ImportError::XmlDoctype { .. }), "{e}");
        assert!(
            e.to_string()
                .contains("word/document.xml declares a DOCTYPE"),
            "{e}"
        );
    }
    // In any part read, not only the main document.
    let styles = minimal_doc().styles(r#"<w:style w:styleId="a"/>"#);
    let mut bytes = styles.build();
    let poisoned = String::from_utf8_lossy(&bytes).contains("<!DOCTYPE");
    assert!(!poisoned);
    let doc = minimal_doc().entry(
        "word/numbering.xml",
        br#"<?xml version="1.0"?><!DOCTYPE n SYSTEM "http://example.com/n.dtd"><w:numbering xmlns:w="w"/>"#,
    );
    bytes = doc.build();
    let e = refused("numbering.docx", &bytes);
    assert!(
        e.to_string()
            .contains("word/numbering.xml declares a DOCTYPE"),
        "{e}"
    );
}

#[test]
fn invalid_utf8_and_malformed_xml() {
    let mut xml = minimal_doc().document_xml().into_bytes();
    let at = xml.windows(3).position(|w| w == "正".as_bytes()).unwrap();
    xml[at + 1] = 0xFF;
    let e = refused("bytes.docx", &minimal_doc().build_with(&xml));
    assert!(matches!(e, ImportError::DamagedDocx { .. }), "{e}");
    assert!(
        e.to_string()
            .contains("word/document.xml is not valid UTF-8"),
        "{e}"
    );
    let xml = minimal_doc().document_xml().replace("</w:body>", "");
    let e = refused("broken.docx", &minimal_doc().build_with(xml.as_bytes()));
    assert!(e.to_string().contains("is not well-formed XML"), "{e}");
    let xml = minimal_doc().document_xml().replace("正文", "正文&nbsp;");
    let e = refused("entity.docx", &minimal_doc().build_with(xml.as_bytes()));
    assert!(e.to_string().contains("undefined entity &nbsp;"), "{e}");
}

#[test]
fn empty_and_too_large_files() {
    let e = refused("empty.docx", b"");
    assert!(matches!(e, ImportError::Empty { .. }), "{e}");
    assert!(matches!(
        import_docx_bytes(b""),
        Err(ImportError::Empty { .. })
    ));
    // A document with no paragraphs at all.
    let e = refused("blank.docx", &Doc::new().p(P::new()).build());
    assert!(matches!(e, ImportError::Empty { .. }), "{e}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.docx");
    // Sparse: 100 MB on paper, nothing on disk, and never read.
    fs::File::create(&path)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let started = Instant::now();
    let e = import_file(&path).unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(100));
    assert_eq!(
        e,
        ImportError::DocxTooLarge {
            input: nianbao_import::Input::File(path.clone()),
            size: 100 * 1024 * 1024,
        }
    );
    assert!(e.to_string().contains("over 50 MB"), "{e}");
    let big = vec![0u8; usize::try_from(MAX_DOCX_BYTES).unwrap() + 1];
    assert!(matches!(
        import_docx_bytes(&big),
        Err(ImportError::DocxTooLarge { .. })
    ));
}

#[test]
fn mangled_packages_and_xml_never_panic() {
    let report = nianbao_report::synthetic::report(2);
    let good = nianbao_docx::to_docx(&report).unwrap().bytes;
    let xml = String::from_utf8(
        Doc::new()
            .lines("某镇人民政府2023年法治政府建设年度情况报告\n一、举措\n（一）甲\n1.乙。丙\n二、不足\n无。")
            .document_xml()
            .into_bytes(),
    )
    .unwrap();
    let mut noise = Noise(0x2545_F491_4F6C_DD1D);
    let check = |outcome: Result<nianbao_import::Imported, ImportError>| match outcome {
        Ok(imported) => assert_eq!(imported.report.validate(), Ok(())),
        Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
    };
    for _ in 0..200 {
        let mut bytes = good.clone();
        match noise.next(3) {
            0 => bytes.truncate(noise.next(bytes.len())),
            1 => {
                for _ in 0..1 + noise.next(8) {
                    let at = noise.next(bytes.len());
                    bytes[at] ^= 1 << noise.next(8);
                }
            }
            _ => {
                let cut = noise.next(xml.len());
                let cut = (0..=cut)
                    .rev()
                    .find(|&i| xml.is_char_boundary(i))
                    .unwrap_or(0);
                let junk =
                    ["<", "</w:p>", "<w:p>", "&", "<w:t>", "]]>", "\u{1}", "一、"][noise.next(8)];
                let mangled = format!("{}{junk}{}", &xml[..cut], &xml[cut..]);
                bytes = Doc::new().build_with(mangled.as_bytes());
            }
        }
        check(import_docx_bytes(&bytes));
    }
}
