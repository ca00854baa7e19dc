//! The real published sample (北京市大兴区长子营镇, 2023) in every encoding a drafter may have.

mod common;

use common::{flatten, nth_heading, paragraphs, sample_bytes, sample_path, sample_text};
use encoding_rs::GB18030;
use nianbao_import::{
    ImportWarning, Imported, SourceEncoding, import_file, import_text, import_text_bytes,
};
use nianbao_report::{Block, HeadingLevel, Report, template::default_template};

fn sample() -> Imported {
    import_text_bytes(&sample_bytes()).expect("the sample imports")
}

/// The source line without its typed marker, written independently of the importer.
fn strip_marker(line: &str) -> &str {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let after_numeral = line.trim_start_matches(numeral);
    if after_numeral.len() < line.len()
        && let Some(rest) = after_numeral.strip_prefix('、')
    {
        return rest;
    }
    if let Some(inner) = line.strip_prefix(['(', '（']) {
        let after = inner.trim_start_matches(numeral);
        if let Some(rest) = after.strip_prefix([')', '）']) {
            return rest;
        }
    }
    let after_digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_digits.len() < line.len()
        && let Some(rest) = after_digits.strip_prefix('.')
    {
        return rest;
    }
    line
}

#[test]
fn the_sample_path_resolves() {
    assert!(sample_path().is_file(), "{}", sample_path().display());
}

#[test]
fn meta_of_the_sample() {
    let Imported {
        report, warnings, ..
    } = sample();
    let m = &report.meta;
    assert_eq!(m.issuer, "北京市大兴区长子营镇人民政府");
    assert_eq!(m.year, 2023);
    assert_eq!(m.title, None, "the title is the template's");
    assert_eq!(
        report.title(),
        "北京市大兴区长子营镇人民政府2023年法治政府建设年度情况报告"
    );
    assert_eq!(m.recipient, None);
    assert_eq!(m.signature, None);
    assert_eq!(m.date, None);
    assert_eq!(m.template, default_template().id);
    assert_eq!(report.validate(), Ok(()));
    assert_eq!(warnings, [ImportWarning::ChromeDropped { lines: vec![3] }]);
    assert_eq!(
        warnings[0].to_string(),
        "dropped 1 line of publication chrome (source, date, print, font size, page numbers): line 3"
    );
}

#[test]
fn no_chrome_survives() {
    let report = sample().report;
    let texts = flatten(&report);
    for t in &texts {
        for chrome in ["来源:", "日期:", "打印", "【字体"] {
            assert!(!t.contains(chrome), "{chrome} in {t}");
        }
    }
}

#[test]
fn five_parts_mapped_to_the_statutory_keys_in_order() {
    let report = sample().report;
    let keys: Vec<_> = report
        .parts
        .iter()
        .map(|p| p.statutory.as_deref())
        .collect();
    let want: Vec<_> = default_template()
        .parts
        .iter()
        .map(|p| Some(p.key.as_str()))
        .collect();
    assert_eq!(keys, want);
    assert_eq!(report.parts[0].heading, "推进法治政府建设的主要举措和成效");
    assert_eq!(
        report.parts[3].heading,
        "2024年度推进法治政府建设的主要安排"
    );
}

