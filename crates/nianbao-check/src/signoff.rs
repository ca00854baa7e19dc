//! What must be settled before 定稿: every planned item of last year's part 四 linked to the
//! block that reports on it (承上启下), and the 保密审查 recorded for the text as it is.

use std::collections::HashSet;

use nianbao_report::{Block, Report, ReviewState};

use crate::finding::{Finding, Location, Rule, Severity};

/// One warning per planned item that no block of the report answers. A link to a block the
/// report no longer holds counts as none (a report read from JSON may carry stale ids).
pub(crate) fn plan(report: &Report, out: &mut Vec<Finding>) {
    if report.plan.is_empty() {
        return;
    }
    let mut ids = HashSet::new();
    for part in &report.parts {
        ids.extend(part.id);
        block_ids(&part.blocks, &mut ids);
    }
    for item in &report.plan {
        // Without any stored id (a report never saved) a link cannot be verified: trust it.
        let linked = item
            .block
            .is_some_and(|b| ids.is_empty() || ids.contains(&b));
        if linked {
            continue;
        }
        let source = if item.source.is_empty() {
            String::new()
        } else {
            format!(" ({})", item.source)
        };
        let source_zh = if item.source.is_empty() {
            String::new()
        } else {
            format!("（{}）", item.source)
        };
        out.push(Finding {
            location: Location {
                label: item.source.clone(),
                ..Location::report()
            },
            severity: Severity::Warning,
            rule: Rule::PlanUnlinked,
            message_en: format!(
                "last year's planned item “{}”{source} is linked to no block; link it to the text that reports on it",
                item.text
            ),
            message_zh: format!(
                "承上启下：上年度安排“{}”{source_zh}尚未关联到本年度报告的相应内容。",
                item.text
            ),
            fix: None,
        });
    }
}

fn block_ids(blocks: &[Block], ids: &mut HashSet<i64>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => ids.extend(p.id),
            Block::Heading(h) => {
                ids.extend(h.id);
                block_ids(&h.children, ids);
            }
        }
    }
}

/// A hint while the 保密审查 is not recorded for the text as it is: 定稿 is refused until it
/// is. (The checker does not know the report's status; a report can only have been marked
/// 定稿 with a current review, so the hint shows on a final report only once it was edited.)
pub(crate) fn review(report: &Report, out: &mut Vec<Finding>) {
    let (en, zh) = match (report.review_state(), &report.review) {
        (ReviewState::Current, _) => return,
        (ReviewState::Stale, Some(r)) if r.is_complete() => (
            format!(
                "the text changed after the secrecy review (保密审查) of {}; record it again before marking the report final",
                r.date
            ),
            format!(
                "保密审查（{}）后报告内容已修改，定稿前须重新确认。",
                r.date.chinese()
            ),
        ),
        _ => (
            "the secrecy review (保密审查) is not recorded: before marking the report final, confirm it holds no state secrets, no personal information and no internal-only figures".to_string(),
            "尚未进行保密审查：定稿前须确认不涉及国家秘密、不含个人信息、不含内部数据。"
                .to_string(),
        ),
    };
    out.push(Finding {
        location: Location::report(),
        severity: Severity::Hint,
        rule: Rule::Review,
        message_en: en,
        message_zh: zh,
        fix: None,
    });
}

#[cfg(test)]
mod tests {
    use nianbao_report::{Block, DocDate, Paragraph, PlanItem, Report, template};

    use crate::{Finding, Rule, Severity, check};

    fn today() -> DocDate {
        DocDate::new(2024, 2, 18).unwrap()
    }

    fn report() -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2024);
        let mut p = Paragraph::new("全年组织专题学法12次，持续深化法治政府建设。");
        p.id = Some(31);
        r.parts[0].id = Some(30);
        r.parts[0].blocks = vec![Block::Paragraph(p)];
        let item = |id, text: &str, block| PlanItem {
            id: Some(id),
            text: text.into(),
            source: format!("2023年度报告 四、（{}）", if id == 1 { "一" } else { "二" }),
            block,
        };
        r.plan = vec![
            item(1, "持续深化法治政府建设", Some(31)),
            item(2, "加强行政执法监督", None),
        ];
        r
    }

    fn of(r: &Report, rule: Rule) -> Vec<Finding> {
        check(r, today())
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    #[test]
    fn one_warning_per_unlinked_planned_item() {
        let mut r = report();
        let f = of(&r, Rule::PlanUnlinked);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].message_zh,
            "承上启下：上年度安排“加强行政执法监督”（2023年度报告 四、（二））尚未关联到本年度报告的相应内容。"
        );
        assert_eq!(f[0].location.label, "2023年度报告 四、（二）");
        // Linked: nothing to say.
        r.plan[1].block = Some(30);
        assert_eq!(of(&r, Rule::PlanUnlinked), []);
        // A link to a block the report no longer holds is no link.
        r.plan[0].block = Some(99);
        let f = of(&r, Rule::PlanUnlinked);
        assert_eq!(f.len(), 1);
        assert!(f[0].message_en.contains("持续深化法治政府建设"));
        // No plan at all (a report not carried over): nothing.
        r.plan.clear();
        assert_eq!(of(&r, Rule::PlanUnlinked), []);
    }

    #[test]
    fn review_hint_until_recorded_and_again_after_an_edit() {
        let mut r = report();
        let f = of(&r, Rule::Review);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Hint);
        assert!(
            f[0].message_en.contains("not recorded"),
            "{}",
            f[0].message_en
        );
        r.review = Some(r.review_now(DocDate::new(2024, 3, 20).unwrap()));
        assert_eq!(of(&r, Rule::Review), []);
        // An edit that changes what prints voids it.
        r.preface[0].text = "2024年，我镇坚持依法行政。".into();
        let f = of(&r, Rule::Review);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message_zh,
            "保密审查（2024年3月20日）后报告内容已修改，定稿前须重新确认。"
        );
        // A review with a tick missing is no review.
        r.review = Some(r.review_now(DocDate::new(2024, 3, 21).unwrap()));
        r.review.as_mut().unwrap().no_internal_figures = false;
        assert!(of(&r, Rule::Review)[0].message_en.contains("not recorded"));
    }
}
