//! The body as a tree: preface paragraphs, then parts (`一、`) holding headings (`（一）` `1.`
//! `（1）`) and paragraphs. A heading's level is its depth, whatever marker it was typed with.
//!
//! Besides typed markers, a line may be a heading by its Word heading style (a
//! [`Hint`](crate::lines::Hint) level).
//! Real reports bend the scheme, and these are read as meant: `一、` started again inside a part
//! (read as level 2, see [`Rank`]), `1.` numbered on across `（一）（二）`, a short unnumbered
//! heading above part 一 (kept in the preface).

use nianbao_report::{Block, Heading, HeadingLevel, Paragraph, Part};

use crate::{
    lines::{self, Line, RunIn},
    markers, statutory,
    warning::ImportWarning,
};

/// The preface and parts read from the body lines.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// Paragraphs before the first `一、`.
    pub preface: Vec<Paragraph>,
    /// The parts in order, not yet mapped to the template.
    pub parts: Vec<Part>,
}

/// How deep a heading's marker ranks: typed level × 10, and 15 for a `一、` read as level 2,
/// so that `（一）` under it nests below it.
type Rank = u8;

const DEMOTED_RANK: Rank = 15;

/// Keyword strength from which a `一、` heading that could be a second-level one is taken for a
/// part: it names a statutory part.
const PART_LIKE: f64 = 0.8;
/// Longest line read as a heading above all the parts.
const MAX_HEADING_ABOVE_CHARS: usize = 30;

/// A heading whose children are still being read.
struct Open {
    /// Closes when a marker of this rank or above comes.
    rank: Rank,
    heading: Heading,
    /// Heading children so far, to check the next child's number.
    headings: usize,
}

/// A heading line as read: its level, number and text.
struct Found<'a> {
    /// Level 1–4: typed, or from the style.
    level: u8,
    /// The typed (or rendered) number; `None` for a heading known only by its style.
    number: Option<usize>,
    /// The marker as typed, for warnings; for a style heading its text's start.
    typed: &'a str,
    /// The text after the marker, trimmed.
    rest: &'a str,
    /// Where formatting ends the heading sentence, relative to `rest`.
    run_in: Option<RunIn>,
}

struct Builder<'w> {
    body: Body,
    /// Level-2 headings of the current part so far.
    part_headings: usize,
    /// `一、` headings read as level 2 in the current part so far (0: none).
    demoted: usize,
    open: Vec<Open>,
    /// The last number typed at each level (index = level), for numbering continued across
    /// headings.
    last_number: [usize; 5],
    /// The source line number of the last preface paragraph.
    last_preface: Option<usize>,
    warnings: &'w mut Vec<ImportWarning>,
}

/// Reads body lines (title, recipient and sign-off already removed) into preface and parts.
pub(crate) fn build(lines: &[Line<'_>], warnings: &mut Vec<ImportWarning>) -> Body {
    let mut b = Builder {
        body: Body::default(),
        part_headings: 0,
        demoted: 0,
        open: Vec::new(),
        last_number: [0; 5],
        last_preface: None,
        warnings,
    };
    // When parts are numbered in the text, a line styled as a first-level heading but without
    // a number is not a part: above part 一 it heads the whole body.
    let typed_parts = lines
        .iter()
        .any(|l| markers::parse(l.text).is_some_and(|m| m.level == 1));
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let Some(mut found) = read_heading(&line) else {
            b.paragraph(&line);
            continue;
        };
        if found.number.is_none() && found.level == 1 && typed_parts && b.body.parts.is_empty() {
            b.paragraph(&line);
            continue;
        }
        // `一、` alone on its line, with the heading on the next one.
        if found.rest.is_empty()
            && found.number.is_some()
            && let Some(next) = lines.get(i)
            && read_heading(next).is_none()
        {
            found.rest = next.text;
            found.run_in = next.hint.run_in;
            i += 1;
        }
        if found.level == 1 {
            b.level_one(&line, found);
        } else if b.body.parts.is_empty() {
            b.warnings.push(ImportWarning::HeadingBeforeFirstPart {
                line: line.no,
                marker: found.typed.to_string(),
            });
            b.preface(&line);
        } else {
            b.heading(&line, found.level * 10, found);
        }
    }
    b.close_to(0);
    b.body
}

