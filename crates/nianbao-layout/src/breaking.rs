//! Line breaking as LibreOffice does it for the exported paragraphs: greedy, one character at a
//! time, Latin words and numbers kept whole, and the Chinese line-breaking rules (禁则): no line
//! starts with a closing mark and none ends with an opening one. A 、，。 (or an ASCII comma or full stop) that does not fit
//! hangs past the right edge (LibreOffice's hanging punctuation); any other mark that may not
//! start a line takes the character before it down to the next line.

use crate::blocks::{Shape, font};
use crate::geometry::TEXT_WIDTH;
use crate::metrics::{is_ideograph, is_latin, is_neutral};
use crate::model::Span;

/// Marks no line may start with (Chinese and their ASCII twins).
const NO_START: &str = "，。、；：？！）》”’」』】〕…%,.;:?!)]}";
/// Marks no line may end with.
const NO_END: &str = "（《“‘「『【〔([{";
/// Quotation marks; no line breaks between two of them.
const QUOTES: &str = "“”‘’\"'";
/// Marks LibreOffice lets hang past the right edge instead of breaking before them.
const HANGING: &str = "，。、．,.";

/// A line of a paragraph before it is put on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BrokenLine {
    /// The text in runs of one style.
    pub spans: Vec<Span>,
    /// Left edge, twips from the left of the 版心.
    pub left: i32,
    /// Natural width of the text, twips (a hanging mark included).
    pub width: i32,
}

/// One character with what it takes on the line.
struct Glyph {
    c: char,
    /// Set in Latin script (Times New Roman): letters, digits, symbols and the marks after them.
    latin: bool,
    run: usize,
    advance: i32,
    /// Space LibreOffice puts before it where Chinese meets Latin; dropped at a line start.
    gap: i32,
}

fn glyphs(shape: &Shape) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = Vec::new();
    // Script of the last strong character; neutral marks take it (at the start, the next one's).
    let mut latin = (shape.runs.iter())
        .flat_map(|(t, _)| t.chars())
        .find(|c| !is_neutral(*c))
        .is_some_and(|c| c.is_ascii());
    for (run, (text, style)) in shape.runs.iter().enumerate() {
        let f = font(*style);
        for c in text.chars() {
            if !is_neutral(c) {
                latin = c.is_ascii() && c != '\n';
            }
            let gap = match out.last() {
                Some(prev)
                    if (is_ideograph(prev.c) && is_latin(c))
                        || (is_latin(prev.c) && is_ideograph(c)) =>
                {
                    f.script_gap()
                }
                _ => 0,
            };
            out.push(Glyph {
                c,
                latin,
                run,
                advance: f.advance(c, !latin),
                gap,
            });
        }
    }
    out
}

/// Whether a line may end between `a` and `b`.
fn may_break(a: char, b: char) -> bool {
    if b == ' ' || NO_START.contains(b) || NO_END.contains(a) || a == '\n' {
        return false;
    }
    if a == ' ' {
        return true;
    }
    // Latin words and numbers stay whole; 3.14 and 1,000 too.
    if (is_latin(a) || ".,:".contains(a)) && is_latin(b) {
        return false;
    }
    // Two quotation marks stay together (”“), as in LibreOffice's rules.
    if QUOTES.contains(a) && QUOTES.contains(b) {
        return false;
    }
    // —— and …… are never split.
    !(a == b && "—…".contains(a))
}

/// Breaks a paragraph into lines.
pub(crate) fn break_lines(shape: &Shape) -> Vec<BrokenLine> {
    let gl = glyphs(shape);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut first = true;
    if gl.is_empty() {
        lines.push(line(shape, &gl, 0, 0, first));
        return lines;
    }
    while start < gl.len() {
        let left = if first { shape.first } else { shape.left };
        let room = TEXT_WIDTH - left - shape.right;
        let (end, next) = line_end(shape, &gl, start, room);
        lines.push(line(shape, &gl, start, end, first));
        start = next;
        first = false;
    }
    lines
}

/// Where the line that starts at `start` ends (exclusive), and where the next one starts.
fn line_end(shape: &Shape, gl: &[Glyph], start: usize, room: i32) -> (usize, usize) {
    let mut x = 0;
    for i in start..gl.len() {
        let g = &gl[i];
        if g.c == '\n' {
            return (i, i + 1);
        }
        if g.c == '\t' && shape.right_tab {
            // The 印发 line: the date goes to the right edge; the line is as wide as the room.
            x = room - gl[i + 1..].iter().map(|g| g.advance + g.gap).sum::<i32>();
            continue;
        }
        let advance = g.advance + if i == start { 0 } else { g.gap };
        if x + advance <= room || i == start {
            x += advance;
            continue;
        }
        // The character at i does not fit.
        let breaks_after = |j: usize| j + 1 >= gl.len() || may_break(gl[j].c, gl[j + 1].c);
        // Only a mark in a Chinese stretch hangs (not one right after digits, as in 100%。).
        if HANGING.contains(g.c) && !g.latin && !gl[i - 1].latin && breaks_after(i) {
            return (i + 1, i + 1);
        }
        if g.c == ' ' {
            // Spaces at a line end take no room; the next line starts after them.
            let mut j = i;
            while j < gl.len() && gl[j].c == ' ' {
                j += 1;
            }
            return (i, j);
        }
        let end = (start + 1..=i)
            .rev()
            .find(|&j| may_break(gl[j - 1].c, gl[j].c))
            .unwrap_or(i);
        return (end, end);
    }
    (gl.len(), gl.len())
}

