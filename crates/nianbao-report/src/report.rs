//! The report: meta, preface and an ordered list of parts, each a tree of blocks.

use serde::{Deserialize, Serialize};

use crate::{DocDate, HeadingLevel, PlanItem, Review, Template, figures::Figure, template};

/// One annual report. Numbering is never stored: it follows from the order of parts and blocks.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// What stands around the body: issuer, year, title, recipient, signature, date, 版记.
    pub meta: Meta,
    /// 导语: the paragraphs between the recipient line and part 一.
    #[serde(default)]
    pub preface: Vec<Paragraph>,
    /// The parts in order; each is numbered 一、二、… by position.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// 数据项: the figures the text may quote, in the drafter's order.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Last year's 下一年度主要安排, carried over as a checklist for this year's part 一.
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    /// The 保密审查 before publication, once recorded.
    #[serde(default)]
    pub review: Option<Review>,
}

/// The report's meta data.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Id of the template the report follows (file `assets/templates/{id}.toml`).
    #[serde(default = "default_template")]
    pub template: String,
    /// 机关全称: the full name of the issuing organ.
    pub issuer: String,
    /// 年度: the year reported on.
    pub year: u16,
    /// 标题 when the drafter overrode the generated one; a `\n` is a forced line break.
    #[serde(default)]
    pub title: Option<String>,
    /// 主送机关, without the trailing colon (e.g. `区委、区政府`).
    #[serde(default)]
    pub recipient: Option<String>,
    /// 署名 when it differs from the issuer.
    #[serde(default)]
    pub signature: Option<String>,
    /// 成文日期.
    #[serde(default)]
    pub date: Option<DocDate>,
    /// 附件说明: attachment names in order, without numbers or final punctuation.
    #[serde(default)]
    pub attachments: Vec<String>,
    /// 版记, for the formally submitted copy.
    #[serde(default)]
    pub imprint: Option<Imprint>,
    /// Sign-off laid out for a seal (7.3.5.1) instead of unsealed (7.3.5.2).
    #[serde(default)]
    pub sealed: bool,
}

fn default_template() -> String {
    template::DEFAULT_ID.to_string()
}

/// 版记 (GB/T 9704 7.4): 抄送, 印发机关 and 印发日期.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imprint {
    /// 抄送机关, as they are to be listed (without `抄送：` and the final `。`).
    #[serde(default)]
    pub cc: Option<String>,
    /// 印发机关.
    pub printer: String,
    /// 印发日期.
    pub date: DocDate,
}

/// A first-level part of the report, numbered 一、二、….
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// Row id once stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(type = "number", optional))]
    pub id: Option<i64>,
    /// Key of the template's statutory part this part fills; `None` for an extra part.
    #[serde(default)]
    pub statutory: Option<String>,
    /// The heading sentence, without its marker.
    pub heading: String,
    /// Run-in body: text that follows the heading in the same paragraph.
    #[serde(default)]
    pub body: String,
    /// Headings of level two and paragraphs, in order.
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// A block inside a part: a heading (with its own children) or a paragraph.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading one level below its parent.
    Heading(Heading),
    /// A body paragraph.
    Paragraph(Paragraph),
}

/// A heading of level two to four; its level is its depth below the part.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// Row id once stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(type = "number", optional))]
    pub id: Option<i64>,
    /// The heading sentence, without its marker (a run-in one keeps its final `。`).
    pub text: String,
    /// Run-in body: text that follows the heading in the same paragraph.
    #[serde(default)]
    pub body: String,
    /// What the heading governs.
    #[serde(default)]
    pub children: Vec<Block>,
}

/// A body paragraph.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Row id once stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(type = "number", optional))]
    pub id: Option<i64>,
    /// The paragraph's text.
    pub text: String,
}

/// A block tree that no layout can number.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StructureError {
    #[error("part {part}: headings are nested deeper than level 4")]
    TooDeep { part: usize },
    #[error("the issuer (机关全称) is empty")]
    NoIssuer,
    #[error("the year {0} is out of range")]
    Year(u16),
}

