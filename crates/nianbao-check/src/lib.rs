//! The checker of 《法治政府建设年度情况报告》: one pass over a report returns findings with
//! location, severity (错误/警告/提示), rule, messages in English and Chinese and, where a
//! correction is safe, a fix.
//!
//! Rules: half-width punctuation in Chinese text; unpaired 《》“”（）; heading full stops by
//! level; statutory parts missing or empty; the title; 成文日期; the year in part 四's
//! heading; dates in the text; stated differences and percentages against their counts;
//! the deadlines 3月1日 and 4月1日; numbers that quote a figure (数据项) but disagree with
//! it, and placeholders that cannot print; before 定稿, planned items (承上启下) not linked and
//! the 保密审查. [`figures`] (re-exported from nianbao-report) holds the exact arithmetic.

pub mod claims;
mod dates;
mod finding;
mod fix;
mod pairs;
mod placeholders;
mod printed;
pub mod punctuation;
mod quotes;
mod signoff;
mod structure;
mod units;

pub use nianbao_report::figures;
use nianbao_report::{DocDate, Report};

pub use dates::today;
pub use finding::{
    Field, Finding, Fix, FixText, Location, MetaField, Rule, Severity, Span, Target,
};
pub use fix::{apply_fixes, punctuation_fixes};
pub use structure::NOTHING_ELSE;

use crate::units::Unit;

/// Checks the whole report. `today` places the deadlines (use [`today`] for the real one).
/// Findings come in document order: the title and dates, the structure, then every text
/// from the preface to the last part, then the deadlines.
pub fn check(report: &Report, today: DocDate) -> Vec<Finding> {
    let mut out = Vec::new();
    dates::title(report, &mut out);
    dates::doc_date(report, &mut out);
    structure::parts(report, &mut out);
    dates::plan_year(report, &mut out);
    let quotes = quotes::Quotes::new(report);
    for unit in units::collect(report) {
        let start = out.len();
        text_rules(&unit, report, &quotes, &mut out);
        out[start..].sort_by_key(|f| {
            (
                f.location.field == Field::Body,
                f.location.range.map_or(0, |r| r.start),
            )
        });
    }
    dates::deadlines(report, today, &mut out);
    signoff::plan(report, &mut out);
    signoff::review(report, &mut out);
    tracing::debug!(findings = out.len(), "checked report");
    out
}

/// How many findings of each severity: (errors, warnings, hints).
pub fn count(findings: &[Finding]) -> (usize, usize, usize) {
    findings
        .iter()
        .fold((0, 0, 0), |(e, w, h), f| match f.severity {
            Severity::Error => (e + 1, w, h),
            Severity::Warning => (e, w + 1, h),
            Severity::Hint => (e, w, h + 1),
        })
}

fn text_rules(
    unit: &Unit<'_>,
    report: &Report,
    quotes: &quotes::Quotes<'_>,
    out: &mut Vec<Finding>,
) {
    punctuation_and_pairs(unit, out);
    structure::heading_stops(unit, out);
    dates::date_formats(unit, out);
    // Each field as it prints, rendered once: its placeholders, and the claims, whose counts
    // may be placeholders.
    let printed = [Field::Text, Field::Body].map(|field| {
        (
            field,
            printed::Printed::new(unit.field(field), &report.figures),
        )
    });
    for (field, printed) in &printed {
        placeholders::check(unit, *field, printed, out);
    }
    quotes.check(unit, out);
    for (field, printed) in &printed {
        for claim in claims::claims(&printed.text)
            .into_iter()
            .filter(|c| !c.agrees)
        {
            let (en, zh) = claims::describe(&claim);
            out.push(Finding {
                location: unit.location(*field, Some(printed.typed(claim.span))),
                severity: Severity::Error,
                rule: Rule::Claim,
                message_en: en,
                message_zh: zh,
                fix: None,
            });
        }
    }
}

