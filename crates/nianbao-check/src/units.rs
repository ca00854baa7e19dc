//! The report's texts in document order, each with where it is: the unit every text rule
//! works on.

use nianbao_report::{Block, HeadingLevel, Report};

use crate::finding::{Field, Location, MetaField, Span, Target};

/// What kind of text a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Meta(MetaField),
    Preface,
    /// A part's heading (level 1) and body.
    Part,
    Heading(HeadingLevel),
    Paragraph,
}

/// One target's text and body.
#[derive(Debug, Clone)]
pub(crate) struct Unit<'a> {
    pub target: Target,
    pub label: String,
    pub kind: Kind,
    pub text: &'a str,
    pub body: &'a str,
}

impl Unit<'_> {
    pub fn location(&self, field: Field, range: Option<Span>) -> Location {
        Location {
            target: self.target.clone(),
            field,
            range,
            label: self.label.clone(),
        }
    }

    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Text => self.text,
            Field::Body => self.body,
        }
    }
}

/// Every text of the report that the drafter typed, in print order: the overridden title,
/// issuer, recipient, signature, the preface, then each part's heading, body and blocks.
pub(crate) fn collect(report: &Report) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    let meta = &report.meta;
    let metas: [(MetaField, Option<&str>); 4] = [
        (MetaField::Title, meta.title.as_deref()),
        (MetaField::Issuer, Some(meta.issuer.as_str())),
        (MetaField::Recipient, meta.recipient.as_deref()),
        (MetaField::Signature, meta.signature.as_deref()),
    ];
    for (field, value) in metas {
        if let Some(text) = value.filter(|t| !t.trim().is_empty()) {
            out.push(Unit {
                target: Target::Meta { field },
                label: String::new(),
                kind: Kind::Meta(field),
                text,
                body: "",
            });
        }
    }
    for (index, p) in report.preface.iter().enumerate() {
        out.push(Unit {
            target: Target::Preface { index, id: p.id },
            label: format!("¶{}", index + 1),
            kind: Kind::Preface,
            text: &p.text,
            body: "",
        });
    }
    for (pi, part) in report.parts.iter().enumerate() {
        let label = HeadingLevel::One.marker(pi + 1);
        out.push(Unit {
            target: Target::Part {
                part: pi,
                id: part.id,
            },
            label: label.clone(),
            kind: Kind::Part,
            text: &part.heading,
            body: &part.body,
        });
        let mut path = Vec::new();
        blocks(
            &part.blocks,
            pi,
            &mut path,
            &label,
            HeadingLevel::Two,
            &mut out,
        );
    }
    out
}

fn blocks<'a>(
    list: &'a [Block],
    part: usize,
    path: &mut Vec<usize>,
    parent_label: &str,
    level: HeadingLevel,
    out: &mut Vec<Unit<'a>>,
) {
    let (mut headings, mut paragraphs) = (0, 0);
    for (i, block) in list.iter().enumerate() {
        path.push(i);
        match block {
            Block::Paragraph(p) => {
                paragraphs += 1;
                out.push(Unit {
                    target: Target::Block {
                        part,
                        path: path.clone(),
                        id: p.id,
                    },
                    label: format!("{parent_label}¶{paragraphs}"),
                    kind: Kind::Paragraph,
                    text: &p.text,
                    body: "",
                });
            }
            Block::Heading(h) => {
                headings += 1;
                let label = format!("{parent_label}{}", level.marker(headings));
                out.push(Unit {
                    target: Target::Block {
                        part,
                        path: path.clone(),
                        id: h.id,
                    },
                    label: label.clone(),
                    kind: Kind::Heading(level),
                    text: &h.text,
                    body: &h.body,
                });
                // Too-deep trees are refused by validate; clamp at level four like walk().
                let child = level.child().unwrap_or(level);
                blocks(&h.children, part, path, &label, child, out);
            }
        }
        path.pop();
    }
}
