//! Hostile and broken Word files: each refused with one line and exit status 1, and the
//! database unchanged.

mod common;

use std::io::Write;

use common::{Cli, sample_path};
use zip::{ZipWriter, write::SimpleFileOptions};

/// A zip package with the given parts.
fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

#[test]
fn hostile_word_files_are_refused_and_change_nothing() {
    let cli = Cli::new();
    cli.import(&sample_path());
    let before = cli.ok(&["list", "--json"]);
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let laughs = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let bad_utf8 = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>\xff\xfe</w:t></w:r></w:p></w:body></w:document>";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("old.doc", ole.clone(), ".docx"),
        ("renamed.docx", ole, ".docx"),
        ("empty.docx", Vec::new(), "empty"),
        (
            "noise.docx",
            b"just some text, not a package".repeat(20),
            "",
        ),
        (
            "sheet.docx",
            package(&[
                ("[Content_Types].xml", CONTENT_TYPES),
                ("xl/workbook.xml", b"<workbook/>"),
            ]),
            "",
        ),
        (
            "entities.docx",
            package(&[
                ("[Content_Types].xml", CONTENT_TYPES),
                ("_rels/.rels", RELS),
                ("word/document.xml", laughs),
            ]),
            "",
        ),
        (
            "utf8.docx",
            package(&[
                ("[Content_Types].xml", CONTENT_TYPES),
                ("_rels/.rels", RELS),
                ("word/document.xml", bad_utf8),
            ]),
            "",
        ),
    ];
    let names = || {
        let mut v: Vec<String> = std::fs::read_dir(cli.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    for (name, bytes, expect) in cases {
        let file = cli.path(name);
        std::fs::write(&file, &bytes).unwrap();
        let present = names();
        let err = cli.user_error(&["import", file.to_str().unwrap()]);
        assert!(
            err.contains(name),
            "{name}: the message names the file: {err}"
        );
        assert!(err.contains(expect), "{name}: {err}");
        assert_eq!(
            cli.ok(&["list", "--json"]),
            before,
            "{name} changed the database"
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            bytes,
            "{name} was written to"
        );
        assert_eq!(
            names(),
            present,
            "{name}: nothing is written next to the file"
        );
    }
}
