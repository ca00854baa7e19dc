//! The report as the sequence of paragraphs the .docx writer emits (crates/nianbao-docx
//! `build::document`), each with the shape that decides its line breaks.

use nianbao_report::{DocDate, Report, Visit, text};

use crate::geometry::{self as g, CELL, LINE_PITCH, SMALL_CELL};
use crate::metrics::Font;
use crate::model::{Align, SpanStyle};
use crate::placement;

/// Everything that decides how a paragraph breaks into lines: the cache key of the paginator.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Shape {
    /// The text in runs of one style.
    pub runs: Vec<(String, SpanStyle)>,
    /// Left edge of the first line, twips from the left of the 版心.
    pub first: i32,
    /// Left edge of the following lines.
    pub left: i32,
    /// Right indent, twips.
    pub right: i32,
    pub align: Align,
    /// Height of each line, twips.
    pub line_height: i32,
    /// Rules drawn below the paragraph take this much more, twips.
    pub after: i32,
    /// Whether a tab sends the rest of the line to the right edge (the 印发 line).
    pub right_tab: bool,
}

/// One paragraph of the document in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    pub shape: Shape,
    /// The stored block it shows, for click-to-jump.
    pub block: Option<i64>,
    /// Set on the first paragraph of the 版记, which with all after it stands at the foot of
    /// the page: the least space above it, twips (one empty line; two under a seal).
    pub foot: Option<i32>,
}

/// The type of a span style.
pub(crate) fn font(style: SpanStyle) -> Font {
    match style {
        SpanStyle::Title => Font {
            size: g::TITLE_SIZE,
            condensed: false,
        },
        SpanStyle::Imprint => Font {
            size: g::IMPRINT_SIZE,
            condensed: false,
        },
        SpanStyle::PageNumber => Font {
            size: g::PAGE_NUMBER_SIZE,
            condensed: false,
        },
        _ => Font {
            size: g::BODY_SIZE,
            condensed: true,
        },
    }
}

impl Shape {
    fn new(runs: Vec<(String, SpanStyle)>, align: Align) -> Self {
        Shape {
            runs,
            first: 0,
            left: 0,
            right: 0,
            align,
            line_height: LINE_PITCH,
            after: 0,
            right_tab: false,
        }
    }

    /// A body paragraph (or heading): 左空二字, justified.
    fn body(runs: Vec<(String, SpanStyle)>) -> Self {
        Shape {
            first: g::FIRST_LINE_INDENT,
            ..Shape::new(runs, Align::Justify)
        }
    }

    /// An empty line of the grid (空一行).
    fn blank() -> Self {
        Shape::new(Vec::new(), Align::Left)
    }
}