fn line(shape: &Shape, gl: &[Glyph], start: usize, end: usize, first: bool) -> BrokenLine {
    let mut spans: Vec<Span> = Vec::new();
    let mut width = 0;
    for (k, g) in gl[start..end].iter().enumerate() {
        width += g.advance + if k == 0 { 0 } else { g.gap };
        let style = shape.runs[g.run].1;
        match spans.last_mut() {
            Some(s) if s.style == style => s.text.push(g.c),
            _ => spans.push(Span {
                text: g.c.to_string(),
                style,
            }),
        }
    }
    BrokenLine {
        spans,
        left: if first { shape.first } else { shape.left },
        width,
    }
}

/// The styles of a shape's text, for tests.
#[cfg(test)]
pub(crate) fn texts(lines: &[BrokenLine]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

#[cfg(test)]
pub(crate) fn body(text: &str, first: i32) -> Shape {
    Shape {
        runs: vec![(text.to_string(), crate::model::SpanStyle::Body)],
        first,
        left: 0,
        right: 0,
        align: crate::model::Align::Justify,
        line_height: crate::geometry::LINE_PITCH,
        after: 0,
        right_tab: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        texts(&break_lines(&body(text, 0)))
    }

    const HAN: &str = "法治政府建设年度情况报告依法行政体制机制进一步完善推进各项工作有序开展";

    fn han(n: usize) -> String {
        HAN.chars().cycle().take(n).collect()
    }

    #[test]
    fn exactly_28_cjk_fill_one_line() {
        assert_eq!(lines(&han(28)), [han(28)]);
    }

    #[test]
    fn the_29th_cjk_character_wraps() {
        let l = lines(&han(29));
        assert_eq!(l.len(), 2);
        assert_eq!(l[0], han(28));
        assert_eq!(l[1].chars().count(), 1);
    }

    #[test]
    fn first_line_indent_leaves_26() {
        let l = texts(&break_lines(&body(&han(30), 640)));
        assert_eq!(l[0].chars().count(), 26);
        assert_eq!(l[1].chars().count(), 4);
    }

    #[test]
    fn two_digits_take_about_one_cell() {
        // 25 characters, four digits and the two gaps LibreOffice puts around them: 8635 twips.
        let text = format!("{}1234{}", han(20), han(5));
        assert_eq!(lines(&text), [text.as_str()]);
        // One more character does not fit.
        let text = format!("{}1234{}", han(20), han(6));
        assert_eq!(lines(&text).len(), 2);
        // Four digits where two characters would be: 26 + 2 fill the line without gaps.
        let text = format!("{}1234", han(26));
        assert_eq!(lines(&text), [han(26), "1234".to_string()]);
    }

    #[test]
    fn ascii_marks_after_chinese_are_narrow() {
        // 27 characters and a half-width comma (87 twips) still fit.
        let text = format!("{},{}", han(27), han(2));
        assert_eq!(lines(&text)[0], format!("{},", han(27)));
    }

    #[test]
    fn a_number_is_never_split() {
        let text = format!("{}2023年", han(26));
        let l = lines(&text);
        assert_eq!(l[1], "2023年");
    }

    #[test]
    fn comma_and_full_stop_hang_past_the_edge() {
        for mark in ['，', '。', '、'] {
            let text = format!("{}{mark}{}", han(28), han(3));
            let l = lines(&text);
            assert_eq!(l[0], format!("{}{mark}", han(28)), "{mark}");
            assert_eq!(l[1], han(3));
        }
    }

    #[test]
    fn closing_marks_take_the_character_before_them_down() {
        for mark in "；：？！）》”’」』】〕…".chars() {
            let text = format!("{}{mark}后文", han(28));
            let l = lines(&text);
            assert_eq!(l[0], han(27), "{mark}");
            assert!(l[1].starts_with(&format!("{}{mark}", &han(28)[han(27).len()..])));
        }
    }

    #[test]
    fn opening_marks_never_end_a_line() {
        for mark in "（《“‘「『【〔".chars() {
            // The mark would be the 28th character: it goes down with the word it opens.
            let text = format!("{}{mark}依法行政", han(27));
            let l = lines(&text);
            assert_eq!(l[0], han(27), "{mark}");
            assert!(l[1].starts_with(mark));
        }
    }

    #[test]
    fn forced_line_breaks_are_kept() {
        assert_eq!(lines("第一行\n第二行"), ["第一行", "第二行"]);
    }

    #[test]
    fn an_empty_paragraph_is_one_blank_line() {
        assert_eq!(lines(""), [""]);
    }
}
