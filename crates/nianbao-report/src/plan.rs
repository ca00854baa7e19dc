//! 承上启下: last year's 下一年度主要安排 as this year's checklist, and the 保密审查 before
//! publication.

use serde::{Deserialize, Serialize};

use crate::{Block, DocDate, HeadingLevel, Report};

/// One planned item carried from last year's part 四, to be linked to the block of this
/// year's report that says what became of it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    /// Row id once stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(type = "number", optional))]
    pub id: Option<i64>,
    /// The planned item, as last year's report worded it.
    pub text: String,
    /// Where it was planned: `2023年度报告 四、（一）`.
    #[serde(default)]
    pub source: String,
    /// Id of the block of this report that reports on it; `None` while unlinked.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub block: Option<i64>,
}

/// The 保密审查 (secrecy review) recorded before 定稿 and publication: the three ticks and
/// the day, and a fingerprint of the printed content it was recorded on.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// 不涉及国家秘密.
    pub no_state_secrets: bool,
    /// 不含个人信息.
    pub no_personal_info: bool,
    /// 不含内部数据或仅限内部使用的数字.
    pub no_internal_figures: bool,
    /// The day it was recorded.
    pub date: DocDate,
    /// [`Report::fingerprint`] of the report when it was recorded.
    pub fingerprint: String,
}

/// Where the 保密审查 of a report stands.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Never recorded (or cleared).
    Missing,
    /// Recorded, but the printed content changed since.
    Stale,
    /// Recorded for the content as it is.
    Current,
}

impl Review {
    /// Whether all three ticks are set.
    pub fn is_complete(&self) -> bool {
        self.no_state_secrets && self.no_personal_info && self.no_internal_figures
    }
}

impl Report {
    /// Where the 保密审查 stands: a review holds only while every tick is set and the printed
    /// content (figures' quotes included) is what it was recorded on.
    pub fn review_state(&self) -> ReviewState {
        match &self.review {
            None => ReviewState::Missing,
            Some(r) if r.is_complete() && r.fingerprint == self.fingerprint() => {
                ReviewState::Current
            }
            Some(_) => ReviewState::Stale,
        }
    }

    /// A review of the report as it is now, dated `date`, with the three ticks set.
    pub fn review_now(&self, date: DocDate) -> Review {
        Review {
            no_state_secrets: true,
            no_personal_info: true,
            no_internal_figures: true,
            date,
            fingerprint: self.fingerprint(),
        }
    }

    /// The planned items of this report's part 四 (下一年度主要安排), for next year's report:
    /// its level-2 headings, or its paragraphs when it has none.
    pub fn planned_items(&self) -> Vec<PlanItem> {
        let Some((index, part)) = self
            .parts
            .iter()
            .enumerate()
            .find(|(_, p)| p.statutory.as_deref() == Some("plans"))
        else {
            return Vec::new();
        };
        let source = format!(
            "{}年度报告 {}",
            self.meta.year,
            HeadingLevel::One.marker(index + 1)
        );
        let item = |text: &str, marker: &str| PlanItem {
            id: None,
            text: text.trim().trim_end_matches(['。', '；', '，']).to_string(),
            source: format!("{source}{marker}"),
            block: None,
        };
        let headings: Vec<PlanItem> = part
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h),
                Block::Paragraph(_) => None,
            })
            .enumerate()
            .map(|(i, h)| item(&h.text, &HeadingLevel::Two.marker(i + 1)))
            .filter(|p| !p.text.is_empty())
            .collect();
        if !headings.is_empty() {
            return headings;
        }
        part.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) if !p.is_blank() => Some(p),
                _ => None,
            })
            .enumerate()
            .map(|(i, p)| {
                item(
                    &crate::figures::render(&p.text, &self.figures),
                    &format!("¶{}", i + 1),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Block, DocDate, Heading, Paragraph, Report, ReviewState, template};

    fn report() -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        r.parts[0].blocks = vec![Block::Paragraph(Paragraph::new(
            "全年受理{{数据：reconsideration_cases}}。",
        ))];
        r.figures[0].value = Some("5".into());
        r
    }

    #[test]
    fn plan_items_are_the_level_two_headings_or_the_paragraphs() {
        let mut r = report();
        r.parts[3].blocks = vec![
            Block::Paragraph(Paragraph::new("总体思路。")),
            Block::Heading(Heading::new("持续深化法治政府建设。")),
            Block::Heading(Heading::new("加强行政执法监督")),
        ];
        let items = r.planned_items();
        let texts: Vec<_> = items
            .iter()
            .map(|i| (i.text.as_str(), i.source.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("持续深化法治政府建设", "2023年度报告 四、（一）"),
                ("加强行政执法监督", "2023年度报告 四、（二）")
            ]
        );
        r.parts[3].blocks = vec![
            Block::Paragraph(Paragraph::new("一是加强学习。")),
            Block::Paragraph(Paragraph::new("")),
            Block::Paragraph(Paragraph::new("二是强化监督。")),
        ];
        let texts: Vec<_> = r.planned_items().into_iter().map(|i| i.text).collect();
        assert_eq!(texts, ["一是加强学习", "二是强化监督"]);
    }

    #[test]
    fn a_review_holds_for_the_printed_content_only() {
        let mut r = report();
        assert_eq!(r.review_state(), ReviewState::Missing);
        r.review = Some(r.review_now(DocDate::new(2024, 3, 20).unwrap()));
        assert_eq!(r.review_state(), ReviewState::Current);
        // A figure a quote prints changes the printed text: the review no longer holds.
        r.figures[0].value = Some("6".into());
        assert_eq!(r.review_state(), ReviewState::Stale);
        r.figures[0].value = Some("5".into());
        assert_eq!(r.review_state(), ReviewState::Current);
        // A figure no text quotes, or a plan link, prints nothing: the review holds.
        r.figures[1].value = Some("1".into());
        assert_eq!(r.review_state(), ReviewState::Current);
        r.parts[0]
            .blocks
            .push(Block::Paragraph(Paragraph::new("新增一句。")));
        assert_eq!(r.review_state(), ReviewState::Stale);
        r.parts[0].blocks.pop();
        r.review.as_mut().unwrap().no_personal_info = false;
        assert_eq!(r.review_state(), ReviewState::Stale);
    }
}
