//! The report's skeleton: statutory parts present and filled; heading sentences ended the
//! way their level wants.

use nianbao_report::{Block, HeadingLevel, Part, Report};

use crate::{
    finding::{Field, Finding, Fix, FixText, Location, Rule, Severity, Span, Target},
    units::{Kind, Unit},
};

/// What part 五 says when there is nothing else to report.
pub const NOTHING_ELSE: &str = "无其他需要报告的情况。";

/// The key of the statutory part that may say just [`NOTHING_ELSE`].
const OTHER: &str = "other";

fn blocks_have_text(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Paragraph(p) => !p.is_blank(),
        Block::Heading(h) => {
            !h.text.trim().is_empty() || !h.body.trim().is_empty() || blocks_have_text(&h.children)
        }
    })
}

fn part_has_text(part: &Part) -> bool {
    !part.body.trim().is_empty() || blocks_have_text(&part.blocks)
}

/// Statutory parts missing or empty; extra parts empty.
pub(crate) fn parts(report: &Report, out: &mut Vec<Finding>) {
    let tpl = report.template();
    for (n, tp) in tpl.parts.iter().enumerate() {
        if !tp.required
            || report
                .parts
                .iter()
                .any(|p| p.statutory.as_deref() == Some(&tp.key))
        {
            continue;
        }
        let heading = tpl.render(&tp.heading, &report.meta);
        let other = tp.key == OTHER;
        let (en_tail, zh_tail) = if other {
            (
                format!("; if there is nothing else, add it with the text {NOTHING_ELSE}"),
                format!("；没有的，也应列出本部分并写明“{NOTHING_ELSE}”"),
            )
        } else {
            (String::new(), String::new())
        };
        out.push(Finding {
            location: Location::report(),
            severity: if other {
                Severity::Warning
            } else {
                Severity::Error
            },
            rule: Rule::PartMissing,
            message_en: format!("statutory part {} is missing: “{heading}”{en_tail}", n + 1),
            message_zh: format!(
                "缺少规定的第{}部分“{heading}”{zh_tail}。",
                nianbao_report::numbering::chinese_numeral(n + 1)
            ),
            fix: None,
        });
    }
    for (pi, part) in report.parts.iter().enumerate() {
        if part_has_text(part) {
            continue;
        }
        let marker = HeadingLevel::One.marker(pi + 1);
        let target = Target::Part {
            part: pi,
            id: part.id,
        };
        let location = Location {
            target: target.clone(),
            field: Field::Text,
            range: None,
            label: marker.clone(),
        };
        let statutory = part
            .statutory
            .as_deref()
            .and_then(|k| tpl.part(k))
            .filter(|tp| tp.required);
        let heading = &part.heading;
        let finding = match statutory {
            Some(tp) if tp.key == OTHER => Finding {
                location,
                severity: Severity::Warning,
                rule: Rule::PartEmpty,
                message_en: format!(
                    "part {marker}{heading} is empty; if there is nothing else to report, write {NOTHING_ELSE}"
                ),
                message_zh: format!(
                    "第{marker}部分“{heading}”没有内容；没有其他需要报告的情况的，写明“{NOTHING_ELSE}”。"
                ),
                fix: Some(fill_other(part, pi)),
            },
            Some(_) => Finding {
                location,
                severity: Severity::Error,
                rule: Rule::PartEmpty,
                message_en: format!(
                    "statutory part {marker}{heading} is empty; the regulation requires it"
                ),
                message_zh: format!("第{marker}部分“{heading}”是规定必须报告的内容，尚未填写。"),
                fix: None,
            },
            None => Finding {
                location,
                severity: Severity::Warning,
                rule: Rule::PartEmpty,
                message_en: format!("part {marker}{heading} is empty"),
                message_zh: format!("第{marker}部分“{heading}”没有内容。"),
                fix: None,
            },
        };
        out.push(finding);
    }
}

/// Writes [`NOTHING_ELSE`] into the part's first (blank) paragraph, or adds one.
fn fill_other(part: &Part, pi: usize) -> Fix {
    let first_blank = part.blocks.iter().enumerate().find_map(|(i, b)| match b {
        Block::Paragraph(p) => Some((i, p)),
        Block::Heading(_) => None,
    });
    let after = FixText {
        text: NOTHING_ELSE.into(),
        body: String::new(),
    };
    match first_blank {
        Some((i, p)) => Fix {
            target: Target::Block {
                part: pi,
                path: vec![i],
                id: p.id,
            },
            before: Some(FixText {
                text: p.text.clone(),
                body: String::new(),
            }),
            after,
        },
        None => Fix {
            target: Target::Part {
                part: pi,
                id: part.id,
            },
            before: None,
            after,
        },
    }
}

/// The closing marks a heading sentence may end with.
fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['。', '？', '！'])
}