/// The name of a half-width mark, for messages.
fn mark_name(c: char) -> (&'static str, &'static str) {
    match c {
        ',' => ("comma", "逗号"),
        ':' => ("colon", "冒号"),
        ';' => ("semicolon", "分号"),
        '?' => ("question mark", "问号"),
        '!' => ("exclamation mark", "叹号"),
        '(' | ')' => ("bracket", "括号"),
        _ => ("quotation mark", "引号"),
    }
}

fn punctuation_and_pairs(unit: &Unit<'_>, out: &mut Vec<Finding>) {
    let mut fixed = FixText {
        text: unit.text.into(),
        body: unit.body.into(),
    };
    let mut marks: Vec<(Field, punctuation::Edit)> = Vec::new();
    for field in [Field::Text, Field::Body] {
        let text = unit.field(field);
        if text.is_empty() {
            continue;
        }
        let mut chars: Vec<char> = text.chars().collect();
        let edits = punctuation::scan(&chars);
        for e in &edits {
            chars[e.at] = e.to;
            marks.push((field, *e));
        }
        if !edits.is_empty() {
            let s: String = chars.iter().collect();
            match field {
                Field::Text => fixed.text = s,
                Field::Body => fixed.body = s,
            }
        }
        // Pairs are judged on the text as it will read once the marks are full-width.
        for at in pairs::unpaired(&chars) {
            let c = chars[at];
            let (partner, zh_name, en_name) = pairs::describe(c);
            out.push(Finding {
                location: unit.location(
                    field,
                    Some(Span {
                        start: at,
                        end: at + 1,
                    }),
                ),
                severity: Severity::Error,
                rule: Rule::Unpaired,
                message_en: format!(
                    "unpaired {en_name}: '{c}' has no matching '{partner}' in this paragraph"
                ),
                message_zh: format!("{zh_name}不配对：“{c}”在本段中没有对应的“{partner}”。"),
                fix: None,
            });
        }
    }
    if marks.is_empty() {
        return;
    }
    let fix = Fix {
        target: unit.target.clone(),
        before: Some(FixText {
            text: unit.text.into(),
            body: unit.body.into(),
        }),
        after: fixed,
    };
    for (field, e) in marks {
        let (en, zh) = mark_name(e.from);
        out.push(Finding {
            location: unit.location(
                field,
                Some(Span {
                    start: e.at,
                    end: e.at + 1,
                }),
            ),
            severity: Severity::Error,
            rule: Rule::Punctuation,
            message_en: format!(
                "half-width {en} '{}' in Chinese text; use the full-width '{}'",
                e.from, e.to
            ),
            message_zh: format!("中文中使用了半角{zh}“{}”，应使用全角“{}”。", e.from, e.to),
            fix: Some(fix.clone()),
        });
    }
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Block, Heading, Paragraph, synthetic, template};

    use super::*;

    fn today() -> DocDate {
        DocDate::new(2024, 2, 18).unwrap()
    }

    #[test]
    fn the_synthetic_report_has_only_hints_and_the_missing_date() {
        let f = check(&synthetic::report(5), today());
        let rules: Vec<_> = f.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            rules,
            [
                (Rule::Date, Severity::Warning),
                (Rule::Deadline, Severity::Hint),
                (Rule::Deadline, Severity::Hint),
                (Rule::Review, Severity::Hint),
            ]
        );
    }

    #[test]
    fn findings_carry_ids_paths_and_labels() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.meta.date = DocDate::new(2024, 3, 28).ok();
        let mut h = Heading::new("强化组织领导,引领政治建设");
        h.id = Some(41);
        let mut p = Paragraph::new("成立了法治政府建设工作领导小组。");
        p.id = Some(42);
        let mut q = Paragraph::new("组织专题学习《宪法》、《民法典等法律法规。");
        q.id = Some(43);
        h.children = vec![Block::Paragraph(p), Block::Paragraph(q)];
        r.parts[0].blocks = vec![Block::Heading(h)];
        for part in &mut r.parts[1..] {
            part.blocks = vec![Block::Paragraph(Paragraph::new("无。"))];
        }
        let f: Vec<_> = check(&r, today())
            .into_iter()
            .filter(|f| !matches!(f.rule, Rule::Deadline | Rule::Review))
            .collect();
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(f[0].rule, Rule::Punctuation);
        assert_eq!(
            f[0].location.target,
            Target::Block {
                part: 0,
                path: vec![0],
                id: Some(41)
            }
        );
        assert_eq!(f[0].location.label, "一、（一）");
        assert_eq!(f[0].location.range, Some(Span { start: 6, end: 7 }));
        assert_eq!(
            f[0].fix.as_ref().unwrap().after.text,
            "强化组织领导，引领政治建设"
        );
        assert_eq!(f[1].rule, Rule::Unpaired);
        assert_eq!(f[1].location.label, "一、（一）¶2");
        assert_eq!(f[1].location.describe_en(), "一、（一）¶2, char 12");
        assert_eq!(
            f[1].location.target,
            Target::Block {
                part: 0,
                path: vec![0, 1],
                id: Some(43)
            }
        );
        let json = serde_json::to_value(&f[0]).unwrap();
        assert_eq!(json["severity"], "error");
        assert_eq!(json["rule"], "punctuation");
        assert_eq!(json["location"]["target"]["in"], "block");
        assert_eq!(json["location"]["target"]["id"], 41);
        assert_eq!(json["location"]["range"]["start"], 6);
        assert_eq!(json["fix"]["after"]["text"], "强化组织领导，引领政治建设");
    }

    #[test]
    fn a_mixed_pair_is_not_unpaired() {
        // （…) : the half-width closing bracket is a punctuation finding, not a pairing one.
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(
            "学习《北京市大兴区全面依法治区规划（2022-2025年)》。",
        ))];
        let rules: Vec<_> = check(&r, today())
            .into_iter()
            .filter(|f| matches!(f.rule, Rule::Punctuation | Rule::Unpaired))
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, [Rule::Punctuation]);
    }

    #[test]
    fn claims_are_findings() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(
            "共计7件。案件总量比去年15件案件，降低了9件，败诉案件量比去年4件降低了3件，案件总量和败诉率分别降低60%和75%。",
        ))];
        let f: Vec<_> = check(&r, today())
            .into_iter()
            .filter(|f| f.rule == Rule::Claim)
            .collect();
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.severity == Severity::Error));
        assert_eq!(
            f.iter()
                .map(|f| f.location.range.unwrap().start)
                .collect::<Vec<_>>(),
            [21, 52]
        );
        assert!(
            f[1].message_en.contains("a fall of 53.33%"),
            "{}",
            f[1].message_en
        );
    }

    #[test]
    fn claims_read_the_counts_placeholders_print_and_point_at_the_typed_text() {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        let cases = (r.figures.iter_mut())
            .find(|f| f.key == "reconsideration_cases")
            .expect("a template figure");
        cases.value = Some("6".into());
        cases.last_value = Some("15".into());
        let typed = "行政复议案件{{数据：reconsideration_cases}}，比去年{{数据：reconsideration_cases|上年}}降低了8件。";
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(typed))];
        let claims = |r: &Report| -> Vec<Finding> {
            (check(r, today()).into_iter())
                .filter(|f| f.rule == Rule::Claim)
                .collect()
        };
        let f = claims(&r);
        assert_eq!(f.len(), 1, "{f:#?}");
        let range = f[0].location.range.unwrap();
        let stated: String = (typed.chars())
            .skip(range.start)
            .take(range.end - range.start)
            .collect();
        assert_eq!(stated, "8件");
        assert!(f[0].message_zh.contains('9'), "{}", f[0].message_zh);

        let Block::Paragraph(p) = &mut r.parts[0].blocks[0] else {
            unreachable!()
        };
        p.text = typed.replace("降低了8件", "降低了9件");
        assert!(claims(&r).is_empty());
    }
}
