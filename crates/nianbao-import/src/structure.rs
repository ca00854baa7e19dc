//! The body as a tree: preface paragraphs, then parts (`一、`) holding headings (`（一）` `1.`
//! `（1）`) and paragraphs. A heading's level is its depth, whatever marker it was typed with.

use nianbao_report::{Block, Heading, HeadingLevel, Paragraph, Part};

use crate::{lines::Line, markers, warning::ImportWarning};

/// The preface and parts read from the body lines.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// Paragraphs before the first `一、`.
    pub preface: Vec<Paragraph>,
    /// The parts in order, not yet mapped to the template.
    pub parts: Vec<Part>,
}

/// A heading whose children are still being read.
struct Open {
    /// The level its marker was typed at; closes when a marker of this level or above comes.
    typed_level: u8,
    heading: Heading,
    /// Heading children so far, to check the next child's number.
    headings: usize,
}

struct Builder<'w> {
    body: Body,
    /// Level-2 headings of the current part so far.
    part_headings: usize,
    open: Vec<Open>,
    warnings: &'w mut Vec<ImportWarning>,
}

/// Reads body lines (title, recipient and sign-off already removed) into preface and parts.
pub(crate) fn build(lines: &[Line<'_>], warnings: &mut Vec<ImportWarning>) -> Body {
    let mut b = Builder {
        body: Body::default(),
        part_headings: 0,
        open: Vec::new(),
        warnings,
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let Some(mut marker) = markers::parse(line.text) else {
            b.paragraph(line.text);
            continue;
        };
        // `一、` alone on its line, with the heading on the next one.
        if marker.rest.is_empty()
            && let Some(next) = lines.get(i)
            && markers::parse(next.text).is_none()
        {
            marker.rest = next.text;
            i += 1;
        }
        if marker.level == 1 {
            b.part(line.no, marker);
        } else if b.body.parts.is_empty() {
            b.warnings.push(ImportWarning::HeadingBeforeFirstPart {
                line: line.no,
                marker: marker.typed.to_string(),
            });
            b.body.preface.push(Paragraph::new(line.text));
        } else {
            b.heading(line.no, marker);
        }
    }
    b.close_to(0);
    b.body
}

impl Builder<'_> {
    fn paragraph(&mut self, text: &str) {
        let p = Block::Paragraph(Paragraph::new(text));
        if let Some(top) = self.open.last_mut() {
            top.heading.children.push(p);
        } else if let Some(part) = self.body.parts.last_mut() {
            part.blocks.push(p);
        } else {
            self.body.preface.push(Paragraph::new(text));
        }
    }

    fn part(&mut self, line_no: usize, marker: markers::Marker<'_>) {
        self.close_to(0);
        self.check_sequence(line_no, &marker, self.body.parts.len() + 1);
        let (heading, body) = markers::split_run_in(marker.rest);
        if heading.is_empty() {
            self.warnings.push(ImportWarning::PartWithoutHeading {
                line: line_no,
                marker: marker.typed.to_string(),
            });
        }
        self.body.parts.push(Part {
            body: body.to_string(),
            ..Part::new(heading)
        });
        self.part_headings = 0;
    }

    fn heading(&mut self, line_no: usize, marker: markers::Marker<'_>) {
        let keep = self
            .open
            .iter()
            .take_while(|o| o.typed_level < marker.level)
            .count();
        self.close_to(keep);
        // Only the first heading typed below a missing level is worth a warning: its children
        // move up with it.
        let parent_level = self.open.last().map_or(1, |o| o.typed_level);
        if marker.level > parent_level + 1 {
            self.warnings.push(ImportWarning::SkippedLevel {
                line: line_no,
                marker: marker.typed.to_string(),
                missing_level: marker.level - 1,
                // At most 3 headings are open (typed levels 2–4), so the depth is 2–4.
                placed_at: u8::try_from(self.open.len() + 2).unwrap_or(u8::MAX),
            });
        }
        let siblings = match self.open.last_mut() {
            Some(parent) => &mut parent.headings,
            None => &mut self.part_headings,
        };
        *siblings += 1;
        let expected = *siblings;
        self.check_sequence(line_no, &marker, expected);
        let (text, body) = markers::split_run_in(marker.rest);
        if text.is_empty() {
            self.warnings.push(ImportWarning::HeadingWithoutText {
                line: line_no,
                marker: marker.typed.to_string(),
            });
        }
        self.open.push(Open {
            typed_level: marker.level,
            heading: Heading {
                body: body.to_string(),
                ..Heading::new(text)
            },
            headings: 0,
        });
    }

    fn check_sequence(&mut self, line_no: usize, marker: &markers::Marker<'_>, expected: usize) {
        if marker.number == expected {
            return;
        }
        let want = HeadingLevel::try_from(marker.level)
            .map(|l| l.marker(expected))
            .unwrap_or_default();
        self.warnings.push(ImportWarning::OutOfSequence {
            line: line_no,
            marker: marker.typed.to_string(),
            expected: want,
        });
    }

    /// Closes open headings until `keep` remain, attaching each to its parent.
    fn close_to(&mut self, keep: usize) {
        while self.open.len() > keep {
            let Some(done) = self.open.pop() else { break };
            let block = Block::Heading(done.heading);
            if let Some(parent) = self.open.last_mut() {
                parent.heading.children.push(block);
            } else if let Some(part) = self.body.parts.last_mut() {
                part.blocks.push(block);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;

    fn read(text: &str) -> (Body, Vec<ImportWarning>) {
        let mut warnings = Vec::new();
        let body = build(&lines::split(text), &mut warnings);
        (body, warnings)
    }

    fn heading(b: &Block) -> &Heading {
        match b {
            Block::Heading(h) => h,
            Block::Paragraph(p) => panic!("expected a heading, found paragraph {:?}", p.text),
        }
    }

    #[test]
    fn nests_by_marker_level_and_splits_run_ins() {
        let (body, warnings) = read(
            "导语。\n一、举措\n开篇。\n（一）组织\n正文。\n1.走访。以联络员为抓手。\n（1）细项。细文\n2.优化\n（二）学习\n二、不足。一是不平衡。",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(body.preface, [Paragraph::new("导语。")]);
        let p1 = &body.parts[0];
        assert_eq!((p1.heading.as_str(), p1.body.as_str()), ("举措", ""));
        assert_eq!(p1.blocks.len(), 3);
        let h1 = heading(&p1.blocks[1]);
        assert_eq!(h1.text, "组织");
        let item1 = heading(&h1.children[1]);
        assert_eq!(
            (item1.text.as_str(), item1.body.as_str()),
            ("走访。", "以联络员为抓手。")
        );
        let sub = heading(&item1.children[0]);
        assert_eq!((sub.text.as_str(), sub.body.as_str()), ("细项。", "细文"));
        assert_eq!(heading(&h1.children[2]).text, "优化");
        assert_eq!(heading(&p1.blocks[2]).text, "学习");
        let p2 = &body.parts[1];
        assert_eq!(
            (p2.heading.as_str(), p2.body.as_str()),
            ("不足。", "一是不平衡。")
        );
    }

    #[test]
    fn warns_on_sequence_gaps_and_skipped_levels() {
        let (body, warnings) = read("一、甲\n1.直接三级\n（1）四级\n三、乙\n（二）错号");
        assert_eq!(body.parts.len(), 2);
        let l2 = heading(&body.parts[0].blocks[0]);
        assert_eq!(l2.text, "直接三级");
        assert_eq!(heading(&l2.children[0]).text, "四级");
        let at = |line: usize, marker: &str, expected: &str| ImportWarning::OutOfSequence {
            line,
            marker: marker.into(),
            expected: expected.into(),
        };
        assert_eq!(
            warnings,
            [
                ImportWarning::SkippedLevel {
                    line: 2,
                    marker: "1.".into(),
                    missing_level: 2,
                    placed_at: 2,
                },
                at(4, "三、", "二、"),
                at(5, "（二）", "（一）"),
            ]
        );
    }

    #[test]
    fn bare_marker_takes_the_next_line_and_preface_markers_stay_text() {
        let (body, warnings) = read("（一）前置\n一、\n推进\n段落。");
        assert_eq!(body.preface, [Paragraph::new("（一）前置")]);
        assert_eq!(
            warnings,
            [ImportWarning::HeadingBeforeFirstPart {
                line: 1,
                marker: "（一）".into()
            }]
        );
        assert_eq!(body.parts[0].heading, "推进");
        assert_eq!(
            body.parts[0].blocks,
            [Block::Paragraph(Paragraph::new("段落。"))]
        );
    }
}