/// Level 1/2 headings (own line) ending in `。`; level 3/4 run-in headings without it.
pub(crate) fn heading_stops(unit: &Unit<'_>, out: &mut Vec<Finding>) {
    let level = match unit.kind {
        Kind::Part => HeadingLevel::One,
        Kind::Heading(l) => l,
        _ => return,
    };
    let text = unit.text.trim_end();
    if text.is_empty() {
        return;
    }
    let n = text.chars().count();
    let own_line = unit.body.trim().is_empty();
    let name_en = format!("level-{} heading", level.number());
    let label = &unit.label;
    if level <= HeadingLevel::Two && own_line && text.ends_with(['。', '.']) {
        let stripped = text.trim_end_matches(['。', '.']);
        out.push(Finding {
            location: unit.location(
                Field::Text,
                Some(Span {
                    start: stripped.chars().count(),
                    end: n,
                }),
            ),
            severity: Severity::Warning,
            rule: Rule::HeadingStop,
            message_en: format!(
                "{label} {name_en} stands on its own line and takes no full stop at the end"
            ),
            message_zh: format!("{label}为独占一行的标题，末尾不加句号。"),
            fix: Some(Fix {
                target: unit.target.clone(),
                before: Some(FixText {
                    text: unit.text.into(),
                    body: unit.body.into(),
                }),
                after: FixText {
                    text: stripped.into(),
                    body: unit.body.into(),
                },
            }),
        });
    }
    if level >= HeadingLevel::Three && !own_line && !ends_sentence(text) {
        // Replace a trailing comma or semicolon, else add the full stop.
        let base = text.trim_end_matches(['，', '；', '：', ',', ';', ':', '、']);
        out.push(Finding {
            location: unit.location(Field::Text, Some(Span { start: n, end: n })),
            severity: Severity::Warning,
            rule: Rule::RunInStop,
            message_en: format!(
                "{label} run-in {name_en} needs a full stop (。) before its text continues"
            ),
            message_zh: format!("{label}为段中标题（标题句后接正文），标题句末尾应加句号。"),
            fix: Some(Fix {
                target: unit.target.clone(),
                before: Some(FixText {
                    text: unit.text.into(),
                    body: unit.body.into(),
                }),
                after: FixText {
                    text: format!("{base}。"),
                    body: unit.body.into(),
                },
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Heading, Paragraph, template};

    use super::*;
    use crate::units;

    fn run(report: &Report) -> Vec<Finding> {
        let mut out = Vec::new();
        parts(report, &mut out);
        for u in units::collect(report) {
            heading_stops(&u, &mut out);
        }
        out
    }

    fn filled() -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        for p in &mut r.parts {
            p.blocks = vec![Block::Paragraph(Paragraph::new("一是工作推进不平衡。"))];
        }
        r
    }

    #[test]
    fn a_filled_report_passes() {
        assert_eq!(run(&filled()), []);
    }

    #[test]
    fn missing_and_empty_parts() {
        let mut r = filled();
        r.parts.remove(1); // 存在的不足和原因
        r.parts[1].blocks = vec![Block::Paragraph(Paragraph::new("  "))];
        let f = run(&r);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(
            (f[0].rule, f[0].severity),
            (Rule::PartMissing, Severity::Error)
        );
        assert!(f[0].message_zh.contains("推进法治政府建设存在的不足和原因"));
        assert_eq!(
            (f[1].rule, f[1].severity),
            (Rule::PartEmpty, Severity::Error)
        );
        assert!(
            f[1].message_en.contains("二、党政主要负责人"),
            "{}",
            f[1].message_en
        );
    }

    #[test]
    fn empty_part_five_gets_the_standard_sentence() {
        let mut r = filled();
        r.parts[4].blocks = vec![Block::Paragraph(Paragraph::new(""))];
        let f = run(&r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        let fix = f[0].fix.as_ref().unwrap();
        assert_eq!(fix.after.text, NOTHING_ELSE);
        assert_eq!(
            fix.target,
            Target::Block {
                part: 4,
                path: vec![0],
                id: None
            }
        );
        // No block at all: the fix adds a paragraph.
        r.parts[4].blocks.clear();
        let f = run(&r);
        assert_eq!(f[0].fix.as_ref().unwrap().before, None);
        // Missing altogether: a warning, not an error.
        r.parts.pop();
        let f = run(&r);
        assert_eq!(
            (f[0].rule, f[0].severity),
            (Rule::PartMissing, Severity::Warning)
        );
    }

    #[test]
    fn heading_full_stops() {
        let mut r = filled();
        let mut l2 = Heading::new("强化组织领导，引领政治建设。");
        let mut l3 = Heading::new("积极走访企业，稳企解困");
        l3.body = "以重点企业联络员制度为抓手。".into();
        let mut ok3 = Heading::new("优化营商环境，全力以赴做好招商引资工作。");
        ok3.body = "充分发扬“店小二”精神。".into();
        let mut comma3 = Heading::new("稳中求进，持续推进法治进企业宣传活动，");
        comma3.body = "深入15家企业宣传。".into();
        l2.children = vec![
            Block::Heading(l3),
            Block::Heading(ok3),
            Block::Heading(comma3),
            Block::Heading(Heading::new("构建新政务服务模式")),
        ];
        r.parts[0].blocks = vec![Block::Heading(l2)];
        r.parts[1].heading = "推进法治政府建设存在的不足和原因。".into();
        let f = run(&r);
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.rule, f.location.label.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Rule::HeadingStop, "一、（一）"),
                (Rule::RunInStop, "一、（一）1."),
                (Rule::RunInStop, "一、（一）3."),
                (Rule::HeadingStop, "二、"),
            ]
        );
        let fixes: Vec<_> = f
            .iter()
            .map(|f| f.fix.as_ref().unwrap().after.text.as_str())
            .collect();
        assert_eq!(
            fixes,
            [
                "强化组织领导，引领政治建设",
                "积极走访企业，稳企解困。",
                "稳中求进，持续推进法治进企业宣传活动。",
                "推进法治政府建设存在的不足和原因",
            ]
        );
    }
}