/// The heading a line starts, by its typed marker or else its heading style.
fn read_heading<'a>(line: &Line<'a>) -> Option<Found<'a>> {
    if let Some(m) = markers::parse(line.text) {
        return Some(Found {
            level: m.level,
            number: Some(m.number),
            typed: m.typed,
            rest: m.rest,
            run_in: relative_run_in(line, m.rest),
        });
    }
    let level = line.hint.level?;
    let typed_end = line
        .text
        .char_indices()
        .nth(8)
        .map_or(line.text.len(), |(i, _)| i);
    Some(Found {
        level,
        number: None,
        typed: &line.text[..typed_end],
        rest: line.text,
        run_in: line.hint.run_in,
    })
}

/// The line's run-in offset made relative to `rest`, a trimmed tail of its text.
fn relative_run_in(line: &Line<'_>, rest: &str) -> Option<RunIn> {
    match line.hint.run_in? {
        RunIn::Whole => Some(RunIn::Whole),
        RunIn::At(at) => at.checked_sub(offset_in(line.text, rest)).map(RunIn::At),
    }
}

/// Byte offset of `inner` in `outer`, of which it is a subslice.
fn offset_in(outer: &str, inner: &str) -> usize {
    let offset = (inner.as_ptr() as usize).wrapping_sub(outer.as_ptr() as usize);
    debug_assert!(offset + inner.len() <= outer.len(), "not a subslice");
    offset.min(outer.len())
}

/// Splits a heading's text into the heading sentence and its run-in body: where formatting
/// shows it, else at the first `。`. Closing punctuation the body would start with stays with
/// the heading.
fn split_heading(rest: &str, run_in: Option<RunIn>) -> (&str, &str) {
    match run_in {
        Some(RunIn::Whole) => (rest, ""),
        Some(RunIn::At(at)) if at > 0 && at < rest.len() && rest.is_char_boundary(at) => {
            let body = &rest[at..];
            let moved = body
                .char_indices()
                .find(|&(_, c)| !is_closing(c))
                .map_or(body.len(), |(i, _)| i);
            let head = &rest[..at + moved];
            let body = lines::trim(&body[moved..]);
            let head = lines::trim(head);
            if head.is_empty() {
                markers::split_run_in(rest)
            } else {
                (head, body)
            }
        }
        _ => markers::split_run_in(rest),
    }
}

/// Punctuation that closes what comes before it.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '；'
            | '：'
            | '！'
            | '？'
            | '、'
            | '）'
            | '”'
            | '’'
            | '》'
            | '」'
            | '』'
            | ')'
    )
}

