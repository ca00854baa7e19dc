//! The exporter at scale: random reports — deep trees, long texts and lines, every class of
//! Unicode (control characters, emoji, right-to-left, combining marks), empty parts, meta at
//! its extremes — export without panic; every package is a zip whose every XML part parses,
//! and the text read back is the text put in, less what XML cannot hold.
//!
//! The case count is `NIANBAO_FUZZ_CASES` (default 240, about half a minute on a CI
//! machine's debug build); set it higher for a longer local run.

use std::io::{Cursor, Read};

use nianbao_docx::{read_paragraphs, to_docx};
use nianbao_report::{
    Block, DocDate, Heading, Imprint, Paragraph, Part, Report, template::default_template,
};
use proptest::{
    collection::vec,
    option,
    prelude::*,
    test_runner::{Config, TestRunner},
};
use quick_xml::{Reader, events::Event};

const DEFAULT_CASES: u32 = 240;

/// Characters of every class, weighted toward what breaks writers.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('一', '龥'),
        2 => proptest::char::range(' ', '~'),
        1 => proptest::char::range('\0', '\u{1f}'),
        1 => prop::sample::select(vec![
            '\u{7f}', '\u{85}', '\u{a0}', '\u{3000}', '\u{200b}', '\u{200d}', '\u{202e}',
            '\u{2028}', '\u{feff}', '\u{fffe}', '\u{ffff}', '\u{fffd}', '\u{301}', '“', '”',
            '《', '》', '、', '；', '&', '<', '>', '"', '\'', ']', '\r', '\n', '\t',
        ]),
        1 => proptest::char::range('\u{590}', '\u{6ff}'),
        1 => proptest::char::range('\u{1f300}', '\u{1faff}'),
        1 => any::<char>(),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => vec(any_char(), 0..max).prop_map(|cs| cs.into_iter().collect::<String>()),
        1 => Just(String::new()),
        // One very long line: a paragraph of a few pages without a break.
        1 => (any_char(), 2000usize..6000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn date() -> impl Strategy<Value = DocDate> {
    prop_oneof![
        Just(DocDate::new(1900, 1, 1).unwrap()),
        Just(DocDate::new(9999, 12, 31).unwrap()),
        (1900u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| DocDate::new(y, m, d).unwrap()),
    ]
}

fn blocks(depth: u32) -> BoxedStrategy<Vec<Block>> {
    let para = text(120).prop_map(|t| Block::Paragraph(Paragraph::new(t)));
    if depth == 0 {
        return vec(para, 0..4).boxed();
    }
    let heading = (text(40), text(80), blocks(depth - 1)).prop_map(|(t, body, children)| {
        let mut h = Heading::new(t);
        h.body = body;
        h.children = children;
        Block::Heading(h)
    });
    vec(prop_oneof![2 => para, 1 => heading], 0..5).boxed()
}

fn report() -> impl Strategy<Value = Report> {
    let part = (text(40), text(60), blocks(3)).prop_map(|(heading, body, blocks)| Part {
        body,
        blocks,
        ..Part::new(heading)
    });
    let issuer = prop_oneof![
        "[一-龥]{1,60}",
        text(30).prop_filter("an issuer", |s| { !s.trim().is_empty() })
    ];
    (
        (
            issuer,
            prop_oneof![Just(1900u16), Just(9999u16), 1900u16..=9999],
        ),
        (
            option::of(text(80)),
            option::of(text(40)),
            option::of(text(40)),
        ),
        (option::of(date()), vec(text(40), 0..12), any::<bool>()),
        option::of((option::of(text(60)), text(30), date())),
        (
            vec(text(200).prop_map(Paragraph::new), 0..4),
            vec(part, 0..9),
        ),
    )
        .prop_map(
            |(
                (issuer, year),
                (title, recipient, signature),
                (d, att, sealed),
                imp,
                (preface, parts),
            )| {
                // From the template, so fields the model gains later keep their defaults.
                let mut r = Report::from_template(default_template(), issuer, year);
                r.meta.title = title;
                r.meta.recipient = recipient;
                r.meta.signature = signature;
                r.meta.date = d;
                r.meta.attachments = att;
                r.meta.sealed = sealed;
                r.meta.imprint = imp.map(|(cc, printer, date)| Imprint { cc, printer, date });
                r.preface = preface;
                r.parts = parts;
                r
            },
        )
}

/// What XML 1.0 can hold: the writer drops the rest (with a warning).
fn storable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Paragraph texts compared: unstorable characters and carriage returns (trimmed at line ends
/// by the writer) removed, empty paragraphs (spacing lines) left out.
fn normalised(paragraphs: impl IntoIterator<Item = String>) -> Vec<String> {
    paragraphs
        .into_iter()
        .map(|p| {
            p.chars()
                .filter(|&c| storable(c) && c != '\r')
                .collect::<String>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every entry of the package inflates, and every XML part parses to its end.
fn check_package(bytes: &[u8]) -> Result<usize, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut parsed = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry
            .read_to_end(&mut data)
            .map_err(|e| format!("{name}: {e}"))?;
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut reader = Reader::from_reader(&data[..]);
            let mut buf = Vec::new();
            loop {
                match reader.read_event_into(&mut buf) {
                    Ok(Event::Eof) => break,
                    Ok(Event::Text(t)) => {
                        t.decode().map_err(|e| format!("{name}: {e}"))?;
                    }
                    Ok(_) => {}
                    Err(e) => return Err(format!("{name}: {e}")),
                }
                buf.clear();
            }
            parsed += 1;
        }
    }
    for required in ["[Content_Types].xml", "word/document.xml", "_rels/.rels"] {
        zip.by_name(required)
            .map_err(|e| format!("{required}: {e}"))?;
    }
    Ok(parsed)
}

#[test]
fn random_reports_export_open_and_read_back() {
    let cases = std::env::var("NIANBAO_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let started = std::time::Instant::now();
    let paragraphs = std::cell::Cell::new(0usize);
    runner
        .run(&report(), |r| {
            prop_assume!(r.validate().is_ok());
            let out = to_docx(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
            check_package(&out.bytes).map_err(TestCaseError::fail)?;
            let back =
                read_paragraphs(&out.bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let expected = normalised(r.printed_paragraphs());
            let back = normalised(back);
            paragraphs.set(paragraphs.get() + back.len());
            // The printed text comes back in order; besides it the export holds only the
            // 附件说明 (one paragraph per attachment) and the 版记 (two lines).
            let mut rest = back.iter();
            for p in &expected {
                prop_assert!(
                    rest.any(|b| b == p),
                    "{:?} missing or out of order in {:?}",
                    p,
                    back
                );
            }
            let extras = r.meta.attachments.len() + if r.meta.imprint.is_some() { 2 } else { 0 };
            prop_assert!(
                back.len() <= expected.len() + extras,
                "{:?} vs {:?}",
                back,
                expected
            );
            Ok(())
        })
        .unwrap();
    eprintln!(
        "exporter fuzz: {cases} random reports, {} paragraphs, {:.1} s",
        paragraphs.get(),
        started.elapsed().as_secs_f64()
    );
}