/// Removes what Word cannot store, as the writer does; CR of Windows line ends goes too.
fn clean(s: &str) -> String {
    let mut s: String = s.chars().filter(|&c| c != '\r').collect();
    text::strip_non_xml(&mut s);
    s
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The paragraphs of `report` in the order the exported .docx holds them.
pub(crate) fn paragraphs(report: &Report) -> Vec<Para> {
    let mut out = Vec::new();
    let mut push = |shape: Shape, block: Option<i64>| {
        out.push(Para {
            shape,
            block,
            foot: None,
        })
    };

    // 7.3.1: one centred paragraph per line the drafter ended with \n.
    for line in clean(&report.title()).split('\n') {
        push(
            Shape::new(vec![(line.to_string(), SpanStyle::Title)], Align::Center),
            None,
        );
    }
    push(Shape::blank(), None);
    if let Some(recipient) = report.meta.recipient.as_deref().filter(|r| !is_blank(r)) {
        let runs = vec![(format!("{}：", clean(recipient)), SpanStyle::Recipient)];
        push(Shape::new(runs, Align::Left), None);
    }
    for p in report.preface.iter().filter(|p| !p.is_blank()) {
        push(Shape::body(vec![(clean(&p.text), SpanStyle::Body)]), p.id);
    }
    let heading = |marker: &str, text: &str, body: &str, style: SpanStyle| {
        let mut runs = vec![(format!("{marker}{}", clean(text)), style)];
        if !body.is_empty() {
            runs.push((clean(body), SpanStyle::RunIn));
        }
        Shape::body(runs)
    };
    report.walk(|visit| match visit {
        Visit::Part { part, marker } => push(
            heading(&marker, &part.heading, &part.body, SpanStyle::Heading1),
            part.id,
        ),
        Visit::Heading {
            heading: h,
            level,
            marker,
        } => {
            let style = SpanStyle::HEADINGS[usize::from(level.number() - 1).min(3)];
            push(heading(&marker, &h.text, &h.body, style), h.id)
        }
        Visit::Paragraph(p) if p.is_blank() => {}
        Visit::Paragraph(p) => push(Shape::body(vec![(clean(&p.text), SpanStyle::Body)]), p.id),
    });

    // 7.3.4: 空一行, then the attachment note with wrapped names aligned.
    let names: Vec<String> = (report.meta.attachments.iter())
        .filter(|a| !is_blank(a))
        .map(|a| clean(a))
        .collect();
    if !names.is_empty() {
        push(Shape::blank(), None);
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        for line in placement::attachment_note(&refs) {
            push(
                Shape {
                    first: line.left - line.hanging,
                    left: line.left,
                    ..Shape::new(vec![(line.text, SpanStyle::Attachment)], Align::Justify)
                },
                None,
            );
        }
    }

    // 7.3.5: 空一行, 署名 and 成文日期 right-aligned at the computed indents.
    let signature = clean(report.signature());
    let date = report.meta.date.map(DocDate::chinese);
    let place = if report.meta.sealed {
        placement::sealed(&signature, date.as_deref())
    } else {
        placement::unsealed(&signature, date.as_deref())
    };
    push(Shape::blank(), None);
    let right = |text: String, style, indent| Shape {
        right: indent,
        ..Shape::new(vec![(text, style)], Align::Right)
    };
    push(
        right(signature, SpanStyle::Signature, place.signature_right),
        None,
    );
    if let Some(date) = date {
        push(right(date, SpanStyle::Date, place.date_right), None);
    }

    // 7.4: the 版记 between its rules, at the foot of the page (the paginator places it).
    if let Some(imprint) = &report.meta.imprint {
        let foot_from = out.len();
        // A seal pressed on the 署名 and 成文日期 reaches below the date: a second empty line
        // keeps it off the 版记's first rule.
        let clearance = if report.meta.sealed { 2 } else { 1 } * LINE_PITCH;
        let mut push = |shape: Shape, block: Option<i64>| {
            out.push(Para {
                shape,
                block,
                foot: (out.len() == foot_from).then_some(clearance),
            })
        };
        let rule = |eighths: usize| eighths as i32 * 20 / 8;
        let mut printer_top = rule(g::RULE_THICK);
        if let Some(cc) = imprint.cc.as_deref().filter(|c| !is_blank(c)) {
            push(
                Shape {
                    line_height: g::RULE_CARRIER_HEIGHT,
                    after: rule(g::RULE_THICK),
                    ..Shape::blank()
                },
                None,
            );
            let line = placement::cc_line(&clean(cc));
            push(
                Shape {
                    first: line.left - line.hanging,
                    left: line.left,
                    right: g::IMPRINT_INSET,
                    ..Shape::new(vec![(line.text, SpanStyle::Imprint)], Align::Justify)
                },
                None,
            );
            printer_top = rule(g::RULE_THIN);
        }
        let text = format!(
            "{}\t{}印发",
            clean(&imprint.printer),
            imprint.date.chinese()
        );
        push(
            Shape {
                first: g::IMPRINT_INSET,
                right: g::IMPRINT_INSET,
                line_height: LINE_PITCH + printer_top,
                after: rule(g::RULE_THICK),
                right_tab: true,
                ..Shape::new(vec![(text, SpanStyle::Imprint)], Align::Justify)
            },
            None,
        );
    }
    out
}

/// One 字 of the size a shape's lines are set in, for indents in cells.
pub(crate) fn cell_of(shape: &Shape) -> i32 {
    match shape.runs.first() {
        Some((_, SpanStyle::Imprint)) => SMALL_CELL,
        _ => CELL,
    }
}