impl Paragraph {
    /// A paragraph not yet stored.
    pub fn new(text: impl Into<String>) -> Self {
        Paragraph {
            id: None,
            text: text.into(),
        }
    }

    /// Whether the paragraph holds nothing to print (a placeholder the drafter left empty).
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl Heading {
    /// A heading with neither body nor children, not yet stored.
    pub fn new(text: impl Into<String>) -> Self {
        Heading {
            id: None,
            text: text.into(),
            body: String::new(),
            children: Vec::new(),
        }
    }
}

impl Part {
    /// An extra part (not a statutory one) with the given heading.
    pub fn new(heading: impl Into<String>) -> Self {
        Part {
            id: None,
            statutory: None,
            heading: heading.into(),
            body: String::new(),
            blocks: Vec::new(),
        }
    }
}

impl Meta {
    /// Meta for a new report of the default template.
    pub fn new(issuer: impl Into<String>, year: u16) -> Self {
        Meta {
            template: default_template(),
            issuer: issuer.into(),
            year,
            title: None,
            recipient: None,
            signature: None,
            date: None,
            attachments: Vec::new(),
            imprint: None,
            sealed: false,
        }
    }
}

impl Report {
    /// A new report with one part per statutory part of `template`; the preface and each part
    /// start with one empty paragraph, where the editor shows the part's 写作提示.
    pub fn from_template(template: &Template, issuer: impl Into<String>, year: u16) -> Self {
        let mut meta = Meta::new(issuer, year);
        meta.template = template.id.clone();
        let parts = template
            .parts
            .iter()
            .map(|p| Part {
                statutory: Some(p.key.clone()),
                blocks: vec![Block::Paragraph(Paragraph::new(""))],
                ..Part::new(template.render(&p.heading, &meta))
            })
            .collect();
        Report {
            meta,
            preface: vec![Paragraph::new("")],
            parts,
            figures: template.seed_figures(),
            plan: Vec::new(),
            review: None,
        }
    }

    /// A report with this meta and nothing else (no text, figures, plan or review).
    pub fn empty(meta: Meta) -> Self {
        Report {
            meta,
            preface: Vec::new(),
            parts: Vec::new(),
            figures: Vec::new(),
            plan: Vec::new(),
            review: None,
        }
    }

    /// The figure with this key.
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.key == key)
    }

    /// The template this report follows (the default one when its id is unknown).
    pub fn template(&self) -> &'static Template {
        template::builtin(&self.meta.template).unwrap_or_else(template::default_template)
    }

    /// The title: the drafter's, or the template's pattern filled in.
    pub fn title(&self) -> String {
        match &self.meta.title {
            Some(t) if !t.trim().is_empty() => t.clone(),
            _ => {
                let tpl = self.template();
                tpl.render(&tpl.title_pattern, &self.meta)
            }
        }
    }

    /// 署名: the drafter's, or the issuer.
    pub fn signature(&self) -> &str {
        match &self.meta.signature {
            Some(s) if !s.trim().is_empty() => s,
            _ => &self.meta.issuer,
        }
    }

    /// Checks what the editor and importer cannot rule out by construction.
    pub fn validate(&self) -> Result<(), StructureError> {
        if self.meta.issuer.trim().is_empty() {
            return Err(StructureError::NoIssuer);
        }
        if !(1900..=9999).contains(&self.meta.year) {
            return Err(StructureError::Year(self.meta.year));
        }
        for (i, part) in self.parts.iter().enumerate() {
            if depth(&part.blocks) > 3 {
                return Err(StructureError::TooDeep { part: i + 1 });
            }
        }
        Ok(())
    }

    /// Calls `f` for every block in document order with its heading level context.
    pub fn walk(&self, mut f: impl FnMut(Visit<'_>)) {
        for (pi, part) in self.parts.iter().enumerate() {
            f(Visit::Part {
                part,
                marker: HeadingLevel::One.marker(pi + 1),
            });
            walk_blocks(&part.blocks, HeadingLevel::Two, &mut f);
        }
    }
}

