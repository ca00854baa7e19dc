//! What is written is read back identical: every field of random reports, every character,
//! with status and named versions; and the file is replaced atomically.

use std::path::Path;

use nianbao_bundle::{Bundle, from_bytes, read, to_bytes, write};
use nianbao_report::{
    Block, DocDate, Heading, Imprint, Meta, Paragraph, Part, Report, template::default_template,
};
use nianbao_store::{KeptVersion, Status};
use proptest::{collection::vec, option, prelude::*};

fn text() -> impl Strategy<Value = String> {
    // Any Unicode scalar, control characters and the empty string included.
    prop_oneof![any::<String>(), "[\\PC\\n\\t]{0,40}", Just(String::new())]
}

fn date() -> impl Strategy<Value = DocDate> {
    (1900u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| DocDate::new(y, m, d).unwrap())
}

fn meta() -> impl Strategy<Value = Meta> {
    (
        ("[一-龥a-z]{1,20}", 1900u16..=9999),
        (option::of(text()), option::of(text()), option::of(text())),
        (option::of(date()), vec(text(), 0..3), any::<bool>()),
        option::of((option::of(text()), text(), date())),
    )
        .prop_map(
            |((issuer, year), (title, recipient, signature), (d, att, sealed), imp)| {
                let mut m = Meta::new(issuer, year);
                m.title = title;
                m.recipient = recipient;
                m.signature = signature;
                m.date = d;
                m.attachments = att;
                m.sealed = sealed;
                m.imprint = imp.map(|(cc, printer, date)| Imprint { cc, printer, date });
                m
            },
        )
}

fn blocks(depth: u32) -> BoxedStrategy<Vec<Block>> {
    let para = text().prop_map(|t| Block::Paragraph(Paragraph::new(t)));
    if depth == 0 {
        return vec(para, 0..3).boxed();
    }
    let heading = (text(), text(), blocks(depth - 1)).prop_map(|(t, body, children)| {
        let mut h = Heading::new(t);
        h.body = body;
        h.children = children;
        Block::Heading(h)
    });
    vec(prop_oneof![para, heading], 0..4).boxed()
}

fn report() -> impl Strategy<Value = Report> {
    let part = (option::of("[a-z]{1,8}"), text(), text(), blocks(3)).prop_map(
        |(statutory, heading, body, blocks)| Part {
            statutory,
            body,
            blocks,
            ..Part::new(heading)
        },
    );
    (
        meta(),
        vec(text().prop_map(Paragraph::new), 0..3),
        vec(part, 0..6),
    )
        .prop_map(|(meta, preface, parts)| {
            // From the template, so fields the model gains later have their defaults.
            let mut r = Report::from_template(default_template(), "某镇", 2023);
            r.meta = meta;
            r.preface = preface;
            r.parts = parts;
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_reports_come_back_identical(r in report(), v in report(), final_ in any::<bool>(), label in text()) {
        let status = if final_ { Status::Final } else { Status::Draft };
        let versions = vec![KeptVersion {
            label: label.chars().filter(|c| !c.is_control()).take(200).collect(),
            created_at: "2024-03-01T08:00:00.000Z".into(),
            report: v,
        }];
        let b = Bundle::new(r, status, versions, "0.1.0", "2024-03-28T01:02:03.456Z");
        let back = from_bytes(&to_bytes(&b).unwrap(), Path::new("x.nianbao")).unwrap();
        prop_assert_eq!(back, b);
    }
}

#[test]
fn writing_replaces_the_file_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("长子营镇 2023.nianbao");
    std::fs::write(&path, "an older file").unwrap();
    let mut r = Report::from_template(default_template(), "某镇", 2023);
    r.preface[0].text = "第一段。\u{202E}RTL\u{0007}😀".into();
    let b = Bundle::new(
        r,
        Status::Final,
        Vec::new(),
        "0.1.0",
        "2024-03-28T01:02:03.456Z",
    );
    write(&path, &b).unwrap();
    assert_eq!(read(&path).unwrap(), b);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let missing_dir = dir.path().join("无此目录").join("x.nianbao");
    assert!(write(&missing_dir, &b).is_err());
}