#[test]
fn part_one_has_eight_items_and_item_three_has_run_in_sub_items() {
    let report = sample().report;
    let part = &report.parts[0];
    assert!(
        part.blocks.iter().all(|b| matches!(b, Block::Heading(_))),
        "part 一 holds only its 8 items"
    );
    assert_eq!(part.blocks.len(), 8);
    assert_eq!(
        nth_heading(&part.blocks, 0).text,
        "强化组织领导,引领政治建设"
    );
    assert_eq!(
        nth_heading(&part.blocks, 7).text,
        "持续强化对行政权力的监督"
    );

    let three = nth_heading(&part.blocks, 2);
    assert_eq!(three.text, "加快推进政府职能转变");
    assert_eq!(three.body, "");
    assert_eq!(three.children.len(), 6);
    let first = paragraphs(&three.children);
    assert_eq!(first.len(), 1);
    assert!(first[0].starts_with("加大放管服改革力度"));
    assert!(matches!(three.children[0], Block::Paragraph(_)));
    for n in 0..5 {
        assert!(nth_heading(&three.children, n).children.is_empty());
    }
    let item1 = nth_heading(&three.children, 0);
    assert_eq!(item1.text, "积极走访企业,稳企解困。");
    assert!(
        item1.body.starts_with("以重点企业联络员制度为抓手"),
        "{}",
        item1.body
    );
    let item5 = nth_heading(&three.children, 4);
    assert_eq!(item5.text, "以高效服务为目标,跨越服务质效“新台阶”。");

    // The outline numbers them as a drafter would.
    let outline = report.outline();
    let items: Vec<_> = outline
        .iter()
        .filter(|e| e.level == HeadingLevel::Three)
        .map(|e| e.marker.as_str())
        .collect();
    assert_eq!(items, ["1.", "2.", "3.", "4.", "5."]);
}

#[test]
fn parts_two_and_five_are_plain_paragraphs() {
    let report = sample().report;
    let two = &report.parts[1];
    let starts: Vec<_> = paragraphs(&two.blocks)
        .iter()
        .map(|p| p.chars().take(2).collect::<String>())
        .collect();
    assert_eq!(starts, ["一是", "二是", "三是"]);
    assert_eq!(two.blocks.len(), 3);
    assert_eq!(
        paragraphs(&report.parts[4].blocks),
        ["无其他需要报告的情况。"]
    );
    assert_eq!(report.parts[4].blocks.len(), 1);
    assert_eq!(report.parts[2].blocks.len(), 3);
    assert_eq!(paragraphs(&report.parts[3].blocks).len(), 4);
    assert_eq!(report.preface.len(), 1);
    assert!(
        report.preface[0]
            .text
            .starts_with("2023年,在区委、区政府的坚强领导下")
    );
    assert!(report.preface[0].text.ends_with("情况报告如下:"));
}

#[test]
fn every_source_paragraph_is_kept_exactly_and_in_order() {
    let text = sample_text();
    let source: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .skip(1) // the title
        .filter(|l| !l.starts_with("来源:"))
        .map(strip_marker)
        .collect();
    let report = sample().report;
    let ours = flatten(&report);
    assert_eq!(ours.len(), source.len());
    for (i, (a, b)) in ours.iter().zip(&source).enumerate() {
        assert_eq!(a, b, "paragraph {i}");
    }
}

fn same_report(a: &Report, b: &Report) {
    assert!(a == b, "the reports differ");
}

#[test]
fn gbk_copy_imports_to_the_same_report() {
    let text = sample_text();
    let (gbk, _, unmappable) = GB18030.encode(&text);
    assert!(!unmappable);
    let imported = import_text_bytes(&gbk).unwrap();
    same_report(&imported.report, &sample().report);
    assert_eq!(
        imported.warnings[0],
        ImportWarning::Decoded {
            encoding: SourceEncoding::Gb18030
        },
        "{:?}",
        imported.warnings
    );
}

#[test]
fn bom_crlf_and_utf16_copies_import_to_the_same_report() {
    let want = sample().report;
    let text = sample_text();
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    same_report(&import_text_bytes(&bom).unwrap().report, &want);
    let crlf = text.replace('\n', "\r\n");
    same_report(&import_text_bytes(crlf.as_bytes()).unwrap().report, &want);
    let cr = text.replace('\n', "\r");
    same_report(&import_text(&cr).unwrap().report, &want);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(crlf.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    same_report(&import_text_bytes(&utf16).unwrap().report, &want);
}

#[test]
fn the_sample_file_on_disk_imports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("长子营镇2023年报告.TXT");
    let crlf = sample_text().replace('\n', "\r\n");
    let (gbk, _, _) = GB18030.encode(&crlf);
    std::fs::write(&path, &gbk).unwrap();
    let imported = import_file(&path).unwrap();
    same_report(&imported.report, &sample().report);
    // Straight from the shared folder too.
    same_report(
        &import_file(&sample_path()).unwrap().report,
        &sample().report,
    );
}
