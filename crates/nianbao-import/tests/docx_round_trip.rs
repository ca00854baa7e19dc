//! Export → import gives the report back: random reports (depth up to 4, run-in headings at
//! every level, long and short paragraphs, punctuation, empty parts, sign-off and 版记) are
//! written by `nianbao_docx::to_docx` and read by `import_docx_bytes`.

mod common;

use nianbao_import::import_docx_bytes;
use nianbao_report::{Block, DocDate, Heading, Imprint, Meta, Paragraph, Part, Report};
use proptest::prelude::*;

const ISSUERS: &[&str] = &[
    "某镇人民政府",
    "北京市大兴区长子营镇人民政府",
    "某区司法局",
    "某县市场监督管理局",
];

/// Pieces of sentences: Chinese text with the punctuation reports use, digits and quotes.
const PHRASES: &[&str] = &[
    "坚持以习近平法治思想为指导",
    "全年办理行政复议案件5件",
    "较上年下降60%",
    "推进“双随机、一公开”监管",
    "完善重大行政决策程序（含合法性审查）",
    "落实：责任到人；措施到位",
    "是否依法履职？",
    "切实提升依法行政能力和水平",
    "组织领导干部会前学法12次",
    "开展“法律十进”宣传活动30余场",
    "严格规范公正文明执法",
    "政务服务事项8552件",
    "2023年全镇办理案件6件",
    "1.5亿元用于执法保障",
    "一是高度重视",
];

const PART_HEADINGS: &[&str] = &[
    "推进法治政府建设的主要举措和成效",
    "推进法治政府建设存在的不足和原因",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "下一年度推进法治政府建设的主要安排",
    "其他需要报告的情况",
    "健全法治政府建设制度保障",
    "深化“放管服”改革",
];

const HEADINGS: &[&str] = &[
    "强化组织领导",
    "全面学习贯彻习近平法治思想，强化统筹协调",
    "积极走访企业，稳企解困",
    "优化营商环境",
    "细化措施",
    "2023年度重点改革",
    "推进政务公开“五公开”",
    "推進法治政府建設、優化服務",
];

/// A sentence: one or more phrases joined by commas, ending in `。`.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PHRASES), 1..4)
        .prop_map(|p| format!("{}。", p.join("，")))
}

/// A paragraph: one sentence (short) or many (long).
fn paragraph_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => sentence(),
        1 => prop::collection::vec(sentence(), 2..12).prop_map(|s| s.concat()),
        1 => Just("无。".to_string()),
    ]
}

/// A heading sentence, with or without a final `。`.
fn heading_text() -> impl Strategy<Value = String> {
    (prop::sample::select(HEADINGS), any::<bool>()).prop_map(|(h, stop)| {
        if stop {
            format!("{h}。")
        } else {
            h.to_string()
        }
    })
}

/// Blocks below a heading of `level` (1 = a part): paragraphs and headings down to level 4.
fn blocks(level: u8) -> BoxedStrategy<Vec<Block>> {
    let paragraph = paragraph_text().prop_map(|t| Block::Paragraph(Paragraph::new(t)));
    if level >= 4 {
        return prop::collection::vec(paragraph, 0..3).boxed();
    }
    let child = level + 1;
    let heading = (
        heading_text(),
        prop::option::of(paragraph_text()),
        blocks(child),
    )
        .prop_map(move |(text, body, children)| {
            // Level 4 is set like the body: only a final `。` can end its heading sentence.
            let text = if child == 4 && body.is_some() && !text.ends_with('。') {
                format!("{text}。")
            } else {
                text
            };
            Block::Heading(Heading {
                body: body.unwrap_or_default(),
                children,
                ..Heading::new(text)
            })
        });
    // Paragraphs after a heading belong to it, so siblings are paragraphs first, then headings.
    (
        prop::collection::vec(paragraph, 0..3),
        prop::collection::vec(heading, 0..3),
    )
        .prop_map(|(mut paragraphs, headings)| {
            paragraphs.extend(headings);
            paragraphs
        })
        .boxed()
}

fn part() -> impl Strategy<Value = Part> {
    (
        prop::sample::select(PART_HEADINGS),
        prop::option::of(paragraph_text()),
        blocks(1),
    )
        .prop_map(|(heading, body, blocks)| Part {
            body: body.unwrap_or_default(),
            blocks,
            ..Part::new(heading)
        })
}

fn report() -> impl Strategy<Value = Report> {
    (
        prop::sample::select(ISSUERS),
        2019u16..2031,
        any::<bool>(),
        prop::option::of(prop::sample::select(
            &["区委、区政府", "县委、县政府", "市司法局"][..],
        )),
        prop::option::of((1u8..4, 1u8..29)),
        prop::collection::vec(
            prop::sample::select(&["2023年度工作台账", "案件统计表"][..]),
            0..3,
        ),
        prop::option::of(any::<bool>()),
        prop::collection::vec(paragraph_text(), 0..3),
        prop::collection::vec(part(), 1..6),
    )
        .prop_map(
            |(issuer, year, own_title, recipient, date, attachments, imprint, preface, parts)| {
                let mut meta = Meta::new(issuer, year);
                if own_title {
                    meta.title = Some(format!("{issuer}关于\n{year}年法治政府建设情况的报告"));
                }
                meta.recipient = recipient.map(str::to_string);
                meta.date = date.and_then(|(m, d)| DocDate::new(year + 1, m, d).ok());
                if meta.date.is_some() && year % 2 == 0 {
                    meta.signature = Some(format!("{issuer}办公室"));
                }
                meta.attachments = attachments.into_iter().map(str::to_string).collect();
                meta.imprint = imprint.map(|with_cc| Imprint {
                    cc: with_cc.then(|| "区委依法治区办".to_string()),
                    printer: format!("{issuer}办公室"),
                    date: DocDate::new(year + 1, 3, 29).unwrap(),
                });
                Report {
                    preface: preface.into_iter().map(Paragraph::new).collect(),
                    parts,
                    ..Report::empty(meta)
                }
            },
        )
}

/// The report without what the import decides by itself (statutory keys).
fn comparable(mut r: Report) -> Report {
    for p in &mut r.parts {
        p.statutory = None;
    }
    // The import seeds the template's figures; the text holds no placeholders.
    r.figures.clear();
    r
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn export_then_import_gives_the_report_back(report in report()) {
        prop_assume!(report.validate().is_ok());
        let bytes = nianbao_docx::to_docx(&report).unwrap().bytes;
        let imported = import_docx_bytes(&bytes).unwrap();
        prop_assert_eq!(imported.report.validate(), Ok(()));
        prop_assert_eq!(comparable(imported.report), comparable(report));
    }
}

#[test]
fn the_synthetic_report_round_trips_with_its_statutory_parts() {
    let report = nianbao_report::synthetic::report(30);
    let bytes = nianbao_docx::to_docx(&report).unwrap().bytes;
    let imported = import_docx_bytes(&bytes).unwrap();
    assert_eq!(imported.report, report);
    assert_eq!(imported.warnings, []);
    assert!(imported.mapping.iter().all(|m| m.score == 100));
}