impl Builder<'_> {
    fn paragraph(&mut self, line: &Line<'_>) {
        let p = Block::Paragraph(Paragraph::new(line.text));
        if let Some(top) = self.open.last_mut() {
            top.heading.children.push(p);
        } else if let Some(part) = self.body.parts.last_mut() {
            part.blocks.push(p);
        } else {
            self.preface(line);
        }
    }

    fn preface(&mut self, line: &Line<'_>) {
        self.body.preface.push(Paragraph::new(line.text));
        self.last_preface = Some(line.no);
    }

    /// A `一、` line: a new part, or a second-level heading where `一、` started again inside a
    /// part (and the `二、` `三、` that continue that run).
    fn level_one(&mut self, line: &Line<'_>, found: Found<'_>) {
        let parts = self.body.parts.len();
        let Some(n) = found.number else {
            return self.part(line, found);
        };
        if parts == 0 {
            return self.part(line, found);
        }
        let (text, _) = split_heading(found.rest, found.run_in);
        let part_like = statutory::keyword_strength(text) >= PART_LIKE;
        let styled_lower = line.hint.level.is_some_and(|l| l >= 2);
        let demote = if styled_lower {
            true
        } else if self.demoted > 0 && n == self.demoted + 1 {
            !(n == parts + 1 && part_like)
        } else if n == parts + 1 {
            false
        } else {
            n == 1 && !part_like
        };
        if !demote {
            return self.part(line, found);
        }
        if self.demoted == 0 {
            self.warnings.push(ImportWarning::RestartedPartNumbering {
                line: line.no,
                marker: found.typed.to_string(),
            });
        }
        self.demoted += 1;
        // Numbered as its own run, not among other second-level headings.
        let expected = self.demoted;
        self.heading_at(line, DEMOTED_RANK, found, Some(expected));
    }

    fn part(&mut self, line: &Line<'_>, found: Found<'_>) {
        self.close_to(0);
        if self.body.parts.is_empty() {
            self.heading_above_parts();
        }
        self.check_sequence(line.no, &found, self.body.parts.len() + 1);
        let (heading, body) = split_heading(found.rest, found.run_in);
        if heading.is_empty() {
            self.warnings.push(ImportWarning::PartWithoutHeading {
                line: line.no,
                marker: found.typed.to_string(),
            });
        }
        self.body.parts.push(Part {
            body: body.to_string(),
            ..Part::new(heading)
        });
        self.part_headings = 0;
        self.demoted = 0;
    }

    /// Warns when the last preface paragraph, right above part 一, reads like a heading.
    fn heading_above_parts(&mut self) {
        let (Some(line_no), Some(p)) = (self.last_preface, self.body.preface.last()) else {
            return;
        };
        let text = p.text.as_str();
        let looks_like_heading = text.chars().count() <= MAX_HEADING_ABOVE_CHARS
            && markers::parse(text).is_none()
            && !lines::has_sentence_punctuation(text)
            && !text.ends_with(['。', '.']);
        if looks_like_heading {
            self.warnings.push(ImportWarning::HeadingAboveParts {
                line: line_no,
                text: text.to_string(),
            });
        }
    }

    fn heading(&mut self, line: &Line<'_>, rank: Rank, found: Found<'_>) {
        self.heading_at(line, rank, found, None);
    }

    /// Opens a heading of `rank` under the open headings of lower rank. `expected` overrides
    /// the number expected from the siblings (for `一、` read as level 2).
    fn heading_at(
        &mut self,
        line: &Line<'_>,
        rank: Rank,
        found: Found<'_>,
        expected: Option<usize>,
    ) {
        let keep = self.open.iter().take_while(|o| o.rank < rank).count();
        self.close_to(keep);
        if self.open.len() >= 3 {
            // Level 5 does not exist: keep the line, marker and all, as a paragraph.
            self.warnings.push(ImportWarning::TooDeep {
                line: line.no,
                marker: found.typed.to_string(),
            });
            self.paragraph(line);
            return;
        }
        // Only the first heading typed below a missing level is worth a warning: its children
        // move up with it.
        let parent_level = self.open.last().map_or(1, |o| o.rank / 10);
        let level = rank / 10;
        if expected.is_none() && found.number.is_some() && level > parent_level + 1 {
            self.warnings.push(ImportWarning::SkippedLevel {
                line: line.no,
                marker: found.typed.to_string(),
                missing_level: level - 1,
                // At most 3 headings are open, so the depth is 2–4.
                placed_at: u8::try_from(self.open.len() + 2).unwrap_or(u8::MAX),
            });
        }
        let siblings = match self.open.last_mut() {
            Some(parent) => &mut parent.headings,
            None => &mut self.part_headings,
        };
        *siblings += 1;
        let from_siblings = *siblings;
        match expected {
            Some(e) => self.check_sequence(line.no, &found, e),
            None => self.check_item_sequence(line.no, &found, from_siblings),
        }
        let (text, body) = split_heading(found.rest, found.run_in);
        if text.is_empty() {
            self.warnings.push(ImportWarning::HeadingWithoutText {
                line: line.no,
                marker: found.typed.to_string(),
            });
        }
        self.open.push(Open {
            rank,
            heading: Heading {
                body: body.to_string(),
                ..Heading::new(text)
            },
            headings: 0,
        });
    }

    /// Like [`check_sequence`](Self::check_sequence), but a number that continues the count of
    /// the same level under the previous heading (`4.` as the first item under `（二）` after
    /// `1.`–`3.` under `（一）`) is accepted, with one warning where the count should restart.
    fn check_item_sequence(&mut self, line_no: usize, found: &Found<'_>, expected: usize) {
        let Some(n) = found.number else { return };
        let level = usize::from(found.level.min(4));
        let last = self.last_number[level];
        self.last_number[level] = n;
        if n == expected {
            return;
        }
        if last > 0 && n == last + 1 {
            if expected == 1 {
                self.warnings.push(ImportWarning::ContinuousNumbering {
                    line: line_no,
                    marker: found.typed.to_string(),
                    expected: marker_for(found.level, 1),
                });
            }
            return;
        }
        self.warn_sequence(line_no, found, expected);
    }

    fn check_sequence(&mut self, line_no: usize, found: &Found<'_>, expected: usize) {
        if let Some(n) = found.number {
            self.last_number[usize::from(found.level.min(4))] = n;
            if n != expected {
                self.warn_sequence(line_no, found, expected);
            }
        }
    }

    fn warn_sequence(&mut self, line_no: usize, found: &Found<'_>, expected: usize) {
        self.warnings.push(ImportWarning::OutOfSequence {
            line: line_no,
            marker: found.typed.to_string(),
            expected: marker_for(found.level, expected),
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

/// The marker of number `n` at typed level `level`.
fn marker_for(level: u8, n: usize) -> String {
    HeadingLevel::try_from(level)
        .map(|l| l.marker(n))
        .unwrap_or_default()
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

    #[test]
    fn restarted_part_numbering_reads_as_level_two_until_a_statutory_part() {
        let (body, warnings) = read(
            "一、主要举措和成效\n一、强化组织领导\n（一）健全制度\n1.细项\n（1）更细\n二、深化改革\n二、存在的不足和原因\n不足。",
        );
        let headings: Vec<&str> = body.parts.iter().map(|p| p.heading.as_str()).collect();
        assert_eq!(headings, ["主要举措和成效", "存在的不足和原因"]);
        let first = heading(&body.parts[0].blocks[0]);
        assert_eq!(first.text, "强化组织领导");
        let l3 = heading(&first.children[0]);
        assert_eq!(l3.text, "健全制度");
        let l4 = heading(&l3.children[0]);
        assert_eq!(l4.text, "细项");
        // Level 5 does not exist: kept as a paragraph, marker and all.
        assert_eq!(l4.children, [Block::Paragraph(Paragraph::new("（1）更细"))]);
        assert_eq!(heading(&body.parts[0].blocks[1]).text, "深化改革");
        assert_eq!(
            warnings,
            [
                ImportWarning::RestartedPartNumbering {
                    line: 2,
                    marker: "一、".into()
                },
                ImportWarning::TooDeep {
                    line: 5,
                    marker: "（1）".into()
                },
            ]
        );
    }

    #[test]
    fn items_numbered_on_across_headings_are_accepted() {
        let (body, warnings) =
            read("一、举措\n（一）甲\n1.子\n2.丑\n（二）乙\n3.寅\n4.卯\n（三）丙\n1.辰");
        let second = heading(&body.parts[0].blocks[1]);
        assert_eq!(second.children.len(), 2);
        assert_eq!(
            warnings,
            [ImportWarning::ContinuousNumbering {
                line: 6,
                marker: "3.".into(),
                expected: "1.".into()
            }]
        );
    }

    #[test]
    fn styled_lines_are_headings_and_formatting_splits_run_ins() {
        let hinted = |no, text, level, run_in| Line {
            no,
            text,
            hint: crate::lines::Hint {
                level,
                run_in,
                ..crate::lines::Hint::default()
            },
        };
        let lines = [
            hinted(1, "总体情况", Some(1), None),
            Line::plain(2, "一、推进法治政府建设的主要举措和成效"),
            hinted(
                3,
                "强化领导成立小组。",
                Some(2),
                Some(RunIn::At("强化领导".len())),
            ),
            hinted(4, "（二）完善制度。细则", None, Some(RunIn::Whole)),
            hinted(
                5,
                "1.走访企业，稳企解困，以企业为抓手。",
                None,
                Some(RunIn::At("1.走访企业，稳企解困".len())),
            ),
        ];
        let mut warnings = Vec::new();
        let body = build(&lines, &mut warnings);
        assert_eq!(body.preface, [Paragraph::new("总体情况")]);
        assert_eq!(
            warnings,
            [ImportWarning::HeadingAboveParts {
                line: 1,
                text: "总体情况".into()
            }]
        );
        let blocks = &body.parts[0].blocks;
        let styled = heading(&blocks[0]);
        assert_eq!(
            (styled.text.as_str(), styled.body.as_str()),
            ("强化领导", "成立小组。")
        );
        let whole = heading(&blocks[1]);
        assert_eq!(
            (whole.text.as_str(), whole.body.as_str()),
            ("完善制度。细则", "")
        );
        let item = heading(&whole.children[0]);
        assert_eq!(
            (item.text.as_str(), item.body.as_str()),
            ("走访企业，稳企解困，", "以企业为抓手。")
        );
    }
}