/// One step of [`Report::walk`].
#[derive(Debug, Clone)]
pub enum Visit<'a> {
    /// A part, with its generated marker.
    Part { part: &'a Part, marker: String },
    /// A heading with its level and generated marker.
    Heading {
        heading: &'a Heading,
        level: HeadingLevel,
        marker: String,
    },
    /// A paragraph.
    Paragraph(&'a Paragraph),
}

fn walk_blocks<'a>(blocks: &'a [Block], level: HeadingLevel, f: &mut impl FnMut(Visit<'a>)) {
    let mut n = 0;
    for block in blocks {
        match block {
            Block::Paragraph(p) => f(Visit::Paragraph(p)),
            Block::Heading(h) => {
                n += 1;
                f(Visit::Heading {
                    heading: h,
                    level,
                    marker: level.marker(n),
                });
                // Too-deep trees are refused by `validate`; walking them clamps at level four.
                walk_blocks(&h.children, level.child().unwrap_or(level), f);
            }
        }
    }
}

/// How many heading levels a block list nests (0 for paragraphs only).
fn depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading(h) => 1 + depth(&h.children),
            Block::Paragraph(_) => 0,
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        let mut r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        let mut h = Heading::new("加快推进政府职能转变");
        h.children
            .push(Block::Paragraph(Paragraph::new("加大放管服改革力度。")));
        let mut item = Heading::new("积极走访企业，稳企解困。");
        item.body = "以重点企业联络员制度为抓手。".into();
        h.children.push(Block::Heading(item));
        h.children
            .push(Block::Heading(Heading::new("优化营商环境。")));
        r.parts[0].blocks = vec![
            Block::Heading(Heading::new("强化组织领导")),
            Block::Heading(h),
        ];
        r
    }

    #[test]
    fn new_report_has_the_statutory_parts() {
        let r = Report::from_template(template::default_template(), "某镇人民政府", 2023);
        assert_eq!(r.parts.len(), 5);
        assert_eq!(r.parts[3].heading, "2024年度推进法治政府建设的主要安排");
        assert_eq!(r.parts[0].statutory.as_deref(), Some("measures"));
        assert_eq!(r.title(), "某镇人民政府2023年法治政府建设年度情况报告");
        assert_eq!(r.signature(), "某镇人民政府");
    }

    #[test]
    fn walk_numbers_headings_by_position_among_headings() {
        let mut seen = Vec::new();
        sample().walk(|v| match v {
            Visit::Part { marker, .. } => seen.push(marker),
            Visit::Heading { marker, .. } => seen.push(marker),
            Visit::Paragraph(_) => seen.push("¶".into()),
        });
        assert_eq!(
            seen,
            [
                "一、",
                "（一）",
                "（二）",
                "¶",
                "1.",
                "2.",
                "二、",
                "¶",
                "三、",
                "¶",
                "四、",
                "¶",
                "五、",
                "¶"
            ]
        );
    }

    #[test]
    fn json_round_trip_and_schema_shape() {
        let r = sample();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["parts"][0]["blocks"][1]["kind"], "heading");
        assert_eq!(
            json["parts"][0]["blocks"][1]["children"][0]["kind"],
            "paragraph"
        );
        let back: Report = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn validate_refuses_a_fifth_level() {
        let mut r = sample();
        let mut l4 = Heading::new("四级");
        l4.children.push(Block::Heading(Heading::new("五级")));
        let mut l3 = Heading::new("三级");
        l3.children.push(Block::Heading(l4));
        let mut l2 = Heading::new("二级");
        l2.children.push(Block::Heading(l3));
        r.parts[1].blocks.push(Block::Heading(l2));
        assert_eq!(r.validate(), Err(StructureError::TooDeep { part: 2 }));
        assert_eq!(sample().validate(), Ok(()));
    }
}
