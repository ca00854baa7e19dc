//! Placeholders that print a 〔…〕 note instead of a number: a figure not filled in, a key no
//! figure has, a grammar slip, a change against zero, a sum of different units. Each is an
//! error, since the note would reach the exported document.

use nianbao_report::figures::{Segment, TokenProblem};

use crate::{
    finding::{Field, Finding, Rule, Severity},
    printed::Printed,
    units::Unit,
};

/// One error per placeholder of `field` (as printed: `printed`) that cannot print its number.
pub(crate) fn check(unit: &Unit<'_>, field: Field, printed: &Printed<'_>, out: &mut Vec<Finding>) {
    for (span, token) in printed.tokens() {
        if let Segment::Token {
            source,
            rendered,
            problem: Some(problem),
            ..
        } = token
        {
            let (en, zh) = describe(problem, source, rendered);
            out.push(Finding {
                location: unit.location(field, Some(span)),
                severity: Severity::Error,
                rule: Rule::Placeholder,
                message_en: en,
                message_zh: zh,
                fix: None,
            });
        }
    }
}

fn describe(problem: &TokenProblem, source: &str, note: &str) -> (String, String) {
    let en = format!("{source} prints {note}: {}", problem.describe_en());
    let zh = match problem {
        TokenProblem::Unfilled { name, last_year } => format!(
            "数据项“{name}”尚未填写{}值，导出时印作“{note}”。",
            if *last_year { "上年" } else { "本年" }
        ),
        TokenProblem::Unknown { key } => {
            format!("引用了不存在的数据项“{key}”，导出时印作“{note}”。")
        }
        TokenProblem::Malformed { .. } => {
            format!("数据引用“{source}”写法有误，导出时印作“{note}”。")
        }
        TokenProblem::NoBase { name } => {
            format!("“{name}”为0，无法计算变化或占比，导出时印作“{note}”。")
        }
        TokenProblem::MixedUnits { names } => format!(
            "相加的数据项单位不一致（{}），导出时印作“{note}”。",
            names.join("、")
        ),
    };
    (en, zh)
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Block, DocDate, Paragraph, Report, template};

    use crate::{Rule, Severity, check};

    fn report(text: &str) -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(text))];
        let f = r
            .figures
            .iter_mut()
            .find(|f| f.key == "lost_cases")
            .unwrap();
        f.value = Some("1".into());
        f.last_value = Some("4".into());
        r
    }

    fn findings(r: &Report) -> Vec<crate::Finding> {
        check(r, DocDate::new(2024, 2, 18).unwrap())
            .into_iter()
            .filter(|f| f.rule == Rule::Placeholder)
            .collect()
    }

    #[test]
    fn unfilled_and_unknown_placeholders_are_errors_at_their_place() {
        let r = report(
            "全年受理行政复议案件{{数据：reconsideration_cases}}，败诉{{数据：lost_cases}}，普法{{数据：no_such}}。",
        );
        let f = findings(&r);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|f| f.severity == Severity::Error));
        let span = f[0].location.range.unwrap();
        assert_eq!(
            (span.start, span.end),
            (10, 10 + "{{数据：reconsideration_cases}}".chars().count())
        );
        assert_eq!(
            f[0].message_zh,
            "数据项“行政复议案件数”尚未填写本年值，导出时印作“〔待填：行政复议案件数〕”。"
        );
        assert_eq!(
            f[0].message_en,
            "{{数据：reconsideration_cases}} prints 〔待填：行政复议案件数〕: 行政复议案件数: this year's value not filled in"
        );
        assert!(
            f[1].message_zh.contains("〔未知数据项：no_such〕"),
            "{}",
            f[1].message_zh
        );
        assert_eq!(f[1].location.label, "一、¶1");
    }

    #[test]
    fn filled_placeholders_and_plain_braces_are_fine() {
        let r = report("败诉案件{{数据：lost_cases}}，较上年{{数据：lost_cases|变化}}。{a}");
        assert_eq!(findings(&r), []);
        // Last year's value missing: the change cannot print.
        let mut r = report("败诉案件{{数据：lost_cases|变化}}。");
        r.figures
            .iter_mut()
            .find(|f| f.key == "lost_cases")
            .unwrap()
            .last_value = None;
        let f = findings(&r);
        assert_eq!(f.len(), 1);
        assert!(f[0].message_zh.contains("上年值"), "{}", f[0].message_zh);
    }

    #[test]
    fn a_malformed_placeholder_in_a_run_in_body_is_found() {
        let mut r = report("无。");
        let mut h = nianbao_report::Heading::new("强化复议应诉。");
        h.body = "共{{数据：lost_cases|平均}}。".into();
        r.parts[1].blocks = vec![Block::Heading(h)];
        let f = findings(&r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].location.field, crate::Field::Body);
        assert_eq!(f[0].location.range.unwrap().start, 1);
        assert!(f[0].message_en.contains("〔数据引用有误〕"));
    }
}
